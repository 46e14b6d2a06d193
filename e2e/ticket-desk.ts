/**
 * A fixture helpdesk with a memory: tickets whose comments are kept per ticket by the server, posted
 * with real form POSTs (or the SPA's fetch) and rendered back server-side, as real CRMs do:
 *
 * - `/desk/ticket/:id` — the ticket: header, 运单号 field, a long server-rendered history (older entries
 *   collapsed in <details>), and the public reply box (a plain textarea: sent to the customer).
 * - `/desk/ticket/:id/note` — a separate internal-comment page (内部备注) with CKEditor 4 replacing its
 *   textarea, the history above it. The posted HTML is sanitised to a few tags and rendered back.
 * - `/desk/spa/:id` — a single-page app with one editor and a 回复客户 / 内部备注 toggle; comments go
 *   through `/desk/api/ticket/:id/comments` (JSON) and the history re-renders on the client.
 *
 * Plain text is escaped and its line breaks become <br> (like most helpdesks' plain comments).
 */
import type { IncomingMessage, ServerResponse } from "node:http"

export interface DeskComment {
  author: string
  at: string
  internal: boolean
  /** Sanitised HTML (rich comments) or escaped text with <br> (plain ones). */
  html: string
}

export interface DeskTicket {
  id: string
  waybill: string
  customer: string
  title: string
  comments: DeskComment[]
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")

/** Plain text as a helpdesk shows it: escaped, line breaks as <br>. */
export const plainToHtml = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>")

/**
 * What a helpdesk keeps of rich-text HTML: p / br / div / strong / em / ul / ol / li without any
 * attribute; every other tag dropped (its text kept, escaped).
 */
export function sanitizeRich(html: string): string {
  const out: string[] = []
  const re = /<\/?([a-zA-Z0-9]+)[^>]*>|([^<]+)|</g
  for (const m of html.matchAll(re)) {
    if (m[2] !== undefined) {
      // Text between tags is already HTML (entities as CKEditor wrote them): re-escape only bare < >.
      out.push(m[2].replace(/</g, "&lt;").replace(/>/g, "&gt;"))
    } else if (m[1] !== undefined) {
      const tag = m[1].toLowerCase()
      if (["p", "br", "div", "strong", "em", "ul", "ol", "li"].includes(tag)) {
        const closing = m[0].startsWith("</")
        out.push(tag === "br" ? "<br>" : closing ? `</${tag}>` : `<${tag}>`)
      }
    } else out.push("&lt;")
  }
  return out.join("")
}

const FILLER = [
  "客户来电查询物流进度，已告知正在派送中。",
  "客户表示快递员未联系，已催促网点。",
  "系统自动提醒：工单超过 24 小时未更新。",
  "客户要求改派送地址，已记录待网点确认。",
]

export class TicketDesk {
  readonly tickets = new Map<string, DeskTicket>()

  /** A ticket with `history` older entries (the oldest collapsed, as helpdesks fold long threads). */
  add(id: string, waybill: string, customer: string, history = 12): DeskTicket {
    const comments: DeskComment[] = Array.from({ length: history }, (_, i) => ({
      author: i % 3 === 0 ? "系统" : `客服${(i % 5) + 1}号`,
      at: `2026-12-0${1 + (i % 3)} ${String(8 + (i % 10)).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")}`,
      internal: i % 2 === 0,
      html: plainToHtml(FILLER[i % FILLER.length]),
    }))
    const t = { id, waybill, customer, title: `快件未收到 — ${customer}`, comments }
    this.tickets.set(id, t)
    return t
  }

