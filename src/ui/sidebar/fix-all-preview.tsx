/**
 * 全部修正's preview: the whole reply before and after the rewrite, side by side, with the clauses
 * that change marked and what the check still finds in the result. Enter applies (one edit, one undo
 * step in the CRM's editor), Esc cancels; nothing is written before that.
 */
import { useEffect, useRef, type KeyboardEvent } from "react"

import { splitClauses } from "~lib/phrasing/rewrite"

import { T, usePick } from "../locale"
import type { FixAllPreview } from "./phrasing-session"

/** The text cut into clauses (with their punctuation), each marked when the other side lacks it. */
function pieces(text: string, other: string): { text: string; changed: boolean }[] {
  const theirs = new Set(splitClauses(other).map((c) => other.slice(c.start, c.end)))
  const out: { text: string; changed: boolean }[] = []
  let at = 0
  for (const c of splitClauses(text)) {
    if (c.start > at) out.push({ text: text.slice(at, c.start), changed: false })
    out.push({ text: text.slice(c.start, c.end), changed: !theirs.has(text.slice(c.start, c.end)) })
    out.push({ text: c.punct, changed: false })
    at = c.end + c.punct.length
  }
  if (at < text.length) out.push({ text: text.slice(at), changed: false })
  return out.filter((p) => p.text)
}

function Side(props: { text: string; other: string; kind: "before" | "after" }) {
  return (
    <div className={`fix-preview-side ${props.kind}`} data-testid={`fix-preview-${props.kind}`}>
      <h4 className="small-text">
        <T k={props.kind === "before" ? "fixAllBefore" : "fixAllAfter"} />
      </h4>
      <p className="fix-preview-text">
        {pieces(props.text, props.other).map((p, i) =>
          p.changed ? (
            props.kind === "before" ? (
              <del key={i}>{p.text}</del>
            ) : (
              <ins key={i}>{p.text}</ins>
            )
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </p>
    </div>
  )
}

export function FixAllPreviewView(props: {
  preview: FixAllPreview
  busy: boolean
  onApply(): void
  onCancel(): void
}) {
  const { preview } = props
  const pick = usePick()
  const box = useRef<HTMLDivElement>(null)
  // Focus the preview so Enter and Esc reach it straight away.
  useEffect(() => box.current?.focus(), [])
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault()
      props.onCancel()
    } else if (e.key === "Enter" && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      if (!props.busy) props.onApply()
    }
  }
  const remaining = preview.rewrite.remaining
  return (
    <div
      ref={box}
      className="fix-preview"
      role="dialog"
      aria-modal="false"
      aria-labelledby="fix-preview-title"
      tabIndex={-1}
      data-testid="fix-preview"
      onKeyDown={onKey}
    >
      <h3 id="fix-preview-title">
        <T k="fixAllPreviewTitle" />
      </h3>
      <div className="fix-preview-sides">
        <Side text={preview.before} other={preview.rewrite.text} kind="before" />
        <Side text={preview.rewrite.text} other={preview.before} kind="after" />
      </div>
      {remaining.length > 0 ? (
        <div className="notice small-text" data-testid="fix-preview-remaining" data-n={remaining.length}>
          <T k="fixAllRemaining" values={{ n: remaining.length }} />
          <ul>
            {remaining.map((f) => (
              <li key={`${f.ruleId}@${f.start}`}>
                <mark className={`flagged severity-${f.severity}`}>{f.text}</mark>{" "}
                <span className="muted">{pick(f.message)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="ok small-text" data-testid="fix-preview-clean">
          <T k="fixAllClean" />
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="small primary"
          data-testid="fix-preview-apply"
          disabled={props.busy}
          onClick={props.onApply}
        >
          <T k="fixAllApply" />
        </button>
        <button type="button" className="small" data-testid="fix-preview-cancel" onClick={props.onCancel}>
          <T k="fixAllCancel" />
        </button>
      </div>
    </div>
  )
}
