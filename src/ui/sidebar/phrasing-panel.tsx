/**
 * The 话术 tab: the live check of the agent's reply (findings, one-click fixes, Fix all, dismiss,
 * "wrong" reports), a prompt to set a callback when the reply promises one, and the scenario scripts
 * for the case type, which can be copied or inserted at the caret of the CRM's reply editor.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from "react"

import { CASE_TYPE_LABELS, type CaseType } from "~lib/cases/model"
import { checkVersion } from "~lib/phrasing/check"
import { fillReplacementSlots, replacementSlots } from "~lib/phrasing/replacement"
import { readyReplacement } from "~lib/phrasing/rewrite"
import type { PhrasingCategory, PhrasingFinding, PhrasingSeverity } from "~lib/phrasing/types"
import { getScript, renderScript, scriptsForCase } from "~lib/scripts/render"
import { SCRIPT_STAGES, type Script, type ScriptStage } from "~lib/scripts/scripts"
import { varsFromContext, type SlotContext } from "~lib/scripts/slots"
import { altDigit, findingKey, slotDefaults, slotsComplete } from "~lib/ui-logic/phrasing-fixes"
import { detectPromise, type PromiseHit } from "~lib/ui-logic/promise"

import { CopyButton } from "../copy-button"
import type { StringKey } from "../i18n"
import { T, useLocale, usePick, useT } from "../locale"
import { FixAllPreviewView } from "./fix-all-preview"
import type { PhrasingSession } from "./phrasing-session"

export const STAGE_KEYS: Record<ScriptStage, StringKey> = {
  opening: "stageOpening",
  confirm: "stageConfirm",
  handle: "stageHandle",
  promise: "stagePromise",
  closing: "stageClosing",
  internal: "stageInternal",
}

const SEVERITY_KEYS: Record<PhrasingSeverity, StringKey> = {
  forbidden: "severityForbidden",
  warning: "severityWarning",
  hint: "severityHint",
}

export const CATEGORY_KEYS: Record<PhrasingCategory, StringKey> = {
  refusal: "catRefusal",
  "blame-shifting": "catBlame",
  impatience: "catImpatience",
  uncertainty: "catUncertainty",
  rudeness: "catRudeness",
  "over-promising": "catOverPromising",
  "held-over-fees": "catHeldOverFees",
}

/** Inline fields for `{slot}` values; submits the filled values. */
export function SlotForm(props: {
  slots: string[]
  initial: Record<string, string>
  testid: string
  submitKey: StringKey
  onSubmit(values: Record<string, string>): void
  onCancel(): void
}) {
  const t = useT()
  const [values, setValues] = useState(props.initial)
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => first.current?.focus(), [])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (slotsComplete(values)) props.onSubmit(values)
  }
  return (
    <form className="slot-form" data-testid={props.testid} onSubmit={submit}>
      <p className="muted small-text">
        <T k="fillSlots" />
      </p>
      {props.slots.map((slot, i) => (
        <label key={slot} className="field inline">
          <span className="label">{slot}</span>
          <input
            ref={i === 0 ? first : undefined}
            data-testid="slot-input"
            data-slot={slot}
            value={values[slot] ?? ""}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => setValues((v) => ({ ...v, [slot]: e.target.value }))}
            onKeyDown={(e) => {
              if (e.key === "Escape") props.onCancel()
            }}
          />
        </label>
      ))}
      <div className="row">
        <button
          type="submit"
          className="small primary"
          data-testid="slot-submit"
          disabled={!slotsComplete(values)}
        >
          <T k={props.submitKey} />
        </button>
        <button type="button" className="small" onClick={props.onCancel} title={t("cancel")}>
          <T k="cancel" />
        </button>
      </div>
    </form>
  )
}

/** What a tone-model finding rests on: its confidence and the words that weighed most. */
function ToneNote({ finding }: { finding: PhrasingFinding }) {
  const confidence = Math.round((finding.confidence ?? 0) * 100)
  return (
    <p className="small-text muted" data-testid="phrasing-tone" data-confidence={confidence}>
      <T k="toneFinding" values={{ confidence }} />{" "}
      {finding.cues && finding.cues.length > 0 && (
        <>
          <T k="toneCues" />{" "}
          {finding.cues.map((c) => (
            <mark key={`${c.start}-${c.end}`} className="cue" data-testid="phrasing-cue">
              {c.text}
            </mark>
          ))}
        </>
      )}
    </p>
  )
}

