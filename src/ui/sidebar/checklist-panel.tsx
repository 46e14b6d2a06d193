/**
 * The live service checklist in the 话术 tab: what the reply being written still misses in the
 * context of the conversation so far, each with a one-click insertion of the missing sentence.
 */
import { useState } from "react"

import type { OpenItem } from "~lib/qa/live"
import { fillReplacementSlots, replacementSlots } from "~lib/phrasing/replacement"
import { renderScript } from "~lib/scripts/render"
import { slotDefaults } from "~lib/ui-logic/phrasing-fixes"

import type { StringKey } from "../i18n"
import { T, usePick } from "../locale"
import { SlotForm } from "./phrasing-panel"

const MISSING_KEYS: Record<string, StringKey> = {
  time: "checklistMissingTime",
  reason: "checklistMissingReason",
  disclaimer: "checklistMissingDisclaimer",
  apology: "checklistMissingApology",
  order: "checklistMissingOrder",
  restate: "checklistMissingRestate",
  greet: "checklistMissingGreet",
  company: "checklistMissingCompany",
  agentId: "checklistMissingAgentId",
}

/** The sentence for an item: its own insert text, else its script rendered with what is known. */
function sentenceOf(open: OpenItem, vars: Record<string, string>): { text: string; slots: string[] } {
  if (open.insert) {
    const text = fillReplacementSlots(open.insert, vars)
    return { text, slots: replacementSlots(text) }
  }
  const r = open.scriptId ? renderScript(open.scriptId, vars) : null
  if (!r || !r.ok) return { text: "", slots: [] }
  return { text: r.text, slots: r.missing }
}

function OpenChecklistItem(props: {
  open: OpenItem
  vars: Record<string, string>
  insert(text: string, at: "start" | "caret"): Promise<boolean>
}) {
  const { open, vars } = props
  const pick = usePick()
  const [asking, setAsking] = useState(false)
  const sentence = sentenceOf(open, vars)
  const fill = (values: Record<string, string>): string =>
    open.insert
      ? fillReplacementSlots(open.insert, { ...vars, ...values })
      : open.scriptId
        ? renderScript(open.scriptId, { ...vars, ...values }).text
        : ""
  const insert = () => {
    if (sentence.slots.length) setAsking(true)
    else void props.insert(sentence.text, open.at)
  }
  return (
    <li
      className="checklist-item"
      data-testid="checklist-open"
      data-item={open.id}
      data-missing={open.missing.join(" ")}
    >
      <div className="row">
        <span className="small-text">{pick(open.item.description)}</span>
      </div>
      {open.missing.map((m) =>
        MISSING_KEYS[m] ? (
          <p key={m} className="notice small-text" data-testid="checklist-missing" data-missing={m}>
            <T k={MISSING_KEYS[m]} />
          </p>
        ) : null,
      )}
      {sentence.text && (
        <div className="row">
          <span className="script-text small-text" data-testid="checklist-sentence">
            {sentence.text}
          </span>
          <span className="spacer" />
          <button type="button" className="small" data-testid="checklist-insert" onClick={insert}>
            <T k={open.at === "start" ? "checklistInsertStart" : "insert"} />
          </button>
        </div>
      )}
      {asking && (
        <SlotForm
          slots={sentence.slots}
          initial={slotDefaults(sentence.slots, vars)}
          testid="checklist-slot-form"
          submitKey="insert"
          onCancel={() => setAsking(false)}
          onSubmit={(values) => {
            setAsking(false)
            void props.insert(fill(values), open.at)
          }}
        />
      )}
    </li>
  )
}

export function ChecklistPanel(props: {
  open: OpenItem[]
  /** Replies recorded in this conversation so far (the checklist reads them as context). */
  recorded: number
  hasDraft: boolean
  vars: Record<string, string>
  insert(text: string, at: "start" | "caret"): Promise<boolean>
  error?: string | null
}) {
  const { open } = props
  return (
    <section
      className="checklist"
      data-testid="checklist-panel"
      data-open={open.length}
      data-recorded={props.recorded}
    >
      <div className="row">
        <h3>
          <T k="checklistTitle" />
        </h3>
        <span className="spacer" />
        <span className="muted small-text" data-testid="checklist-recorded">
          <T k="checklistRecorded" values={{ n: props.recorded }} />
        </span>
      </div>
      {props.error && (
        <p className="error small-text" role="alert" data-testid="checklist-error">
          {props.error}
        </p>
      )}
      {props.hasDraft && open.length === 0 && (
        <p className="ok small-text" data-testid="checklist-clean">
          <T k="checklistClean" />
        </p>
      )}
      {open.length > 0 && (
        <ul className="findings" data-testid="checklist-items">
          {open.map((o) => (
            <OpenChecklistItem key={o.id} open={o} vars={props.vars} insert={props.insert} />
          ))}
        </ul>
      )}
    </section>
  )
}
