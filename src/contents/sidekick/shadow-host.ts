/**
 * Our UI in the CRM page: a light-DOM host with a closed shadow root that holds its own style sheet, so
 * the page's styles do not reach it and the page's scripts cannot walk into it. Used by the sidebar's
 * host (core) and the field picker (its part bundles its own copy: a few lines). It lives in a folder:
 * Plasmo makes every file directly under src/contents/ a content script of its own (on every site).
 */
export function closedShadowHost(doc: Document, css: string): { host: HTMLDivElement; shadow: ShadowRoot } {
  const host = doc.createElement("div")
  const shadow = host.attachShadow({ mode: "closed" })
  const style = doc.createElement("style")
  style.textContent = css
  shadow.append(style)
  return { host, shadow }
}