function FindingItem(props: {
  finding: PhrasingFinding
  known: Record<string, string>
  session: PhrasingSession
  index: number
}) {
  const { finding, known, session } = props
  const locale = useLocale()
  const pick = usePick()
  const t = useT()
  const [asking, setAsking] = useState<string | null>(null)
  const [wrongOpen, setWrongOpen] = useState(false)
  const [reason, setReason] = useState("")
  const message = pick(finding.message)

  const choose = (replacement: string) => {
    if (replacementSlots(replacement).length) setAsking(replacement)
    else void session.apply(finding, replacement)
  }

  return (
    <li
      className={`finding severity-${finding.severity} cat-${finding.category}`}
      data-testid="phrasing-finding"
      data-rule-id={finding.ruleId}
      data-severity={finding.severity}
      data-category={finding.category}
      tabIndex={0}
      aria-label={`${finding.text} — ${message}`}
    >
      <div className="row">
        <mark className={`flagged severity-${finding.severity}`} data-testid="phrasing-flagged">
          {finding.text}
        </mark>
        <span className={`badge severity-${finding.severity}`}>
          <T k={SEVERITY_KEYS[finding.severity]} />
        </span>
        <span className="muted small-text">
          <T k={CATEGORY_KEYS[finding.category]} />
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="small link"
          data-testid="phrasing-wrong"
          aria-expanded={wrongOpen}
          onClick={() => setWrongOpen((o) => !o)}
        >
          <T k="wrong" />
        </button>
        <button
          type="button"
          className="small icon"
          data-testid="phrasing-dismiss"
          aria-label={t("dismiss")}
          title={t("dismiss")}
          onClick={() => session.dismiss(finding)}
        >
          ×
        </button>
      </div>
      <p className="small-text" data-testid="phrasing-reason">
        {message}
        {locale === "zh-en" && <span className="en"> {finding.message.en}</span>}
      </p>
      {finding.source === "model" && <ToneNote finding={finding} />}
      <div className="replacements">
        {finding.replacements.map((r, i) => (
          <button
            key={r}
            type="button"
            className="small replacement"
            data-testid="phrasing-replacement"
            data-slots={replacementSlots(r).length > 0}
            disabled={session.busy}
            title={props.index === 0 && i < 3 ? `Alt+${i + 1}` : undefined}
            onClick={() => choose(r)}
          >
            {props.index === 0 && i < 3 && <kbd>{i + 1}</kbd>} {r}
          </button>
        ))}
      </div>
      {asking && (
        <SlotForm
          slots={replacementSlots(asking)}
          initial={slotDefaults(replacementSlots(asking), known)}
          testid="phrasing-slot-form"
          submitKey="apply"
          onCancel={() => setAsking(null)}
          onSubmit={(values) => {
            const filled = fillReplacementSlots(asking, values)
            setAsking(null)
            void session.apply(finding, filled)
          }}
        />
      )}
      {wrongOpen && (
        <form
          className="wrong-form row"
          data-testid="phrasing-wrong-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!reason.trim()) return
            session.wrong(finding, reason)
            setWrongOpen(false)
          }}
        >
          <input
            data-testid="phrasing-wrong-reason"
            placeholder={t("wrongReason")}
            aria-label={t("wrongReason")}
            value={reason}
            maxLength={200}
            autoFocus
            onChange={(e) => setReason(e.target.value)}
          />
          <button
            type="submit"
            className="small"
            data-testid="phrasing-wrong-submit"
            disabled={!reason.trim()}
          >
            <T k="send" />
          </button>
        </form>
      )}
    </li>
  )
}

/** A titled group of scripts (nothing when the group is empty). */
function ScriptStage(props: {
  className: string
  testid?: string
  title: ReactNode
  scripts: Script[]
  vars: Record<string, string>
  session: PhrasingSession
}) {
  if (!props.scripts.length) return null
  return (
    <div className={props.className} data-testid={props.testid}>
      <h3>{props.title}</h3>
      <ul className="scripts">
        {props.scripts.map((script) => (
          <ScriptItem key={script.id} script={script} vars={props.vars} session={props.session} />
        ))}
      </ul>
    </div>
  )
}

