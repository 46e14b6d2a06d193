/**
 * The options page: the admin policy in force, then one section each for the agent's profile, enabled
 * sites, the team key, display, the contact directory, the knowledge pack, data (export / import /
 * purge), the QA trail and the team server.
 */
import { QaOptionsSection } from "../audit/qa-options"
import { ErrorBoundary } from "../error-boundary"
import { KnowledgeOptionsSection } from "../knowledge/knowledge-options"
import { LocaleProvider, T } from "../locale"
import { PolicyPanel } from "../policy/policy-panel"
import { useSettings } from "../use-settings"
import { DataSection } from "./data-section"
import { DirectorySection } from "./directory-section"
import { DisplaySection } from "./display-section"
import { ProfileSection } from "./profile-section"
import { SitesSection } from "./sites-section"
import { TeamKeySection } from "./team-key-section"
import { TeamSection } from "./team-section"

function OptionsMain() {
  const settings = useSettings()
  const locale = settings?.locale ?? "zh"
  return (
    <LocaleProvider locale={locale}>
      <main className="options" data-testid="options-app" lang={locale === "en" ? "en" : "zh-CN"}>
        <h1>
          <T k="optionsTitle" />
        </h1>
        {!settings ? (
          <p className="muted">
            <T k="loading" />
          </p>
        ) : (
          <>
            <PolicyPanel />
            <ProfileSection profile={settings.profile} />
            <SitesSection sites={settings.sites} />
            <TeamKeySection teamKey={settings.teamKey} />
            <DisplaySection settings={settings} />
            <DirectorySection />
            <KnowledgeOptionsSection />
            <DataSection />
            <QaOptionsSection />
            <TeamSection workId={settings.profile.workId} />
          </>
        )}
      </main>
    </LocaleProvider>
  )
}

export function OptionsApp() {
  return (
    <ErrorBoundary>
      <OptionsMain />
    </ErrorBoundary>
  )
}
