/**
 * On-demand parts of the content script (issue 11: the script every enabled page pays for stays small).
 * A part is bundled apart (src/background/content-parts.ts) and injected by the service worker into
 * this frame when first needed; it registers its API here, on the content scripts' own global (the
 * isolated world: the page never sees it).
 */
import type { ContentPart } from "~lib/protocol/types"

import type { EditorPart } from "../editors/part-api"
import type { PickerPart } from "../picker/picker-part"

/** What each part offers once it ran. */
export interface PartApis {
  editor: EditorPart
  /** The admin's pick mode (Options → 在页面上选取), started by the service worker itself. */
  picker: PickerPart
}

const KEY = "csSidekickParts"
type Registry = { [P in ContentPart]?: PartApis[P] }

function registry(): Registry {
  const g = globalThis as { [KEY]?: Registry }
  return (g[KEY] ??= {})
}

/** Called by a part's entry module when it runs. */
export function registerPart<P extends ContentPart>(name: P, api: PartApis[P]): void {
  registry()[name] = api
}

const loading = new Map<ContentPart, Promise<unknown>>()

/**
 * The part's API, injecting it first if this frame does not have it yet (once per frame; a failed load
 * is tried again on the next call). Null when the worker refused or the page went away.
 */
export function loadPart<P extends ContentPart>(name: P): Promise<PartApis[P] | null> {
  const have = registry()[name]
  if (have) return Promise.resolve(have)
  let p = loading.get(name) as Promise<PartApis[P] | null> | undefined
  if (!p) {
    // An orphaned copy (the extension was reloaded) throws here synchronously, not by rejecting.
    let asked: Promise<unknown>
    try {
      asked = chrome.runtime.sendMessage({ name: "content.part", body: { part: name } })
    } catch {
      return Promise.resolve(null)
    }
    p = asked.then(
      () => registry()[name] ?? null,
      () => null,
    )
    const settled = p.then((api) => {
      if (!api) loading.delete(name)
      return api
    })
    loading.set(name, settled)
    return settled
  }
  return p
}
