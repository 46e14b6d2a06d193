/**
 * The in-page sidebar's "push / overlay" switch for this site: the choice goes to chrome.storage.local
 * (`sidebarLayout:<origin>`), where the page's host reads it and narrows the page or stops doing so.
 */
import { useEffect, useState } from "react"

import { SIDEBAR_LAYOUT_KEY, type SidebarLayout } from "~lib/protocol/types"

import { T, useT } from "../locale"
import { useServices } from "../services"

export function LayoutSwitch({ origin }: { origin: string }) {
  const { platform } = useServices()
  const t = useT()
  const key = SIDEBAR_LAYOUT_KEY + origin
  const [push, setPush] = useState<boolean | null>(null)
  useEffect(() => {
    let live = true
    platform
      .storageGet(key)
      .then((v) => live && setPush((v as SidebarLayout | undefined)?.push === true))
      .catch(() => live && setPush(false))
    return () => {
      live = false
    }
  }, [platform, key])

  const toggle = () => {
    const next = !push
    setPush(next)
    platform
      .storageGet(key)
      .then((v) => platform.storageSet(key, { ...(v as SidebarLayout | undefined), push: next }))
      .catch(() => setPush(!next))
  }

  return (
    <button
      type="button"
      className="small"
      data-testid="sidebar-push"
      aria-pressed={push === true}
      disabled={push === null}
      title={t(push ? "layoutOverlayHint" : "layoutPushHint")}
      onClick={toggle}
    >
      <T k={push ? "layoutOverlay" : "layoutPush"} />
    </button>
  )
}
