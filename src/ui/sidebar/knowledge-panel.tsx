/**
 * The 知识 tab: cards suggested for this ticket (case type + the customer's words) without a search,
 * and a search box (Chinese, synonyms, pinyin initials). Each card shows the facts for the agent, what
 * to check, the customer-facing answer and its sources; Insert puts the answer at the reply box's caret
 * through the same path as the scenario scripts, Copy copies it. Keyboard first: ↓ from the search box
 * into the cards, ↑↓ between them, Enter inserts, Esc back to the search box.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react"

import type { CaseType } from "~lib/cases/model"
import { renderCard } from "~lib/knowledge/render"
import {
  buildKnowledgeIndex,
  searchKnowledge,
  suggestKnowledge,
  type KnowledgeHit,
  type KnowledgeIndex,
} from "~lib/knowledge/search"
import type { KnowledgeArea, KnowledgeCard, KnowledgePack, SourceKind } from "~lib/knowledge/types"
import { slotDefaults } from "~lib/ui-logic/phrasing-fixes"

import { CopyButton } from "../copy-button"
import type { StringKey } from "../i18n"
import { T, useT } from "../locale"
import { SlotForm } from "./phrasing-panel"

const AREA_KEYS: Record<KnowledgeArea, StringKey> = {
  prohibited: "kbAreaProhibited",
  claims: "kbAreaClaims",
  products: "kbAreaProducts",
  services: "kbAreaServices",
  outlets: "kbAreaOutlets",
}

const SOURCE_KEYS: Record<SourceKind, StringKey> = {
  law: "kbSourceLaw",
  regulation: "kbSourceRegulation",
  catalogue: "kbSourceCatalogue",
  standard: "kbSourceStandard",
  manual: "kbSourceManual",
  company: "kbSourceCompany",
}

/** The pack in force plus the outlet cards, indexed once per change of either. */
export interface KnowledgeView {
  pack: KnowledgePack
  cards: KnowledgeCard[]
  index: KnowledgeIndex
  invalid: boolean
}

/** Builds the searchable view of the pack and the directory's outlet cards. */
export function useKnowledgeView(
  pack: KnowledgePack,
  outlets: KnowledgeCard[],
  invalid: boolean,
): KnowledgeView {
  return useMemo(() => {
    const cards = [...pack.cards, ...outlets]
    return { pack, cards, index: buildKnowledgeIndex(cards), invalid }
  }, [pack, outlets, invalid])
}

/** Cards for this ticket, without a search. */
export function useSuggestions(view: KnowledgeView, caseType: CaseType, caseText: string): KnowledgeHit[] {
  return useMemo(() => suggestKnowledge(view.index, { caseType, text: caseText }), [view, caseType, caseText])
}

