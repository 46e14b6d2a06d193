/**
 * The phrasebook QA owns: edit a rule, test it live (its examples, free text, the recorded trail),
 * publish a new version (download + activate), and roll back to an older version.
 */
import { useEffect, useMemo, useState } from "react"

import type { AuditEvent } from "~lib/audit/model"
import {
  checkBookSchema,
  linesToList,
  listToLines,
  testRuleExamples,
  type TrailChange,
  whatWouldChange,
} from "~lib/audit/rule-lab"
import { DEFAULT_PHRASEBOOK } from "~lib/phrasing/default-phrasebook"
import { checkDraft, shippedToneModel } from "~lib/phrasing/check"
import {
  type Phrasebook,
  PHRASING_CATEGORIES,
  PHRASING_SEVERITIES,
  type PhrasingCategory,
  type PhrasingContext,
  type PhrasingRule,
  type PhrasingSeverity,
} from "~lib/phrasing/types"
import { formatDateTime } from "~lib/ui-logic/callback-time"

import { text } from "../i18n"
import { errorMessage, T, useLocale, useT } from "../locale"
import { useServices } from "../services"
import { CATEGORY_LABELS, label, SEVERITY_LABELS } from "./labels"
import { type BookInForce, useVersions } from "./review-data"
import { Field } from "../field"
import { ProblemList, type Status } from "../status-box"
import { usePublish } from "./use-publish"

interface RuleForm {
  id: string
  category: PhrasingCategory
  severity: PhrasingSeverity
  triggers: string
  guardsBefore: string
  guardsAfter: string
  guardsSentence: string
  messageZh: string
  messageEn: string
  replacements: string
  blunt: string
  polite: string
}

export function formFromRule(r: PhrasingRule): RuleForm {
  return {
    id: r.id,
    category: r.category,
    severity: r.severity,
    triggers: listToLines(r.triggers),
    guardsBefore: listToLines(r.guards?.before),
    guardsAfter: listToLines(r.guards?.after),
    guardsSentence: listToLines(r.guards?.sentence),
    messageZh: r.message.zh,
    messageEn: r.message.en,
    replacements: listToLines(r.replacements),
    blunt: listToLines(r.examples.blunt),
    polite: listToLines(r.examples.polite),
  }
}

/** The edited rule; `requires` and `sources` (not edited here) are kept from the original. */
export function ruleFromForm(f: RuleForm, original?: PhrasingRule): PhrasingRule {
  const guards: PhrasingContext = {}
  const before = linesToList(f.guardsBefore)
  const after = linesToList(f.guardsAfter)
  const sentence = linesToList(f.guardsSentence)
  if (before.length) guards.before = before
  if (after.length) guards.after = after
  if (sentence.length) guards.sentence = sentence
  const rule: PhrasingRule = {
    id: f.id.trim(),
    category: f.category,
    severity: f.severity,
    triggers: linesToList(f.triggers),
    message: { zh: f.messageZh.trim(), en: f.messageEn.trim() },
    replacements: linesToList(f.replacements),
    examples: { blunt: linesToList(f.blunt), polite: linesToList(f.polite) },
  }
  if (before.length || after.length || sentence.length) rule.guards = guards
  if (original?.requires) rule.requires = original.requires
  if (original?.sources) rule.sources = original.sources
  return rule
}

const NEW_RULE: RuleForm = {
  id: "",
  category: "refusal",
  severity: "warning",
  triggers: "",
  guardsBefore: "",
  guardsAfter: "",
  guardsSentence: "",
  messageZh: "",
  messageEn: "",
  replacements: "",
  blunt: "",
  polite: "",
}

const NEW = -1

