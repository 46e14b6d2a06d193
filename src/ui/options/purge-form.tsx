/** Options → 数据 → 清除: deletes every stored note, case and setting once the agent types the word. */
import { useState, type FormEvent } from "react"

import { PURGE_WORD, text } from "../i18n"
import { errorMessage, T, useLocale } from "../locale"
import { useServices } from "../services"
import type { Status } from "../status-box"

/** `onStatus(null)` when the purge starts, then its answer (shown in the data section's status line). */
export function PurgeForm({ onStatus }: { onStatus: (status: Status | null) => void }) {
  const { store } = useServices()
  const locale = useLocale()
  const [purgeWord, setPurgeWord] = useState("")

  const purge = async (e: FormEvent) => {
    e.preventDefault()
    if (purgeWord.trim() !== PURGE_WORD) return
    onStatus(null)
    try {
      await store.purgeAll()
      setPurgeWord("")
      onStatus({ kind: "ok", message: text(locale, "purged") })
    } catch (error) {
      onStatus({ kind: "error", message: errorMessage(error, locale) })
    }
  }

  return (
    <>
      <h3 style={{ marginTop: 14 }}>
        <T k="purge" />
      </h3>
      <form className="actions" onSubmit={purge}>
        <label htmlFor="purge-confirm" className="small-text">
          <T k="purgeHint" values={{ word: PURGE_WORD }} />
        </label>
        <input
          id="purge-confirm"
          data-testid="data-purge-confirm"
          value={purgeWord}
          autoComplete="off"
          spellCheck={false}
          style={{ maxWidth: 140 }}
          onChange={(e) => setPurgeWord(e.target.value)}
        />
        <button
          type="submit"
          className="danger"
          data-testid="data-purge"
          disabled={purgeWord.trim() !== PURGE_WORD}
        >
          <T k="purge" />
        </button>
      </form>
    </>
  )
}
