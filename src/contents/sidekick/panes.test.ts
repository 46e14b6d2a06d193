// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import { collectCase, findCaseParts } from "./case-text"
import { type Box, findDetail } from "./panes"

function doc(markup: string, title = ""): Document {
  return new DOMParser().parseFromString(`<title>${title}</title><body>${markup}</body>`, "text/html")
}

/** Boxes from data-box="left top width height" (happy-dom has no layout); none: not shown. */
const box: Box = (el) => {
  const [left, top, width, height] = (el.getAttribute("data-box") ?? "0 0 0 0").split(" ").map(Number)
  return { left, top, width, height }
}

const rows = (n: number, row: (i: number) => string) => Array.from({ length: n }, (_, i) => row(i)).join("")

describe("findDetail", () => {
  it("takes the pane named like a reading pane beside a list of openable rows, the outermost one", () => {
    const d = doc(
      `<nav data-box="0 0 150 800"><ul>${rows(5, (i) => `<li><a href="#f${i}">文件夹${i}</a></li>`)}</ul></nav>
       <div role="listbox" data-box="150 0 350 800">${rows(6, (i) => `<div role="option" tabindex="-1">SF15337677483${i}4 主题${i}</div>`)}</div>
       <section class="reading-pane" data-box="500 0 700 800"><div class="preview-head" data-box="500 0 700 80">标题</div>
         <p>正文</p></section>`,
    )
    expect(findDetail(findCaseParts(d), null, box)?.el.className).toBe("reading-pane")
  })

  it("falls back to the largest column beside the list's column when no pane is named", () => {
    const d = doc(
      `<div class="split"><div class="left" data-box="0 40 600 700"><div class="filters" data-box="0 40 600 30">全部</div>
         <table class="grid" data-box="0 70 600 600"><thead><tr><th>工单号</th><th>主题</th><th>运单号</th></tr></thead>
         <tbody>${rows(5, (i) => `<tr data-id="${i}"><td>GD${i}</td><td>主题${i}</td><td>46259877947053${i}</td></tr>`)}</tbody></table></div>
       <section class="right" data-box="600 40 600 700"><p>加载中…</p></section></div>`,
    )
    expect(findDetail(findCaseParts(d), null, box)?.el.className).toBe("right")
  })

  it("never takes a rich-text editor's frame (CKEditor 4's editing iframe) for the open item", () => {
    const d = doc(
      `<aside class="inbox" data-box="0 0 240 800"><ul data-box="0 30 240 200">${rows(3, (i) => `<li><a href="#t${i}">工单${i}</a></li>`)}</ul></aside>
       <main data-box="240 0 900 800"><h1>工单 ZX0417：寄件咨询</h1>
         <iframe class="cke_wysiwyg_frame cke_reset" data-box="240 500 900 200"></iframe></main>`,
    )
    expect(findDetail(findCaseParts(d), null, box)?.el.tagName).toBe("MAIN")
  })

  it("finds nothing on a ticket page: menus, label tables and a history are no list of items to open", () => {
    const d = doc(
      `<div class="menu" data-box="0 0 150 800">${rows(5, (i) => `<a href="#${i}">菜单${i}</a>`)}</div>
       <div class="ticket-detail" data-box="150 0 900 800"><table data-box="150 0 900 200"><tr><th>运单号</th><td>462598779470531</td></tr>
         <tr><th>客户</th><td>黄先生</td></tr><tr><th>电话</th><td>13305716284</td></tr><tr><th>状态</th><td>处理中</td></tr></table>
       <ul data-box="150 200 900 300">${rows(5, (i) => `<li>2024-11-0${i} 处理记录 ${i}</li>`)}</ul></div>`,
    )
    expect(findDetail(findCaseParts(d), null, box)).toBeNull()
  })

  it("ignores row-sized panes (a preview snippet inside a row) and lists that are not shown", () => {
    const d = doc(
      `<ul data-box="0 0 300 600">${rows(5, (i) => `<li><a href="#m${i}">主题${i}</a><div class="preview" data-box="0 ${i * 100} 300 90">摘要${i}</div></li>`)}</ul>
       <div class="detail" data-box="300 0 600 600">正文</div>`,
    )
    expect(findDetail(findCaseParts(d), null, box)?.el.className).toBe("detail")
    const hidden = doc(
      `<ul>${rows(5, (i) => `<li><a href="#m${i}">主题${i}</a></li>`)}</ul><div class="detail" data-box="300 0 600 600">正文</div>`,
    )
    expect(findDetail(findCaseParts(hidden), null, box)).toBeNull()
  })
})

describe("collectCase within the open item's pane", () => {
  const inbox = doc(
    `<ul data-box="0 0 300 600">${rows(4, (i) => `<li><a href="#m${i}"><span class="subject">外箱压坏了 YT746026660008${i}</span></a></li>`)}</ul>
     <main class="reader" data-box="300 0 800 600">
       <h2 class="subject">快递五天没动了</h2>
       <dl><dt>发件人</dt><dd>周女士</dd><dt>联系电话</dt><dd>13905712716</dd></dl>
       <p>我的快递单号 JT5261988016578，一直停在转运中心。</p>
       <blockquote>上一封：SF1533767748344 已经赔过了</blockquote>
       <ul class="timeline"><li>2024-11-01 18:02 【广州市】已到达转运中心</li><li>2024-11-02 08:00 【广州市】已发出</li></ul>
       <div contenteditable="true">您好，我帮您查一下</div>
     </main>`,
    "收件箱 (4)",
  )
  const scope = findDetail(findCaseParts(inbox), null, box)

  it("reads the open message's title, fields and words, not the list, the quote, the timeline or the reply", () => {
    const { text } = collectCase([inbox], null, findCaseParts, scope)
    expect(text.split("\n")).toEqual(["快递五天没动了", "我的快递单号 JT5261988016578，一直停在转运中心。"])
  })

  it("hands the parties' fields and the timeline to the facts", () => {
    const { facts } = collectCase([inbox], null, findCaseParts, scope)
    expect(facts.fields).toEqual([
      ["发件人", "周女士"],
      ["联系电话", "13905712716"],
    ])
    expect(facts.track).toEqual([
      ["2024-11-01 18:02 【广州市】已到达转运中心"],
      ["2024-11-02 08:00 【广州市】已发出"],
    ])
  })

  it("reads a tracking table's rows with their column names, in a whole page without a pane", () => {
    const page = doc(
      `<table><tr><th>收件人</th><td>黄志刚</td><th>收件人电话</th><td>133****6284</td></tr></table>
       <table><thead><tr><th>时间</th><th>地点</th><th>物流详情</th></tr></thead><tbody>
       <tr><td>2024-11-01 18:02:47</td><td>深圳市</td><td>已揽收</td></tr>
       <tr><td>2024-11-03 08:15:22</td><td>杭州市</td><td>等待派送</td></tr></tbody></table>`,
    )
    const { text, facts } = collectCase([page], null)
    expect(text).toBe("")
    expect(facts.fields).toEqual([
      ["收件人", "黄志刚"],
      ["收件人电话", "133****6284"],
    ])
    expect(facts.track).toEqual([
      ["时间：2024-11-01 18:02:47", "地点：深圳市", "物流详情：已揽收"],
      ["时间：2024-11-03 08:15:22", "地点：杭州市", "物流详情：等待派送"],
    ])
  })
})
