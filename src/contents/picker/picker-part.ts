/**
 * The pick-mode part, bundled on its own (the service worker imports it with `url:`) and injected
 * into the CRM tab only when the admin clicks 在页面上选取 in Options. It reports the confirmed field
 * (or the cancel) to the service worker, which checks the sender and hands it to Options.
 */
import { startFieldPicker } from "./field-picker"

type Slot = { cskFieldPicker?: () => void }
const slot = globalThis as Slot
// Injected twice (the admin clicked again): the newer pick mode replaces the older one.
slot.cskFieldPicker?.()
const stop = startFieldPicker({
  onDone: (picked) => {
    if (slot.cskFieldPicker === stop) slot.cskFieldPicker = undefined
    chrome.runtime
      .sendMessage({ name: "site.field-picked", body: picked ?? { cancelled: true } })
      .catch(() => undefined)
  },
})
slot.cskFieldPicker = stop
