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
  describePatternProblem,
  type GuardWhere,
  patternToPhrase,
  phraseToPattern,
  PLAIN_WORDS_HINT,
} from "~lib/phrasing/plain-pattern"
import { parseTrigger } from "~lib/phrasing/trigger"
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
import { CATEGORY_LABELS, label, ruleTitle, SEVERITY_LABELS } from "./labels"
import { type BookInForce, useVersions } from "./review-data"
import { Field } from "../field"
import { ProblemList, StatusBox, type Status } from "../status-box"
import { usePublish } from "./use-publish"
import { EditedMark, PublishActions } from "./workbench-parts"
import { Section } from "../section"
import { SelectField } from "../select-field"
import { TextField } from "../text-field"

/** "plain": guard lines are words matched literally (escaped into patterns); "regex": advanced mode. */
type GuardMode = "plain" | "regex"

interface RuleForm {
  id: string
  title: string
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
  guardMode: GuardMode
}

type GuardKey = "guardsBefore" | "guardsAfter" | "guardsSentence"
const GUARD_FIELDS: readonly (readonly [GuardKey, GuardWhere])[] = [
  ["guardsBefore", "before"],
  ["guardsAfter", "after"],
  ["guardsSentence", "sentence"],
]

/** Guard lines as shown in `mode`; null when a pattern has no plain-phrase form. */
function guardLines(list: readonly string[] | undefined, where: GuardWhere, mode: GuardMode): string | null {
  if (mode === "regex") return listToLines(list)
  const phrases = (list ?? []).map((source) => patternToPhrase(source, where))
  return phrases.every((p) => p !== null) ? listToLines(phrases as string[]) : null
}

/** A rule's guards open as plain phrases unless one of them is a real regular expression. */
export function formFromRule(r: PhrasingRule): RuleForm {
  const plain = GUARD_FIELDS.map(([, where]) => guardLines(r.guards?.[where], where, "plain"))
  const mode: GuardMode = plain.every((lines) => lines !== null) ? "plain" : "regex"
  const lines = (where: GuardWhere) => guardLines(r.guards?.[where], where, mode) ?? ""
  return {
    id: r.id,
    title: r.title ?? "",
    category: r.category,
    severity: r.severity,
    triggers: listToLines(r.triggers),
    guardsBefore: lines("before"),
    guardsAfter: lines("after"),
    guardsSentence: lines("sentence"),
    messageZh: r.message.zh,
    messageEn: r.message.en,
    replacements: listToLines(r.replacements),
    blunt: listToLines(r.examples.blunt),
    polite: listToLines(r.examples.polite),
    guardMode: mode,
  }
}

/** The form with its guard lines rewritten for `mode`; null when a regex has no plain form. */
export function switchGuardMode(f: RuleForm, mode: GuardMode): RuleForm | null {
  if (mode === f.guardMode) return f
  const next: RuleForm = { ...f, guardMode: mode }
  for (const [key, where] of GUARD_FIELDS) {
    const patterns =
      f.guardMode === "plain"
        ? linesToList(f[key]).map((p) => phraseToPattern(p, where))
        : linesToList(f[key])
    const lines = guardLines(patterns, where, mode)
    if (lines === null) return null
    next[key] = lines
  }
  return next
}

/** One problem of one line of a form field, for the message under that field. */
export interface LineProblem {
  line: number
  value: string
  problem: { zh: string; en: string }
}

/** Per-field problems a QA lead can act on: bad trigger syntax, broken regexes in advanced mode. */
export function formProblems(f: RuleForm): Partial<Record<keyof RuleForm, LineProblem[]>> {
  const lines = (value: string) =>
    value
      .split(/\r?\n/)
      .map((v, i) => ({ value: v.trim(), line: i + 1 }))
      .filter((l) => l.value !== "")
  const out: Partial<Record<keyof RuleForm, LineProblem[]>> = {}
  const triggers = lines(f.triggers).flatMap(({ value, line }) => {
    const parsed = parseTrigger(value)
    if (typeof parsed !== "string") return []
    const [zh, en = zh] = parsed.split(" / ")
    return [{ line, value, problem: { zh, en } }]
  })
  if (triggers.length) out.triggers = triggers
  if (f.guardMode === "regex") {
    for (const [key, where] of GUARD_FIELDS) {
      const found = lines(f[key]).flatMap(({ value, line }) => {
        const issue = describePatternProblem(value, where)
        if (!issue) return []
        // A syntax error most often means the lead wanted the words themselves: say how.
        const advice = issue.kind === "syntax" ? PLAIN_WORDS_HINT : { zh: "", en: "" }
        return [{ line, value, problem: { zh: issue.zh + advice.zh, en: `${issue.en} ${advice.en}`.trim() } }]
      })
      if (found.length) out[key] = found
    }
  }
  return out
}

