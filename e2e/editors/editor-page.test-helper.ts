import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"

import { type Browser, chromium, type Frame, type Page } from "playwright-core"

import type { Draft, EditorKind, HighlightSpan } from "~lib/protocol/types"

import type { EditResult, ReplaceRangeRequest } from "../../src/contents/editors/bridge"
import { startFixtureServer } from "../server"
import { buildBridgeHarness } from "./build-harness"

export interface EditorEnv {
  browser: Browser
  origin: string
  close(): Promise<void>
}

export async function startEnv(): Promise<EditorEnv> {
  // The shared fixture server (fixtures, editor vendor files, the CSP page) plus the bridge bundle.
  const dir = mkdtempSync(join(tmpdir(), "sk-bridge-"))
  const bundleFile = join(dir, "sk.js")
  writeFileSync(bundleFile, await buildBridgeHarness())
  const server = await startFixtureServer({
    route: (url) =>
      url.split("?")[0] === "/__sk.js"
        ? { file: bundleFile, headers: { "Content-Type": "text/javascript; charset=utf-8" } }
        : null,
  })
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  })
  return {
    browser,
    origin: server.origin,
    async close() {
      await browser.close()
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Opens a fixture, waits for its editor to be ready, injects the bridge (same-origin script). */
export async function openFixture(env: EditorEnv, name: string): Promise<Page> {
  const page = await env.browser.newPage()
  const errors: string[] = []
  page.on("pageerror", (e) => errors.push(e.message))
  await page.goto(`${env.origin}/editors/${name}.html`)
  await page.waitForFunction(() => (window as { editorReady?: boolean }).editorReady === true)
  await page.addScriptTag({ url: "/__sk.js" })
  await page.waitForFunction(() => !!window.__sk)
  ;(page as Page & { errors: string[] }).errors = errors
  return page
}

export function lastDraft(page: Page): Promise<Draft | null> {
  return page.evaluate(() => window.__sk?.drafts.at(-1) ?? null)
}

/** Waits until the latest draft satisfies `text` (exact) and returns it. */
export async function waitForDraft(page: Page, text: string): Promise<Draft> {
  await page.waitForFunction((t) => window.__sk?.drafts.at(-1)?.text === t, text, { timeout: 10_000 })
  return (await lastDraft(page)) as Draft
}

export function replaceRange(page: Page, req: ReplaceRangeRequest): Promise<EditResult> {
  return page.evaluate((r) => window.__sk!.bridge.replaceRange(r), req)
}

export function insertText(page: Page, text: string, editorId?: string): Promise<EditResult> {
  return page.evaluate(([t, id]) => window.__sk!.bridge.insertText({ text: t, editorId: id }), [
    text,
    editorId,
  ] as const)
}

export function highlight(
  page: Page,
  editorId: string,
  revision: number,
  spans: HighlightSpan[],
): Promise<void> {
  return page.evaluate(([id, rev, s]) => window.__sk!.bridge.highlight(id, rev, s), [
    editorId,
    revision,
    spans,
  ] as const)
}

/** Clicks submit and returns what the form sent (the fixture writes it into #submitted). */
export async function submit(page: Page): Promise<string> {
  await page.evaluate(() => (document.getElementById("submitted")!.textContent = ""))
  await page.click("#send")
  await page.waitForFunction(() => document.getElementById("submitted")!.textContent !== "")
  return (await page.textContent("#submitted")) ?? ""
}

/** Plain text of submitted HTML (editors submit `<p>…</p>`). */
export function htmlToText(html: string): string {
  return html
    .replace(/<\/p>\s*<p>/g, "\n")
    .replace(/<br\s*\/?>\s*/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .trim()
}

export interface EditorCase {
  fixture: string
  kind: EditorKind
  /** The editable element (in `frame()` for iframe editors). */
  selector: string
  iframe?: string
  /** The editor's own model as plain text (editor API, React state, …). */
  model: string
  /** Submitted value → plain text. */
  plain(submitted: string): string
  /**
   * The editor's own undo merge window: edits closer together than this become one undo step
   * (Quill's `history.delay`, 1 s by default). Time-based, so there is no condition to wait for.
   */
  undoMergeMs?: number
}

const asIs = (s: string) => s.trim()

/**
 * The editor fixtures CRMs use, as the tests reach them: where the agent types, the editor's own model
 * and how a submitted value reads as plain text. One table for the bridge specs and the extension's.
 */
export const EDITOR_CASES: readonly EditorCase[] = [
  {
    fixture: "textarea",
    kind: "textarea",
    selector: "#reply",
    model: "document.getElementById('reply').value",
    plain: asIs,
  },
  // The submitted value is React state; the DOM value alone proves nothing.
  {
    fixture: "react-textarea",
    kind: "textarea",
    selector: "#reply",
    model: "document.getElementById('reply').value",
    plain: asIs,
  },
  {
    fixture: "vue-textarea",
    kind: "textarea",
    selector: "#reply",
    model: "document.getElementById('reply').value",
    plain: asIs,
  },
  {
    fixture: "contenteditable",
    kind: "contenteditable",
    selector: "#reply",
    model: "document.getElementById('reply').innerText",
    plain: asIs,
  },
  {
    fixture: "ckeditor4",
    kind: "ckeditor4",
    selector: "body",
    iframe: "iframe.cke_wysiwyg_frame",
    model: "CKEDITOR.instances.reply.getData()",
    plain: htmlToText,
  },
  {
    fixture: "ckeditor5",
    kind: "ckeditor5",
    selector: ".ck-editor__editable",
    model: "editor.getData()",
    plain: htmlToText,
  },
  {
    fixture: "tinymce",
    kind: "tinymce",
    selector: "body",
    iframe: "iframe[id$='_ifr']",
    model: "tinymce.activeEditor.getContent()",
    plain: htmlToText,
  },
  {
    fixture: "quill",
    kind: "quill",
    selector: ".ql-editor",
    model: "quill.getText()",
    plain: asIs,
    undoMergeMs: 1000,
  },
]

export function editorFrame(page: Page, c: EditorCase): Frame | Page {
  if (!c.iframe) return page
  const frame = page.frames().find((f) => f !== page.mainFrame() && f.parentFrame() === page.mainFrame())
  if (!frame) throw new Error(`no iframe for ${c.fixture}`)
  return frame
}

export async function modelText(page: Page, c: EditorCase): Promise<string> {
  return String(await page.evaluate(c.model))
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
