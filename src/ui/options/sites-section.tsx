/** Options → 已启用的网站: a row per enabled site; the ones the admin policy enables are read-only. */
import type { SiteSetting } from "~lib/store/contract"
import { CARRIERS } from "~lib/waybill/carriers"

import { Field } from "../field"
import { T, useLocale } from "../locale"
import { LockedBadge } from "../policy/locked"
import { Section } from "../section"
import { SiteRow } from "./site-row"

/** A site the admin policy enables: its config shown, disabled; no save or disable. */
function ManagedSiteRow({ site }: { site: SiteSetting }) {
  const locale = useLocale()
  const carrier = CARRIERS.find((c) => c.code === site.carrierHint || c.name === site.carrierHint)
  return (
    <div className="site-row" data-testid="site-row" data-origin={site.origin} data-managed="true">
      <div className="row">
        <strong className="site-origin">{site.origin}</strong> <LockedBadge />
      </div>
      <fieldset disabled className="field-row locked-field">
        <Field label={<T k="pinnedSelector" />}>
          <input data-testid="site-selector" value={site.pinnedSelector ?? ""} readOnly />
        </Field>
        <Field label={<T k="carrierHint" />}>
          <input
            data-testid="site-carrier"
            value={carrier ? (locale === "en" ? carrier.nameEn : carrier.name) : (site.carrierHint ?? "")}
            readOnly
          />
        </Field>
      </fieldset>
    </div>
  )
}

export function SitesSection({ sites }: { sites: SiteSetting[] }) {
  return (
    <Section id="sites-title" title={<T k="sites" />}>
      {sites.length === 0 && (
        <p className="muted" data-testid="sites-empty">
          <T k="noSites" />
        </p>
      )}
      {sites.map((site) =>
        site.managed ? (
          <ManagedSiteRow key={`${site.origin}@policy`} site={site} />
        ) : (
          // Keyed by origin and enabledAt: re-enabling a site starts its row fresh.
          <SiteRow key={`${site.origin}@${site.enabledAt}`} site={site} sites={sites} />
        ),
      )}
    </Section>
  )
}
