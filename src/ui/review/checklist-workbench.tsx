/**
 * The conversation checklist in the rule editor: edit an item's detectors, weight and example
 * conversations, see every example scored live, and publish a new phrasebook version only when
 * all examples pass (the same rule as for phrasing rules).
 */
import { useEffect, useMemo, useState } from "react"

import { checkBookSchema, linesToList, listToLines } from "~lib/audit/rule-lab"
import type { Phrasebook } from "~lib/phrasing/types"
import { DEFAULT_CHECKLIST } from "~lib/qa/default-checklist"
import { examplesToText, testChecklistItem, textToExamples } from "~lib/qa/examples"
import { DETECTOR_ROLES, type ChecklistItem } from "~lib/qa/types"

import { T, usePick } from "../locale"
import { type BookInForce } from "./review-data"
import { Field } from "../field"
import { ProblemList, type Status } from "../status-box"
import { EditedMark, PublishActions } from "./workbench-parts"
import { usePublish } from "./use-publish"
import { Section } from "../section"

interface ItemForm {
  weight: string
  detectors: Record<string, string>
  pass: string
  fail: string
}

function formOf(item: ChecklistItem): ItemForm {
  return {
    weight: String(item.weight),
    detectors: Object.fromEntries(DETECTOR_ROLES[item.id].map((r) => [r, listToLines(item.detectors[r])])),
    pass: examplesToText(item.examples.pass),
    fail: examplesToText(item.examples.fail),
  }
}

function itemOf(form: ItemForm, original: ChecklistItem): ChecklistItem {
  return {
    ...original,
    weight: Number(form.weight),
    detectors: Object.fromEntries(Object.entries(form.detectors).map(([r, v]) => [r, linesToList(v)])),
    examples: { pass: textToExamples(form.pass), fail: textToExamples(form.fail) },
  }
}

export function ChecklistWorkbench({ inForce }: { inForce: BookInForce }) {
  const inLocale = usePick()
  const base = inForce.book
  const items = (base.checklist ?? DEFAULT_CHECKLIST).items
  const [index, setIndex] = useState(0)
  const [form, setForm] = useState<ItemForm>(() => formOf(items[0]))
  const [status, setStatus] = useState<Status | null>(null)

  useEffect(() => {
    setForm(formOf(items[Math.min(index, items.length - 1)]))
  }, [base])

  const original = items[index]
  const item = useMemo(() => itemOf(form, original), [form, original])
  const candidate: Phrasebook = useMemo(
    () => ({ ...base, checklist: { items: items.map((x, i) => (i === index ? item : x)) } }),
    [base, items, index, item],
  )
  const schema = useMemo(() => checkBookSchema(candidate), [candidate])
  const results = useMemo(() => (schema.ok ? testChecklistItem(schema.book, item) : null), [schema, item])
  const ok = results?.filter((r) => r.ok).length ?? 0
  const allPass = results !== null && ok === results.length
  const dirty = JSON.stringify(item) !== JSON.stringify(itemOf(formOf(original), original))

  const pick = (i: number) => {
    setIndex(i)
    setForm(formOf(items[i]))
    setStatus(null)
  }

  const publishBook = usePublish(setStatus)
  const publish = () => publishBook(base, candidate)

  return (
    <Section
      id="qa-checklist-title"
      title={<T k="wbChecklistTitle" />}
      className="qa-section"
      testid="checklist-editor"
    >
      <div className="field-row">
        <Field label={<T k="wbChecklistItem" />}>
          <select
            value={index}
            data-testid="checklist-pick"
            onChange={(e) => pick(Number(e.currentTarget.value))}
          >
            {items.map((x, i) => (
              <option key={x.id} value={i}>
                {x.id} · {x.section}
              </option>
            ))}
          </select>
        </Field>
        <Field label={<T k="wbWeight" />}>
          <input
            type="number"
            min={1}
            max={10}
            value={form.weight}
            data-testid="checklist-weight"
            onChange={(e) => {
              const v = e.currentTarget.value
              setForm((f) => ({ ...f, weight: v }))
            }}
          />
        </Field>
        <span className="muted">
          {inLocale(original.description)}
          <EditedMark dirty={dirty} />
        </span>
      </div>
      <div className="qa-editor-grid">
        <div className="qa-editor-form">
          {DETECTOR_ROLES[original.id].map((role) => (
            <label key={role} className="field">
              <span className="label">
                <T k="wbDetectors" values={{ role }} />
              </span>
              <textarea
                rows={3}
                value={form.detectors[role] ?? ""}
                data-testid="checklist-detector"
                data-role={role}
                onChange={(e) => {
                  const v = e.currentTarget.value
                  setForm((f) => ({ ...f, detectors: { ...f.detectors, [role]: v } }))
                }}
              />
            </label>
          ))}
          {(["pass", "fail"] as const).map((kind) => (
            <label key={kind} className="field">
              <span className="label">
                <T k={kind === "pass" ? "wbPassExamples" : "wbFailExamples"} />
              </span>
              <textarea
                rows={8}
                value={form[kind]}
                data-testid={`checklist-${kind}`}
                onChange={(e) => {
                  const v = e.currentTarget.value
                  setForm((f) => ({ ...f, [kind]: v }))
                }}
              />
            </label>
          ))}
        </div>
        <div className="qa-tester" aria-live="polite">
          {!schema.ok ? (
            <div className="error" role="alert" data-testid="checklist-problems">
              <T k="qaBookInvalid" />
              <ProblemList problems={schema.problems} />
            </div>
          ) : (
            <>
              <p data-testid="checklist-result" data-ok={ok} data-total={results?.length ?? 0}>
                <T k="wbExamplesResult" values={{ ok, total: results?.length ?? 0 }} />
              </p>
              <ul className="qa-examples" data-testid="checklist-examples">
                {(results ?? []).map((r, i) => (
                  <li key={i} className={r.ok ? "ok" : "error"} data-pass={r.ok} data-kind={r.kind}>
                    {r.ok ? "✓" : "✗"} [{r.kind}] {r.example.turns.join(" ｜ ")}
                    {!r.ok && (
                      <>
                        {" "}
                        <T k="wbExampleWas" values={{ outcome: r.outcome }} />
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      <PublishActions
        testid="checklist-publish"
        disabled={!schema.ok || !allPass || !dirty}
        onPublish={() => void publish()}
        status={status}
        statusTestid="checklist-publish-status"
      />
    </Section>
  )
}