  /** Handles `/desk/…`; false when the path is not ours. */
  async handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1")
    const m = /^\/desk\/(ticket|spa|api\/ticket)\/([\w-]+)(\/note|\/reply|\/comments|\/history)?$/.exec(
      url.pathname,
    )
    if (!m) return false
    const ticket = this.tickets.get(m[2])
    if (!ticket) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("no such ticket")
      return true
    }
    const [, kind, , sub] = m
    if (req.method === "POST") {
      const body = await readBody(req)
      if (kind === "ticket" && (sub === "/reply" || sub === "/note")) {
        const form = new URLSearchParams(body)
        const text = form.get(sub === "/note" ? "note" : "reply") ?? ""
        const author = form.get("author") ?? "客服"
        if (text.trim())
          ticket.comments.push({
            author,
            at: stamp(),
            internal: sub === "/note",
            html: sub === "/note" ? sanitizeRich(text) : plainToHtml(text),
          })
        res.writeHead(303, { Location: `/desk/ticket/${ticket.id}` }).end()
        return true
      }
      if (kind === "api/ticket" && sub === "/comments") {
        const data = JSON.parse(body || "{}") as { text?: string; internal?: boolean; author?: string }
        if (typeof data.text === "string" && data.text.trim())
          ticket.comments.push({
            author: data.author ?? "客服",
            at: stamp(),
            internal: data.internal === true,
            html: plainToHtml(data.text),
          })
        sendJson(res, ticket.comments)
        return true
      }
      res.writeHead(405).end()
      return true
    }
    if (kind === "api/ticket") sendJson(res, ticket.comments)
    else if (kind === "spa") sendHtml(res, spaPage(ticket))
    else if (sub === "/note") sendHtml(res, notePage(ticket))
    else if (sub === "/history") sendHtml(res, historyFrame(ticket))
    else if (!sub) sendHtml(res, ticketPage(ticket, url.searchParams.get("frame") === "1"))
    else res.writeHead(405).end()
    return true
  }
}

function stamp(): string {
  const d = new Date()
  const p = (n: number) => String(n).padStart(2, "0")
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    req.on("error", reject)
  })
}

function sendHtml(res: ServerResponse, html: string) {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }).end(html)
}

function sendJson(res: ServerResponse, data: unknown) {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" })
  res.end(JSON.stringify(data))
}

const STYLE = `<style>
body{font:14px/1.5 "Microsoft YaHei",sans-serif;margin:0;color:#222}
header{background:#1f4e79;color:#fff;padding:8px 16px}
main{padding:12px 16px;max-width:900px}
.fields dt{float:left;width:90px;color:#666}.fields dd{margin:0 0 4px 90px}
.comment{border-bottom:1px solid #ddd;padding:6px 0}.comment .meta{color:#888;font-size:12px}
.comment.internal{background:#fff8e1}.badge{font-size:11px;border:1px solid #c90;color:#c90;padding:0 3px}
textarea{width:100%;height:120px}
</style>`

function history(t: DeskTicket): string {
  const rows = t.comments.map(
    (c, i) =>
      `<div class="comment ${c.internal ? "internal" : "public"}" id="c${i}"><div class="meta">${escapeHtml(c.author)} · ${escapeHtml(c.at)}${c.internal ? ' <span class="badge">内部备注</span>' : ""}</div><div class="body">${c.html}</div></div>`,
  )
  const folded = Math.max(0, rows.length - 6)
  return `<section id="history"><h3>处理记录（${rows.length}）</h3>${
    folded
      ? `<details><summary>展开更早的 ${folded} 条</summary>${rows.slice(0, folded).join("")}</details>`
      : ""
  }${rows.slice(folded).join("")}</section>`
}

function header(t: DeskTicket): string {
  return `<header>工单 #${escapeHtml(t.id)} · ${escapeHtml(t.title)}</header>
<dl class="fields"><dt>运单号</dt><dd id="waybill">${escapeHtml(t.waybill)}</dd><dt>客户</dt><dd>${escapeHtml(t.customer)}</dd><dt>状态</dt><dd>处理中</dd></dl>`
}

