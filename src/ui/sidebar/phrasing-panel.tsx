/**
 * Scenario scripts for the current case type, filled from the profile, waybill and case. The live
 * check of the agent's reply (the phrasing rules) arrives with the editor bridge in the next version.
 */
import { CASE_TYPE_LABELS, type CaseType } from "~lib/cases/model"
import { renderScript, listScripts } from "~lib/scripts/render"
import { SCRIPT_STAGES, type ScriptStage } from "~lib/scripts/scripts"
import { varsFromContext, type SlotContext } from "~lib/scripts/slots"

import { CopyButton } from "../copy-button"
import type { StringKey } from "../i18n"
import { T, useLocale } from "../locale"

export const STAGE_KEYS: Record<ScriptStage, StringKey> = {
  opening: "stageOpening",
  confirm: "stageConfirm",
  handle: "stageHandle",
  promise: "stagePromise",
  closing: "stageClosing",
  internal: "stageInternal",
}

export function PhrasingPanel({ caseType, context }: { caseType: CaseType; context: SlotContext }) {
  const locale = useLocale()
  const vars = varsFromContext(context)
  // Internal scripts are for the ladder (shown in the escalation tab), not for the customer.
  const scripts = listScripts({ caseType }).filter((s) => s.stage !== "internal")
  return (
    <section className="phrasing" data-testid="phrasing-panel">
      <p className="muted small-text">
        <T k="scriptsFor" />: {CASE_TYPE_LABELS[caseType][locale === "en" ? "en" : "zh"]}
      </p>
      {SCRIPT_STAGES.filter((stage) => stage !== "internal").map((stage) => {
        const inStage = scripts.filter((s) => s.stage === stage)
        if (!inStage.length) return null
        return (
          <div key={stage} className="script-stage">
            <h3>
              <T k={STAGE_KEYS[stage]} />
            </h3>
            <ul className="scripts">
              {inStage.map((script) => {
                // What the agent says to the customer is Chinese; the English gloss helps English-UI users.
                const zh = renderScript(script.id, vars)
                const en =
                  locale === "en" && script.textEn ? renderScript(script.id, vars, { lang: "en" }) : null
                return (
                  <li key={script.id} className="script" data-testid="script-item" data-script-id={script.id}>
                    <div className="row">
                      <strong className="small-text">{script.title[locale === "en" ? "en" : "zh"]}</strong>
                      <CopyButton value={zh.text} testid="script-copy" />
                    </div>
                    <p className="script-text">{zh.text}</p>
                    {en && <p className="script-text muted small-text">{en.text}</p>}
                    {zh.missing.length > 0 && (
                      <p className="muted small-text">
                        <T k="missingSlots" />: {zh.missing.join("、")}
                      </p>
                    )}
                  </li>
                )
              })}
            </ul>
          </div>
        )
      })}
      <p className="muted small-text">
        <T k="phrasingCheckNext" />
      </p>
    </section>
  )
}