function ScriptItem(props: { script: Script; vars: Record<string, string>; session: PhrasingSession }) {
  const { script, vars, session } = props
  const locale = useLocale()
  const pick = usePick()
  const [asking, setAsking] = useState(false)
  // What the agent says to the customer is Chinese; the English gloss helps English-UI users.
  const zh = renderScript(script.id, vars)
  const en = locale === "en" && script.textEn ? renderScript(script.id, vars, { lang: "en" }) : null
  const insert = () => {
    if (zh.missing.length) setAsking(true)
    else void session.insert(zh.text)
  }
  return (
    <li className="script" data-testid="script-item" data-script-id={script.id}>
      <div className="row">
        <strong className="small-text">{pick(script.title)}</strong>
        <span className="spacer" />
        <button type="button" className="small" data-testid="script-insert" onClick={insert}>
          <T k="insert" />
        </button>
        <CopyButton value={zh.text} testid="script-copy" />
      </div>
      <p className="script-text">{zh.text}</p>
      {en && <p className="script-text muted small-text">{en.text}</p>}
      {zh.missing.length > 0 && !asking && (
        <p className="muted small-text">
          <T k="missingSlots" />: {zh.missing.join("、")}
        </p>
      )}
      {asking && (
        <SlotForm
          slots={zh.missing}
          initial={slotDefaults(zh.missing, vars)}
          testid="script-slot-form"
          submitKey="insert"
          onCancel={() => setAsking(false)}
          onSubmit={(values) => {
            setAsking(false)
            void session.insert(renderScript(script.id, { ...vars, ...values }).text)
          }}
        />
      )}
    </li>
  )
}

