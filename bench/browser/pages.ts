/**
 * Generated CRM pages for the browser benchmarks: a ticket list of N table rows (ticket no., date,
 * customer, phone, waybill, status, note, actions) under a ticket header, and a long ticket history.
 * Deterministic, so every run measures the same DOM.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const NOTES = [
  "客户反映快件延误，已联系网点核实，承诺明天上午回电。",
  "收件人不在家，派送员已电话联系，改约周六派送。",
  "外包装破损，客户要求理赔，已登记并上报片区负责人。",
  "客户催件，已转交下一班同事跟进。",
  "地址有误，已与收件人确认新地址并修改。",
  "已签收，客户无异议，结单。",
]
const STATUS = ["待处理", "处理中", "已回访", "已结单", "升级"]
const NAMES = ["王女士", "李先生", "张三", "赵敏", "陈浩", "刘洋"]

export function makeRng(seed: number): () => number {
  return rng(seed)
}

/** A plausible waybill: SF/YT prefixed or a 14-digit ZTO/STO-like number. */
export function waybill(r: () => number): string {
  const d = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("")
  const k = Math.floor(r() * 3)
  return k === 0 ? `SF${d(13)}` : k === 1 ? `YT${d(13)}` : `7${3 + Math.floor(r() * 3)}${d(12)}`
}

/** One ticket-list row (also used in the page to append rows: keep it self-contained). */
export function rowHtml(i: number, r: () => number): string {
  const d = (n: number) => Array.from({ length: n }, () => Math.floor(r() * 10)).join("")
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
  return (
    `<tr><td>${100000 + i}</td><td>2026-11-${String(1 + (i % 28)).padStart(2, "0")} ` +
    `${String(i % 24).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}</td>` +
    `<td>${pick(NAMES)}</td><td>1${pick(["38", "59", "86"])}${d(8)}</td><td>${waybill(r)}</td>` +
    `<td><span class="tag">${pick(STATUS)}</span></td><td>${pick(NOTES)}</td>` +
    `<td><a href="#t${i}">查看</a> <button type="button">回访</button></td></tr>`
  )
}

const HEAD = `<meta charset="utf-8"><title>工单 T-20261122-0042 · 客服工作台</title>
<style>body{font:13px sans-serif;margin:0}table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px}
.tag{background:#eef;padding:0 4px}.hist li{margin:4px 0}</style>
<script>window.crmReady = true</script>`

const HEADER = `<header><nav><a href="#">工作台</a> <a href="#">工单</a> <a href="#">知识库</a></nav>
<h1 class="ticket-title">快件延误投诉 · 运单号 SF1385628716739</h1>
<form><label for="wb">运单号：</label><input id="wb" name="mailNo" value="SF1385628716739">
<label for="ph">联系电话：</label><input id="ph" value="13800138000">
<textarea id="reply" rows="4" cols="80" placeholder="回复客户"></textarea></form></header>`

/** A ticket list of `rows` rows. */
export function listPage(rows: number, seed = 11): string {
  const r = rng(seed)
  const body: string[] = []
  for (let i = 0; i < rows; i++) body.push(rowHtml(i, r))
  return `<!doctype html><html lang="zh-CN"><head>${HEAD}</head><body>${HEADER}
<table id="list"><thead><tr><th>工单号</th><th>时间</th><th>客户</th><th>电话</th><th>运单号</th><th>状态</th><th>备注</th><th>操作</th></tr></thead>
<tbody id="rows">${body.join("\n")}</tbody></table></body></html>`
}

/** One ticket with a long history: `entries` timeline items, some naming waybills. */
export function historyPage(entries: number, seed = 23): string {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
  const items: string[] = []
  for (let i = 0; i < entries; i++) {
    const mention = r() < 0.3 ? ` 相关运单 ${waybill(r)}。` : ""
    items.push(
      `<li><time>2026-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}</time> ` +
        `<b>${pick(NAMES)}</b> <span class="tag">${pick(STATUS)}</span>` +
        `<p>${pick(NOTES)}${mention}${pick(NOTES)}</p></li>`,
    )
  }
  return `<!doctype html><html lang="zh-CN"><head>${HEAD}</head><body>${HEADER}
<dl><dt>客户</dt><dd>王女士</dd><dt>问题类型</dt><dd>延误</dd></dl>
<ol class="hist">${items.join("\n")}</ol></body></html>`
}

/**
 * The 10,000-row list with a ticket history of `blocks` handoff blocks (issue 12) below it, each an
 * internal comment of <p> lines as rich-text helpdesks render them, among ordinary comments.
 */
export function listWithHandoffsPage(rows: number, blocks: number, seed = 11): string {
  const page = listPage(rows, seed)
  const r = rng(seed + 1)
  const hist: string[] = []
  for (let i = 0; i < blocks; i++) {
    const wb = waybill(r)
    const lines = [
      "【客服助手·交接单】",
      `运单号：${wb}`,
      `客户：${NAMES[i % NAMES.length]} 1380013${String(8000 + i).slice(-4)}`,
      `问题（已与客户确认）：${NOTES[i % NOTES.length]}`,
      `已处理：${NOTES[(i + 1) % NOTES.length]}`,
      `已联系：网点主管 ${NAMES[(i + 2) % NAMES.length]} 010-1234${String(5000 + i).slice(-4)}：答应今天回复`,
      "承诺：30分钟内回复您",
      "回电时间：2026-12-04 18:30",
      "下一步：等网点回复后回电客户",
      "交给：下一班",
      `经办：客服${i % 9}号（工号 A${100 + i}） 2026-12-04 17:40`,
      `CSK1 k=h n=bench-${i} at=tpj7r0 cb=tpj94o s=${(i * 2654435761).toString(16).padStart(32, "0").slice(-32)}`,
    ]
    hist.push(`<div class="comment internal"><div class="meta">客服${i % 9}号 · 内部备注</div>
<div class="body">${lines.map((l) => `<p>${l}</p>`).join("")}</div></div>`)
    hist.push(
      `<div class="comment"><div class="meta">客服 · 回复</div><div class="body"><p>${NOTES[i % NOTES.length]}</p></div></div>`,
    )
  }
  return page.replace("</body>", `<section id="history"><h3>处理记录</h3>${hist.join("\n")}</section></body>`)
}