/** The history alone: some helpdesks show it in a same-origin iframe. */
function historyFrame(t: DeskTicket): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>history</title>${STYLE}</head><body>${history(t)}</body></html>`
}

function ticketPage(t: DeskTicket, framed = false): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工单 ${escapeHtml(t.id)} - 运单 ${escapeHtml(t.waybill)}</title>${STYLE}</head>
<body>${header(t)}<main>
<p><a id="to-note" href="/desk/ticket/${escapeHtml(t.id)}/note">添加内部备注</a></p>
${framed ? `<iframe id="history-frame" src="/desk/ticket/${escapeHtml(t.id)}/history" style="width:100%;height:400px;border:0"></iframe>` : history(t)}
<form id="reply-form" method="post" action="/desk/ticket/${escapeHtml(t.id)}/reply">
<label for="reply">回复客户（客户可见）</label>
<textarea id="reply" name="reply"></textarea>
<input type="hidden" name="author" value="客服">
<button id="send-reply" type="submit">发送给客户</button>
</form></main></body></html>`
}

function notePage(t: DeskTicket): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>内部备注 - 工单 ${escapeHtml(t.id)} - 运单 ${escapeHtml(t.waybill)}</title>${STYLE}</head>
<body>${header(t)}<main>
${history(t)}
<form id="note-form" method="post" action="/desk/ticket/${escapeHtml(t.id)}/note">
<label for="internal-note">内部备注（仅内部可见）</label>
<textarea id="internal-note" name="note"></textarea>
<input type="hidden" name="author" value="客服">
<button id="save-note" type="submit">保存备注</button>
</form>
<script src="/vendor/ckeditor4/ckeditor.js"></script>
<script>
const editor = CKEDITOR.replace("internal-note", { versionCheck: false, height: 220, language: "zh-cn" })
editor.on("instanceReady", () => { window.editorReady = true })
</script>
</main></body></html>`
}

function spaPage(t: DeskTicket): string {
  // The app renders everything on the client, from the JSON API (ids here are the app's, not ours).
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>工单 ${escapeHtml(t.id)}</title>${STYLE}</head>
<body><div id="app">加载中…</div>
<script>
const id = ${JSON.stringify(t.id)}
const state = { mode: "reply", comments: [], draft: "" }
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
function render() {
  const app = document.getElementById("app")
  app.innerHTML = '<header>工单 #' + esc(id) + ' · ' + esc(${JSON.stringify(t.title)}) + '</header><main>' +
    '<dl class="fields"><dt>运单号</dt><dd>' + esc(${JSON.stringify(t.waybill)}) + '</dd></dl>' +
    '<section id="history">' + state.comments.map((c) => '<div class="comment ' + (c.internal ? 'internal' : 'public') + '"><div class="meta">' + esc(c.author) + ' · ' + esc(c.at) + (c.internal ? ' <span class="badge">内部备注</span>' : '') + '</div><div class="body">' + c.html + '</div></div>').join("") + '</section>' +
    '<div role="tablist"><button id="mode-reply" role="tab" aria-selected="' + (state.mode === "reply") + '">回复客户</button>' +
    '<button id="mode-internal" role="tab" aria-selected="' + (state.mode === "internal") + '">内部备注</button></div>' +
    '<textarea id="composer"></textarea><button id="composer-send">' + (state.mode === "reply" ? "发送给客户" : "保存备注") + '</button></main>'
  const box = document.getElementById("composer")
  box.value = state.draft
  box.addEventListener("input", () => { state.draft = box.value })
  document.getElementById("mode-reply").onclick = () => { state.mode = "reply"; render() }
  document.getElementById("mode-internal").onclick = () => { state.mode = "internal"; render() }
  document.getElementById("composer-send").onclick = async () => {
    const res = await fetch("/desk/api/ticket/" + id + "/comments", { method: "POST", body: JSON.stringify({ text: box.value, internal: state.mode === "internal" }) })
    state.comments = await res.json(); state.draft = ""; render()
  }
}
fetch("/desk/api/ticket/" + id + "/comments").then((r) => r.json()).then((c) => { state.comments = c; render() })
</script></body></html>`
}