export function PhrasingPanel(props: {
  caseType: CaseType
  context: SlotContext
  session: PhrasingSession
  onSetCallback?(hit: PromiseHit): void
  /** Script ids to offer before all others (de-escalation for an angry customer), in order. */
  firstScripts?: readonly string[]
}) {
  const { caseType, context, session } = props
  const pick = usePick()
  const t = useT()
  const vars = varsFromContext(context)
  const { draft, findings, notice } = session
  // Internal scripts are for the ladder (shown in the escalation tab), not for the customer.
  const firstIds = props.firstScripts ?? []
  const firstScripts = firstIds.map((id) => getScript(id)).filter((x): x is Script => x !== undefined)
  const scripts = scriptsForCase(caseType).filter((s) => s.stage !== "internal" && !firstIds.includes(s.id))
  // The case type's own scripts lead (the 滞留 script first on a 滞留 case), then the general ones by stage.
  const ownScripts = scripts.filter((s) => s.caseTypes !== "any")
  const promise = useMemo(() => (draft ? detectPromise(draft.text) : null), [draft])
  const fixable = findings.filter((f) => readyReplacement(f, vars) !== undefined).length
  const heldOverFees = findings.some((f) => f.category === "held-over-fees")

  // Alt+1..3 applies the first finding's suggestion n (inside the sidebar; the CRM page keeps its keys).
  const first = useRef<PhrasingFinding | undefined>(undefined)
  first.current = findings[0]
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const n = altDigit(e)
      const f = first.current
      if (n === null || !f || n >= f.replacements.length) return
      const r = f.replacements[n]
      e.preventDefault()
      if (replacementSlots(r).length) {
        // Needs values: hand the choice to the finding's own form.
        const buttons = document.querySelectorAll<HTMLButtonElement>('[data-testid="phrasing-replacement"]')
        buttons[n]?.click()
      } else void session.apply(f, r)
    }
    window.addEventListener("keydown", onKey)
    return () => window.removeEventListener("keydown", onKey)
  }, [session])

  return (
    <section
      className="phrasing"
      data-testid="phrasing-panel"
      data-editor-kind={draft?.kind}
      data-revision={draft?.revision}
      data-length={draft?.text.length}
      data-caret={draft?.selection ? draft.selection.start : undefined}
    >
      <div className="row">
        <h3>
          <T k="replyCheck" />
        </h3>
        <span className="spacer" />
        <span className="muted small-text" data-testid="phrasebook-version">
          <T k="phrasebookVersion" values={{ version: checkVersion(session.book) }} />
        </span>
      </div>
      {session.bookInvalid && (
        <p className="notice small-text" data-testid="phrasebook-invalid">
          <T k="phrasebookInvalid" />
        </p>
      )}
      {!draft && (
        <p className="muted small-text" data-testid="phrasing-no-editor">
          <T k="noEditor" />
        </p>
      )}
      {draft && findings.length === 0 && session.ignored.length === 0 && (
        <p className="ok small-text" data-testid="phrasing-clean" data-revision={draft.revision}>
          <T k="noFindings" />
        </p>
      )}
      {draft && session.ignored.length > 0 && (
        <p
          className="muted small-text"
          data-testid="phrasing-ignored"
          data-n={session.ignored.length}
          data-revision={draft.revision}
        >
          <T k="ignoredCount" values={{ n: session.ignored.length }} />
        </p>
      )}
      {heldOverFees && (
        <div className="error held-over-fees" role="alert" data-testid="phrasing-rule10">
          <T k="heldOverFeesBanner" />
        </div>
      )}
      {draft && findings.length > 0 && (
        <>
          <div className="row">
            <span className="small-text" aria-live="polite">
              <T k="findingsCount" values={{ n: findings.length }} />
            </span>
            <span className="spacer" />
            <button
              type="button"
              className="small primary"
              data-testid="phrasing-fix-all"
              disabled={fixable === 0 || session.busy}
              title={t("fixAllHint")}
              onClick={() => session.fixAll(vars)}
            >
              <T k="fixAll" /> ({fixable})
            </button>
          </div>
          {session.preview && (
            <FixAllPreviewView
              preview={session.preview}
              busy={session.busy}
              onApply={() => void session.applyPreview()}
              onCancel={session.cancelPreview}
            />
          )}
          <ul className="findings" data-testid="phrasing-findings" data-revision={draft.revision}>
            {findings.map((f, i) => (
              <FindingItem
                key={`${findingKey(f)}@${f.start}`}
                finding={f}
                index={i}
                known={vars}
                session={session}
              />
            ))}
          </ul>
        </>
      )}
      {notice && (
        <p
          className={notice.kind === "error" ? "error small-text" : "ok small-text"}
          role={notice.kind === "error" ? "alert" : "status"}
          data-testid="phrasing-notice"
          data-kind={notice.kind}
        >
          <T k={notice.key} values={notice.values} />
        </p>
      )}
      {promise && props.onSetCallback && (
        <div className="notice promise" data-testid="phrasing-promise">
          <p className="small-text">
            <T k="promiseSeen" values={{ phrase: promise.phrase }} />
          </p>
          <button
            type="button"
            className="small"
            data-testid="promise-set-callback"
            onClick={() => props.onSetCallback?.(promise)}
          >
            <T k="setCallback" />
          </button>
        </div>
      )}
      <p className="muted small-text" data-testid="phrasing-help">
        <T k="phrasingHelp" />
      </p>
      <p className="muted small-text">
        <T k="scriptsFor" />: {pick(CASE_TYPE_LABELS[caseType])}
      </p>
      <ScriptStage
        className="script-stage first"
        testid="scripts-first"
        title={<T k="stageFirst" />}
        scripts={firstScripts}
        vars={vars}
        session={session}
      />
      <ScriptStage
        className="script-stage own"
        testid="scripts-for-case"
        title={<T k="stageForCase" values={{ type: pick(CASE_TYPE_LABELS[caseType]) }} />}
        scripts={ownScripts}
        vars={vars}
        session={session}
      />
      {SCRIPT_STAGES.filter((stage) => stage !== "internal").map((stage) => (
        <ScriptStage
          key={stage}
          className="script-stage"
          title={<T k={STAGE_KEYS[stage]} />}
          scripts={scripts.filter((s) => s.stage === stage && s.caseTypes === "any")}
          vars={vars}
          session={session}
        />
      ))}
    </section>
  )
}