/** Does the rule match a search query (title, id or any trigger, case-insensitive)? */
export function ruleMatches(rule: PhrasingRule, query: string): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  return [ruleTitle(rule), rule.id, ...rule.triggers].some((s) => s.toLowerCase().includes(q))
}

/** The edited rule; `requires` and `sources` (not edited here) are kept from the original. */
export function ruleFromForm(f: RuleForm, original?: PhrasingRule): PhrasingRule {
  const guards: PhrasingContext = {}
  const before = linesToList(f.guardsBefore)
  const after = linesToList(f.guardsAfter)
  const sentence = linesToList(f.guardsSentence)
  // Plain phrases become escaped patterns, so "？" "(" "." in them match literally.
  const patterns = (list: string[], where: GuardWhere) =>
    f.guardMode === "plain" ? list.map((p) => phraseToPattern(p, where)) : list
  if (before.length) guards.before = patterns(before, "before")
  if (after.length) guards.after = patterns(after, "after")
  if (sentence.length) guards.sentence = patterns(sentence, "sentence")
  const title = f.title.trim()
  const rule: PhrasingRule = {
    id: f.id.trim(),
    ...(title ? { title } : {}),
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
  title: "",
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
  guardMode: "plain",
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
  const [query, setQuery] = useState("")
  const [modeNote, setModeNote] = useState(false)

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
    setModeNote(false)
  }

  // The picker: rules grouped by category, narrowed by the search (the picked rule always stays).
  const groups = useMemo(
    () =>
      PHRASING_CATEGORIES.map((category) => ({
        category,
        rules: base.rules
          .map((r, i) => ({ r, i }))
          .filter(({ r, i }) => r.category === category && (i === index || ruleMatches(r, query))),
      })).filter((g) => g.rules.length > 0),
    [base, query, index],
  )
  const found = useMemo(() => base.rules.filter((r) => ruleMatches(r, query)).length, [base, query])
  const problems = useMemo(() => formProblems(form), [form])

  const setGuardMode = (regex: boolean) => {
    const next = switchGuardMode(form, regex ? "regex" : "plain")
    setModeNote(next === null)
    if (next) setForm(next)
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

  const setValue = (key: keyof RuleForm, value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setChange(null)
  }
  const set = (key: keyof RuleForm) => (e: { currentTarget: { value: string } }) =>
    setValue(key, e.currentTarget.value)

  const runTrail = () => {
    if (schema.ok) setChange(whatWouldChange(events, base, schema.book, undefined, shippedToneModel()))
  }

  const publishBook = usePublish(setStatus)
  const publish = () => publishBook(base, candidate)

  const area = (key: Exclude<keyof RuleForm, "guardMode">, k: Parameters<typeof T>[0]["k"], rows = 3) => {
    const wrong = problems[key]
    return (
      <Field label={<T k={k} />}>
        <textarea
          rows={rows}
          value={form[key]}
          onChange={set(key)}
          data-testid={`rule-${key}`}
          aria-invalid={wrong ? true : undefined}
          aria-describedby={wrong ? `rule-${key}-problems` : undefined}
        />
        {wrong ? (
          // Right under the field it belongs to, naming the line and the words on it.
          <ul
            className="error field-problems"
            id={`rule-${key}-problems`}
            data-testid={`rule-${key}-problems`}
          >
            {wrong.map((p) => (
              <li key={p.line}>
                {t("qaLineProblem", { line: p.line, value: p.value, problem: label(locale, p.problem) })}
              </li>
            ))}
          </ul>
        ) : null}
      </Field>
    )
  }
  const plain = form.guardMode === "plain"

  return (
    <Section id="qa-editor-title" title={<T k="qaRuleEditor" />} className="qa-section" testid="rule-editor">
      <div className="field-row">
        <TextField
          label={<T k="qaRuleSearch" />}
          type="search"
          testid="rule-search"
          value={query}
          onValue={setQuery}
        />
        <Field label={<T k="qaPickRule" />}>
          <select value={index} data-testid="rule-pick" onChange={(e) => pick(Number(e.currentTarget.value))}>
            {groups.map((g) => (
              <optgroup key={g.category} label={label(locale, CATEGORY_LABELS[g.category])}>
                {g.rules.map(({ r, i }) => (
                  <option key={r.id} value={i} data-rule-id={r.id}>
                    {ruleTitle(r)}
                  </option>
                ))}
              </optgroup>
            ))}
            <option value={NEW}>{`＋ ${t("qaNewRule")}`}</option>
          </select>
        </Field>
        {query.trim() ? (
          <span className="muted" role="status" data-testid="rule-search-count">
            {found === 0 ? (
              <T k="qaRuleSearchNone" values={{ q: query.trim() }} />
            ) : (
              <T k="qaRuleSearchCount" values={{ n: found }} />
            )}
          </span>
        ) : null}
        {original ? (
          <span className="muted small-text" data-testid="rule-pick-id">
            <T k="qaRuleIdDetail" values={{ id: original.id }} />
          </span>
        ) : null}
        <span className="muted">
          <T k="qaInForce" values={{ version: base.version }} />
          <EditedMark dirty={dirty} />
        </span>
      </div>
      <div className="qa-editor-grid">
        <div className="qa-editor-form">
          <Field label={<T k="qaRuleTitle" />}>
            <input
              value={form.title}
              onChange={set("title")}
              maxLength={40}
              placeholder={ruleTitle({ category: form.category, triggers: linesToList(form.triggers) })}
              data-testid="rule-title"
            />
          </Field>
          <div className="field-row">
            <Field label={<T k="qaRuleId" />}>
              <input value={form.id} onChange={set("id")} data-testid="rule-id" />
            </Field>
            <SelectField
              label={<T k="qaCategory" />}
              testid="rule-category"
              value={form.category}
              choices={PHRASING_CATEGORIES.map((c) => ({
                value: c,
                label: label(locale, CATEGORY_LABELS[c]),
              }))}
              onChange={(v) => setValue("category", v)}
            />
            <SelectField
              label={<T k="qaSeverity" />}
              testid="rule-severity"
              value={form.severity}
              choices={PHRASING_SEVERITIES.map((s) => ({
                value: s,
                label: label(locale, SEVERITY_LABELS[s]),
              }))}
              onChange={(v) => setValue("severity", v)}
            />
          </div>
          {area("triggers", "qaTriggers")}
          <label className="check" data-testid="rule-guard-mode">
            <input
              type="checkbox"
              checked={!plain}
              data-testid="rule-regex-mode"
              onChange={(e) => setGuardMode(e.currentTarget.checked)}
            />{" "}
            <T k="qaGuardsRegex" />
          </label>
          {modeNote ? (
            <p className="error" role="alert" data-testid="rule-guard-mode-note">
              <T k="qaGuardsNotPlain" />
            </p>
          ) : plain ? (
            <p className="muted small-text">
              <T k="qaGuardsPlainHint" />
            </p>
          ) : null}
          {area("guardsBefore", plain ? "qaGuardsBeforePlain" : "qaGuardsBefore", 2)}
          {area("guardsAfter", plain ? "qaGuardsAfterPlain" : "qaGuardsAfter", 2)}
          {area("guardsSentence", plain ? "qaGuardsSentencePlain" : "qaGuardsSentence", 2)}
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
      <PublishActions
        testid="rule-publish"
        disabled={!schema.ok || !examplesPass || !dirty}
        onPublish={() => void publish()}
        status={status}
        statusTestid="rule-publish-status"
        problemsTestid="rule-publish-problems"
      >
        <button type="button" onClick={() => pick(index)} disabled={!dirty || index === NEW}>
          <T k="qaResetRule" />
        </button>
      </PublishActions>
      <Versions inForce={inForce} />
    </Section>
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
      <StatusBox status={status} testid="qa-version-status" />
    </div>
  )
}
