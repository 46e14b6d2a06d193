/**
 * Entry of the editor part: the reply-editor bridge (drafts, edits, highlights, the CRM's send) and
 * the internal-box post. Injected on demand by the service worker (sidekick/parts.ts), the first time
 * a reply box gets focus or the sidebar asks for an edit.
 */
import { registerPart } from "../sidekick/parts"
import { createEditorBridge } from "./bridge"
import { customerTexts } from "./customer-turns"
import { postHandoff } from "./handoff-post"

registerPart("editor", { createEditorBridge, customerTexts, postHandoff })
