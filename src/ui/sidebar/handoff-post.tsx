/**
 * Posting a handoff block into the CRM's ticket (issue 12): the block goes through the editor bridge
 * into the focused box only when the site's internal-box rule recognises it as the internal note box.
 * Otherwise the agent is asked, with the reason, and must confirm explicitly (and may remember the box
 * for this site). The extension never submits anything: the agent uses the CRM's own button.
 */
import { useCallback, useRef, useState } from "react"

import { HANDOFF_TEXT_MAX } from "~lib/protocol/schema"
import type { SiteSetting } from "~lib/store/contract"

import { T } from "../locale"
import { useServices } from "../services"
import type { PostOutcome, usePageConnection } from "./use-page-connection"

export type PostResult = { kind: "inserted" } | { kind: "cancelled" } | { kind: "error"; message: PostError }
export type PostError = "postNoEditor" | "postFailed" | "postTooLong"

interface Ask {
  text: string
  outcome: PostOutcome
  resolve: (r: PostResult) => void
}

export function usePostToTicket(opts: {
  postHandoff: ReturnType<typeof usePageConnection>["postHandoff"]
  site: SiteSetting | undefined
  sites: SiteSetting[] | undefined
}) {
  const { store } = useServices()
  const [ask, setAsk] = useState<Ask | null>(null)
  const [remember, setRemember] = useState(false)
  const optsRef = useRef(opts)
  optsRef.current = opts

  const post = useCallback(async (text: string): Promise<PostResult> => {
    if (text.length > HANDOFF_TEXT_MAX) return { kind: "error", message: "postTooLong" }
    const { postHandoff, site } = optsRef.current
    const outcome = await postHandoff({ text, rule: site?.internalBox ?? {}, confirmed: false })
    if (outcome.inserted) return { kind: "inserted" }
    if (outcome.error)
      return { kind: "error", message: outcome.error === "no-editor" ? "postNoEditor" : "postFailed" }
    setRemember(false)
    return new Promise<PostResult>((resolve) => setAsk({ text, outcome, resolve }))
  }, [])

  const confirm = async () => {
    if (!ask) return
    const { postHandoff, site, sites } = optsRef.current
    setAsk(null)
    if (remember && ask.outcome.suggestion && site && sites) {
      const selector = ask.outcome.suggestion
      const next = sites.map((s) =>
        s.origin === site.origin ? { ...s, internalBox: { ...s.internalBox, selector } } : s,
      )
      await store.updateSettings({ sites: next }).catch(() => undefined)
    }
    const outcome = await postHandoff({ text: ask.text, rule: site?.internalBox ?? {}, confirmed: true })
    ask.resolve(
      outcome.inserted
        ? { kind: "inserted" }
        : { kind: "error", message: outcome.error === "no-editor" ? "postNoEditor" : "postFailed" },
    )
  }

  const cancel = () => {
    ask?.resolve({ kind: "cancelled" })
    setAsk(null)
  }

  const dialog = ask ? (
    <div
      className="notice post-ask"
      role="alertdialog"
      aria-labelledby="post-ask-text"
      data-testid="handoff-post-ask"
      data-verdict={ask.outcome.verdict}
    >
      <p id="post-ask-text">
        <T k={ask.outcome.verdict === "public" ? "postAskPublic" : "postAskUnknown"} />
      </p>
      {ask.outcome.suggestion && opts.site && (
        <label className="inline small-text">
          <input
            type="checkbox"
            data-testid="handoff-post-remember"
            checked={remember}
            onChange={(e) => setRemember(e.target.checked)}
          />{" "}
          <T k="postRemember" /> <code>{ask.outcome.suggestion}</code>
        </label>
      )}
      <div className="actions">
        <button type="button" data-testid="handoff-post-confirm" onClick={() => void confirm()}>
          <T k="postConfirmInternal" />
        </button>
        <button type="button" className="primary" data-testid="handoff-post-cancel" onClick={cancel}>
          <T k="cancel" />
        </button>
      </div>
    </div>
  ) : null

  return { post, dialog }
}