/** One card. Only the first result shows everything; the others open on focus (fewer nodes per keystroke). */
const CardItem = memo(function CardItem(props: {
  card: KnowledgeCard
  view: KnowledgeView
  vars: Record<string, string>
  open: boolean
  onInsert(card: KnowledgeCard, text: string): void
  onKey(e: KeyboardEvent<HTMLLIElement>, insert: () => void): void
}) {
  const { card, view, vars } = props
  const t = useT()
  const [asking, setAsking] = useState(false)
  const [focused, setFocused] = useState(false)
  const open = props.open || focused || asking
  const rendered = renderCard(card, vars, view.pack.values)
  const insert = () => {
    if (rendered.missing.length) setAsking(true)
    else props.onInsert(card, rendered.text)
  }
  return (
    <li
      className="kb-card"
      data-testid="knowledge-card"
      data-card-id={card.id}
      data-open={open}
      tabIndex={0}
      aria-label={card.title}
      onFocus={() => setFocused(true)}
      onKeyDown={(e) => {
        // Keys typed into the slot form belong to the form.
        if (e.target !== e.currentTarget) return
        props.onKey(e, insert)
      }}
    >
      <div className="row">
        <strong className="small-text">{card.title}</strong>
        <span className="badge">
          <T k={AREA_KEYS[card.area]} />
        </span>
        <span className="spacer" />
        <button
          type="button"
          className="small primary"
          data-testid="knowledge-insert"
          tabIndex={-1}
          onClick={insert}
        >
          <T k="insert" />
        </button>
        <CopyButton value={rendered.text} testid="knowledge-copy" />
      </div>
      <p className="small-text" data-testid="knowledge-answer">
        <span className="muted">
          <T k="kbForAgent" />：
        </span>
        {card.answer}
      </p>
      {open && card.checks.length > 0 && (
        <ul className="kb-checks small-text" aria-label={t("kbChecks")}>
          {card.checks.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {open && (
        <p className="script-text" data-testid="knowledge-script">
          {rendered.text}
        </p>
      )}
      {open &&
        rendered.unset.map((u) => (
          <p key={u.slot} className="notice small-text" data-testid="knowledge-unset" data-slot={u.slot}>
            <T k="kbUnset" values={{ slot: u.slot, typical: u.typical }} />
          </p>
        ))}
      {asking && (
        <SlotForm
          slots={rendered.missing}
          initial={slotDefaults(rendered.missing, vars)}
          testid="knowledge-slot-form"
          submitKey="insert"
          onCancel={() => setAsking(false)}
          onSubmit={(values) => {
            setAsking(false)
            props.onInsert(card, renderCard(card, { ...vars, ...values }, view.pack.values).text)
          }}
        />
      )}
      {open && (
        <p className="muted small-text kb-sources" data-testid="knowledge-sources">
          <T k="kbSources" />：
          {card.sources.map((s, i) => (
            <span key={i} className="kb-source" title={s.note}>
              {i > 0 ? "；" : ""}
              <T k={SOURCE_KEYS[s.kind]} /> {s.title}
              {s.article ?? ""}
            </span>
          ))}
          {" · "}
          <T k="kbEffective" values={{ date: card.effective }} />
        </p>
      )}
    </li>
  )
})

export function KnowledgePanel(props: {
  view: KnowledgeView
  suggestions: KnowledgeHit[]
  /** Slot values the sidebar knows (profile, waybill, case). */
  vars: Record<string, string>
  /** Inserts at the reply box's caret; resolves true when it landed. */
  insert(text: string): Promise<boolean>
  /** Called after a card answer landed in the reply box (the QA trail). */
  onInserted(card: KnowledgeCard, text: string): void
  /** The search box takes focus when the tab is opened. */
  autoFocus?: boolean
}) {
  const { view, suggestions, vars } = props
  const t = useT()
  const [query, setQuery] = useState("")
  const [notice, setNotice] = useState<string | null>(null)
  const search = useRef<HTMLInputElement>(null)
  const list = useRef<HTMLUListElement>(null)
  const results = useMemo(() => (query.trim() ? searchKnowledge(view.index, query, 8) : null), [view, query])
  const shown = results ?? suggestions

  useEffect(() => {
    if (props.autoFocus) search.current?.focus()
  }, [props.autoFocus])

  const cardsEls = () => [
    ...(list.current?.querySelectorAll<HTMLLIElement>('[data-testid="knowledge-card"]') ?? []),
  ]

  // Stable callbacks: a keystroke re-renders only the cards that changed.
  const latest = useRef(props)
  latest.current = props
  const onInsert = useCallback((card: KnowledgeCard, text: string) => {
    setNotice(null)
    void latest.current.insert(text).then((ok) => {
      if (!ok) return
      setNotice(card.title)
      latest.current.onInserted(card, text)
    })
  }, [])

  const onCardKey = useCallback((e: KeyboardEvent<HTMLLIElement>, insert: () => void) => {
    const els = cardsEls()
    const i = els.indexOf(e.currentTarget)
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault()
      const next = els[i + (e.key === "ArrowDown" ? 1 : -1)]
      if (next) next.focus()
      else if (e.key === "ArrowUp") search.current?.focus()
    } else if (e.key === "Enter") {
      e.preventDefault()
      insert()
    } else if (e.key === "Escape") {
      e.preventDefault()
      search.current?.focus()
    }
  }, [])

  return (
    <section className="knowledge" data-testid="knowledge-panel">
      <div className="row">
        <input
          ref={search}
          type="search"
          className="kb-search"
          data-testid="knowledge-search"
          aria-label={t("kbSearch")}
          placeholder={t("kbSearchPlaceholder")}
          value={query}
          maxLength={100}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" || (e.key === "Enter" && shown.length)) {
              e.preventDefault()
              cardsEls()[0]?.focus()
            } else if (e.key === "Escape") setQuery("")
          }}
        />
      </div>
      <p className="muted small-text">
        <span data-testid="knowledge-pack-version">
          <T k="kbPackVersion" values={{ version: view.pack.version }} />
        </span>{" "}
        · <T k="kbHelp" />
      </p>
      {view.invalid && (
        <p className="notice small-text" data-testid="knowledge-pack-invalid">
          <T k="kbPackInvalid" />
        </p>
      )}
      {notice && (
        <p className="ok small-text" role="status" data-testid="knowledge-notice">
          <T k="kbInserted" values={{ title: notice }} />
        </p>
      )}
      <h3 data-testid="knowledge-heading" data-mode={results ? "search" : "suggested"}>
        {results ? <T k="kbResults" values={{ n: results.length }} /> : <T k="kbSuggested" />}
      </h3>
      {shown.length === 0 && (
        <p className="muted small-text" data-testid="knowledge-empty">
          <T k={results ? "kbNoResults" : "kbNoSuggestion"} />
        </p>
      )}
      <ul className="kb-cards" ref={list} data-testid={results ? "knowledge-results" : "knowledge-suggested"}>
        {shown.map((h, i) => (
          <CardItem
            key={h.card.id}
            card={h.card}
            view={view}
            vars={vars}
            open={i === 0}
            onInsert={onInsert}
            onKey={onCardKey}
          />
        ))}
      </ul>
    </section>
  )
}
