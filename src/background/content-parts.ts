/**
 * The content script's on-demand parts (src/contents/parts.ts): bundled apart by Parcel (`url:`) and
 * injected into the asking frame of an enabled site only, so every page load pays for the core alone.
 */
import editorPartUrl from "url:~contents/editors/part.ts"

import type { ContentPart } from "~lib/protocol/types"

const PART_URLS: Record<ContentPart, string> = { editor: editorPartUrl }

/** A part's path inside the extension, as `scripting.executeScript` wants it. */
export function contentPartFile(part: ContentPart): string {
  return new URL(PART_URLS[part], chrome.runtime.getURL("/")).pathname.replace(/^\/+/, "")
}

/** Injects a part into one frame of a tab; false when the frame is gone or the page may not be scripted. */
export async function injectPart(tabId: number, frameId: number, part: ContentPart): Promise<boolean> {
  try {
    await chrome.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: [contentPartFile(part)],
    })
    return true
  } catch {
    return false
  }
}
