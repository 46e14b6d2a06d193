import type { EditorKind } from "~lib/protocol/types"

export interface EditorTarget {
  /** The textarea/input, or the editing host of a contenteditable editor. */
  el: HTMLElement
  kind: EditorKind
}

/** Text inputs narrower than this are lookups/filters (waybill search, name), not reply boxes. */
const MIN_INPUT_WIDTH = 240

// Tag and attribute checks rather than `instanceof`: elements of editor iframes come from another realm.
function tag(el: Element): string {
  return el.tagName.toUpperCase()
}

function editableValue(el: Element): string | null {
  const v = el.getAttribute("contenteditable")
  return v === null ? null : v.toLowerCase()
}

function isEditableValue(v: string | null): boolean {
  return v === "" || v === "true" || v === "plaintext-only"
}

function acceptsTextControl(el: HTMLElement): EditorKind | null {
  const t = tag(el)
  if (t === "TEXTAREA") {
    const ta = el as HTMLTextAreaElement
    return ta.readOnly || ta.disabled ? null : "textarea"
  }
  if (t !== "INPUT") return null
  const input = el as HTMLInputElement
  // `type` reads "text" for a missing or unknown type attribute; password/search/number/email… are out.
  if (input.type !== "text" || input.readOnly || input.disabled) return null
  const role = input.getAttribute("role")
  if (role === "combobox" || role === "searchbox" || input.hasAttribute("list")) return null
  const width = input.getBoundingClientRect().width
  if (width > 0 && width < MIN_INPUT_WIDTH) return null
  return "input"
}

/** The outermost editing host of `start` (stops at a `contenteditable="false"` island). */
function editingHost(start: Element): HTMLElement | null {
  let host: Element | null = start.closest("[contenteditable]")
  if (!host || !isEditableValue(editableValue(host))) return null
  for (;;) {
    const up: Element | null | undefined = host.parentElement?.closest("[contenteditable]")
    if (!up || !isEditableValue(editableValue(up))) return host as HTMLElement
    host = up
  }
}

function richKind(host: HTMLElement): EditorKind {
  const cls = host.classList
  if (cls.contains("cke_editable")) return "ckeditor4"
  if (host.id === "tinymce" || cls.contains("mce-content-body")) return "tinymce"
  if (cls.contains("ck-editor__editable")) return "ckeditor5"
  if (cls.contains("ql-editor")) return "quill"
  return "contenteditable"
}

/** The reply editor that `target` (a focused element) belongs to, or null if it is not one. */
export function findEditor(target: Element | null): EditorTarget | null {
  if (!target) return null
  const el = target as HTMLElement
  const control = acceptsTextControl(el)
  if (control) return { el, kind: control }
  // Old iframe editors switch the whole document to designMode instead of marking the body.
  const doc = el.ownerDocument
  const host = doc.designMode === "on" && doc.body ? doc.body : editingHost(el)
  return host ? { el: host, kind: richKind(host) } : null
}
