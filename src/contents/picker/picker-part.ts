/**
 * Entry of the picker part: the admin's pick mode for a site's waybill field. Bundled apart and
 * injected by the service worker (background/field-pick.ts) only when the admin clicks 在页面上选取 in
 * Options; the worker then calls `pickField()` in the same isolated world. The confirmed field (or the
 * cancel) goes back to the worker, which checks the sender and hands it to Options.
 */
import { registerPart } from "../sidekick/parts"
import { startFieldPicker } from "./field-picker"

export interface PickerPart {
  /** Starts pick mode (ending one already running in this frame). */
  pickField(): void
}

let stop: (() => void) | null = null

function pickField(): void {
  stop?.()
  const mine = startFieldPicker({
    onDone: (picked) => {
      if (stop === mine) stop = null
      chrome.runtime
        .sendMessage({ name: "site.field-picked", body: picked ?? { cancelled: true } })
        .catch(() => undefined)
    },
  })
  stop = mine
}

registerPart("picker", { pickField })
