/**
 * Test handle for the bridge in a fixture page: the bundle (built by build-harness.ts) is injected as
 * a same-origin script, so it also runs under the CSP fixture's `script-src 'self'`.
 */
import { createEditorBridge, type EditorBridge } from "~contents/editors/bridge"
import type { Draft } from "~lib/protocol/types"

export interface SidekickTestHandle {
  bridge: EditorBridge
  drafts: Array<Draft & { at: number }>
  gone: number
  stop(): void
}

declare global {
  interface Window {
    __sk?: SidekickTestHandle
  }
}

if (!window.__sk) {
  const ac = new AbortController()
  const handle: SidekickTestHandle = {
    bridge: null as unknown as EditorBridge,
    drafts: [],
    gone: 0,
    stop: () => ac.abort(),
  }
  handle.bridge = createEditorBridge({
    root: document,
    signal: ac.signal,
    onDraft: (d) => handle.drafts.push({ ...d, at: performance.now() }),
    onDraftGone: () => handle.gone++,
  })
  window.__sk = handle
}
