/**
 * 在页面上选取: pick a site's waybill field by clicking it in the CRM tab instead of typing a CSS
 * selector. The service worker starts pick mode in the site's tab; the confirmed field's selector comes
 * back through chrome.storage.local (`FIELD_PICK_KEY`), read here until it arrives.
 */
import { useEffect, useRef, useState } from "react"

import { FIELD_PICK_KEY, type FieldPick } from "~lib/protocol/types"

import { callBackground } from "../background"
import { T, useT } from "../locale"
import { useServices } from "../services"

const POLL_MS = 400
const GIVE_UP_MS = 5 * 60_000

type PickState =
  | { kind: "idle" }
  | { kind: "picking" }
  | { kind: "picked"; sample: string }
  | { kind: "cancelled" }
  | { kind: "error"; key: "pickNoTab" | "pickFailed" }

export function FieldPickButton(props: { origin: string; onPicked: (selector: string) => void }) {
  const { origin, onPicked } = props
  const { platform } = useServices()
  const t = useT()
  const [state, setState] = useState<PickState>({ kind: "idle" })
  const since = useRef(0)
  const picked = useRef(onPicked)
  picked.current = onPicked

  useEffect(() => {
    if (state.kind !== "picking") return
    const timer = setInterval(() => {
      if (Date.now() - since.current > GIVE_UP_MS) {
        setState({ kind: "idle" })
        return
      }
      platform
        .storageGet(FIELD_PICK_KEY)
        .then((raw) => {
          const pick = raw as FieldPick | undefined
          if (!pick || pick.origin !== origin || pick.at < since.current) return
          if (pick.cancelled || !pick.selector) setState({ kind: "cancelled" })
          else {
            picked.current(pick.selector)
            setState({ kind: "picked", sample: pick.sample ?? "" })
          }
        })
        .catch(() => undefined)
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [state.kind, platform, origin])

  const start = () => {
    since.current = Date.now()
    setState({ kind: "picking" })
    callBackground(platform, "site.pick-field", { origin }).then(
      (r) => {
        if (!r.ok) setState({ kind: "error", key: r.error === "no-tab" ? "pickNoTab" : "pickFailed" })
      },
      () => setState({ kind: "error", key: "pickFailed" }),
    )
  }

  return (
    <div className="field-pick">
      <button
        type="button"
        className="small"
        data-testid="site-pick"
        onClick={start}
        title={t("pickFieldHint")}
      >
        <T k="pickField" />
      </button>
      {state.kind !== "idle" && (
        <span
          className={state.kind === "error" ? "error small-text" : "muted small-text"}
          data-testid="site-pick-status"
          data-state={state.kind}
          role={state.kind === "error" ? "alert" : "status"}
        >
          {state.kind === "picking" && <T k="pickWaiting" />}
          {state.kind === "cancelled" && <T k="pickCancelled" />}
          {state.kind === "picked" && <T k="pickDone" values={{ sample: state.sample || "—" }} />}
          {state.kind === "error" && <T k={state.key} />}
        </span>
      )}
    </div>
  )
}