export function RuleWorkbench({ inForce, events }: { inForce: BookInForce; events: AuditEvent[] }) {
  const locale = useLocale()
  const t = useT()
  const base = inForce.book
  const [index, setIndex] = useState(0)
  const [form, setForm] = useState<RuleForm>(() => formFromRule(base.rules[0]))
  const [freeText, setFreeText] = useState("")
  const [change, setChange] = useState<TrailChange | null>(null)
  const [status, setStatus] = useState<Status | null>(null)

  // A newly activated book (publish, rollback, import) resets the form to that book's rule.
  useEffect(() => {
    const i = index === NEW || index >= base.rules.length ? 0 : index
    setIndex(i)
    setForm(formFromRule(base.rules[i]))
    setChange(null)
  }, [base])

  const pick = (i: number) => {
    setIndex(i)
    setForm(i === NEW ? NEW_RULE : formFromRule(base.rules[i]))
    setChange(null)
    setStatus(null)
  }

  const original = index === NEW ? undefined : base.rules[index]
  const rule = useMemo(() => ruleFromForm(form, original), [form, original])
  const candidate: Phrasebook = useMemo(
    () => ({
      ...base,
      rules: index === NEW ? [...base.rules, rule] : base.rules.map((r, i) => (i === index ? rule : r)),
    }),
    [base, index, rule],
  )
  const schema = useMemo(() => checkBookSchema(candidate), [candidate])
  const examples = useMemo(() => (schema.ok ? testRuleExamples(schema.book, rule) : null), [schema, rule])
  const freeFindings = useMemo(
    // As the agent's sidebar would check it: rules and the tone model.
    () => (schema.ok && freeText.trim() ? checkDraft(freeText, { book: schema.book }) : []),
    [schema, freeText],
  )
  const examplesPass = examples !== null && examples.every((e) => e.pass)
  // Compared through the same form round trip, so key order and trimming do not count as edits.
  const pristine = useMemo(
    () => (original ? ruleFromForm(formFromRule(original), original) : undefined),
    [original],
  )
  const dirty = pristine ? JSON.stringify(rule) !== JSON.stringify(pristine) : true

  const set = (key: keyof RuleForm) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value
    setForm((f) => ({ ...f, [key]: value }))
    setChange(null)
  }

  const runTrail = () => {
    if (schema.ok) setChange(whatWouldChange(events, base, schema.book, undefined, shippedToneModel()))
  }

  const publishBook = usePublish(setStatus)
  const publish = () => publishBook(base, candidate)

  const area = (key: keyof RuleForm, k: Parameters<typeof T>[0]["k"], rows = 3) => (
    <Field label={<T k={k} />}>
      <textarea rows={rows} value={form[key]} onChange={set(key)} data-testid={`rule-${key}`} />
    </Field>
  )

  return (
    <section aria-labelledby="qa-editor-title" className="qa-section" data-testid="rule-editor">
      <h2 id="qa-editor-title">
        <T k="qaRuleEditor" />
      </h2>
      <div className="field-row">
        <Field label={<T k="qaPickRule" />}>
          <select value={index} data-testid="rule-pick" onChange={(e) => pick(Number(e.currentTarget.value))}>
            {base.rules.map((r, i) => (
              <option key={r.id} value={i}>
                {r.id}
              </option>
            ))}
            <option value={NEW}>{`＋ ${t("qaNewRule")}`}</option>
          </select>
        </Field>
        <span className="muted">
          <T k="qaInForce" values={{ version: base.version }} />
          {dirty ? (
            <>
              {" "}
              <T k="qaEdited" />
            </>
          ) : null}
        </span>
      </div>
      <div className="qa-editor-grid">
        <div className="qa-editor-form">
          <div className="field-row">
            <Field label={<T k="qaRuleId" />}>
              <input value={form.id} onChange={set("id")} data-testid="rule-id" />
            </Field>
            <Field label={<T k="qaCategory" />}>
              <select value={form.category} onChange={set("category")} data-testid="rule-category">
                {PHRASING_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {label(locale, CATEGORY_LABELS[c])}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={<T k="qaSeverity" />}>
              <select value={form.severity} onChange={set("severity")} data-testid="rule-severity">
                {PHRASING_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {label(locale, SEVERITY_LABELS[s])}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          {area("triggers", "qaTriggers")}
          {area("guardsBefore", "qaGuardsBefore", 2)}
          {area("guardsAfter", "qaGuardsAfter", 2)}
          {area("guardsSentence", "qaGuardsSentence", 2)}
          {area("messageZh", "qaMessageZh", 2)}
          {area("messageEn", "qaMessageEn", 2)}
          {area("replacements", "qaReplacements")}
          {area("blunt", "qaBluntExamples")}
          {area("polite", "qaPoliteExamples")}
        </div>
        <div className="qa-tester" aria-live="polite">
          <h3>
            <T k="qaTester" />
          </h3>
          {!schema.ok ? (
            <div className="error" role="alert">
              <T k="qaBookInvalid" />
              <ProblemList problems={schema.problems} testid="rule-problems" />
            </div>
          ) : (
            <ul className="qa-examples" data-testid="rule-examples">
              {(examples ?? []).map((r, i) => (
                <li
                  key={`${r.kind}-${i}`}
                  data-testid="example-result"
                  data-kind={r.kind}
                  data-pass={r.pass ? "true" : "false"}
                  className={r.pass ? "ok" : "error"}
                >
                  <strong>{r.pass ? `✓ ${t("qaExamplePass")}` : `✗ ${t("qaExampleFail")}`}</strong>{" "}
                  <span className="muted">{r.kind === "blunt" ? "−" : "+"}</span> {r.text}
                  {r.findings.length ? (
                    <span className="muted small-text">
                      {" "}
                      ({r.findings.map((f) => `${f.ruleId}: ${f.text}`).join("; ")})
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <Field label={<T k="qaFreeText" />}>
            <textarea
              rows={3}
              value={freeText}
              data-testid="rule-free-text"
              onChange={(e) => setFreeText(e.currentTarget.value)}
            />
          </Field>
          {freeText.trim() ? (
            <ul className="qa-examples" data-testid="rule-free-findings">
              {freeFindings.length === 0 ? (
                <li className="muted">
                  <T k="qaFindingsNone" />
                </li>
              ) : (
                freeFindings.map((f) => (
                  <li key={`${f.ruleId}-${f.start}`} data-testid="free-finding" data-rule-id={f.ruleId}>
                    <mark>{f.text}</mark> <code>{f.ruleId}</code>
                    {f.source === "model" && (
                      <span className="muted small-text" data-testid="free-finding-tone">
                        {" "}
                        <T k="qaToneFinding" values={{ confidence: Math.round((f.confidence ?? 0) * 100) }} />
                      </span>
                    )}
                  </li>
                ))
              )}
            </ul>
          ) : null}
          <div className="actions">
            <button type="button" onClick={runTrail} disabled={!schema.ok} data-testid="rule-trail">
              <T k="qaWhatWouldChange" />
            </button>
          </div>
          {change ? (
            <div data-testid="rule-trail-result">
              <p>
                <T
                  k="qaChangeSummary"
                  values={{ n: change.excerpts, gained: change.gained.length, lost: change.lost.length }}
                />
              </p>
              <ul className="qa-examples">
                {change.gained.slice(0, 20).map((c, i) => (
                  <li key={`g${i}`} data-testid="trail-gained">
                    <strong>
                      <T k="qaGained" />
                    </strong>{" "}
                    <code>{c.ruleId}</code> <mark>{c.text}</mark> <span className="muted">{c.excerpt}</span>
                  </li>
                ))}
                {change.lost.slice(0, 20).map((c, i) => (
                  <li key={`l${i}`} data-testid="trail-lost">
                    <strong>
                      <T k="qaLost" />
                    </strong>{" "}
                    <code>{c.ruleId}</code> <mark>{c.text}</mark> <span className="muted">{c.excerpt}</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          data-testid="rule-publish"
          disabled={!schema.ok || !examplesPass || !dirty}
          onClick={() => void publish()}
        >
          <T k="qaPublish" />
        </button>
        <button type="button" onClick={() => pick(index)} disabled={!dirty || index === NEW}>
          <T k="qaResetRule" />
        </button>
      </div>
      {status ? (
        <div
          className={status.kind === "ok" ? "ok" : "error"}
          role={status.kind === "ok" ? "status" : "alert"}
          data-testid="rule-publish-status"
        >
          {status.message}
          {status.kind === "error" && status.problems ? (
            <ProblemList problems={status.problems} testid="rule-publish-problems" />
          ) : null}
        </div>
      ) : null}
      <Versions inForce={inForce} />
    </section>
  )
}

function Versions({ inForce }: { inForce: BookInForce }) {
  const { phrasebooks } = useServices()
  const locale = useLocale()
  const versions = useVersions()
  const [status, setStatus] = useState<Status | null>(null)
  if (!versions) return null
  const builtInStored = versions.some((v) => v.version === DEFAULT_PHRASEBOOK.version)

  const activate = async (version: string) => {
    setStatus(null)
    try {
      if (version === DEFAULT_PHRASEBOOK.version && !builtInStored)
        await phrasebooks.putPhrasebook(version, DEFAULT_PHRASEBOOK, { activate: true })
      else await phrasebooks.activatePhrasebook(version)
      setStatus({ kind: "ok", message: text(locale, "qaActivated", { version }) })
    } catch (error) {
      setStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  const rows = [
    ...versions.map((v) => ({
      version: v.version,
      at: v.importedAt as number | null,
      active: v.active === 1,
    })),
    ...(builtInStored ? [] : [{ version: DEFAULT_PHRASEBOOK.version, at: null, active: !inForce.stored }]),
  ]
  return (
    <div className="qa-versions">
      <h3>
        <T k="qaVersions" />
      </h3>
      <ul>
        {rows.map((v) => (
          <li key={v.version} data-testid="qa-version-row" data-version={v.version} data-active={v.active}>
            <code>{v.version}</code>{" "}
            <span className="muted small-text">
              {v.at === null ? <T k="qaBuiltIn" /> : formatDateTime(v.at)}
              {v.version === DEFAULT_PHRASEBOOK.version && v.at !== null ? (
                <>
                  {" · "}
                  <T k="qaBuiltIn" />
                </>
              ) : null}
            </span>{" "}
            {v.active ? (
              <strong className="ok-text">
                <T k="qaActive" />
              </strong>
            ) : (
              <button type="button" data-testid="qa-activate" onClick={() => void activate(v.version)}>
                <T k="qaActivate" />
              </button>
            )}
          </li>
        ))}
      </ul>
      {status ? (
        <div className={status.kind === "ok" ? "ok" : "error"} role="status" data-testid="qa-version-status">
          {status.message}
        </div>
      ) : null}
    </div>
  )
}
