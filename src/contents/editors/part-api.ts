/** The editor part's API (types only: the core content script must not pull the editor code in). */
import type { createEditorBridge } from "./bridge"
import type { customerTexts } from "./customer-turns"
import type { postHandoff } from "./handoff-post"

export interface EditorPart {
  createEditorBridge: typeof createEditorBridge
  customerTexts: typeof customerTexts
  postHandoff: typeof postHandoff
}
