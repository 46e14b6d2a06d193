// @vitest-environment happy-dom
import { describe, expect, it } from "vitest"

import {
  CASE_TITLE_SELECTOR,
  collectCase,
  collectCaseText,
  findCaseParts,
  PARTS_LOOK,
  WIDE_HEAD,
  WIDE_TAIL,
} from "./case-text"

function doc(markup: string, title = ""): Document {
  const d = new DOMParser().parseFromString(`<title>${title}</title><body>${markup}</body>`, "text/html")
  return d
}

describe("collectCaseText", () => {
  it("keeps the title and the fields about the problem, not the parties", () => {
    const d = doc(
      `<h1>工单详情</h1><table>
        <tr><th>寄件人</th><td>上海宏达家具有限公司</td><th>问题类型</th><td>外包装破损</td></tr>
        <tr><th>货物价值</th><td>¥3,600.00（已保价）</td><th>联系电话</th><td>13671928804</td></tr>
        <tr><td>问题描述：</td><td>外包装严重破损，桌角有磕碰</td></tr>
      </table><dl><dt>诉求</dt><dd>上门取回</dd></dl>`,
      "工单 GD1 - 破损",
    )
    const text = collectCaseText([d], null)
    expect(text.split("\n")).toEqual([
      "工单 GD1 - 破损",
      "工单详情",
      "问题类型：外包装破损",
      "问题描述：外包装严重破损，桌角有磕碰",
      "诉求：上门取回",
    ])
  })

  it("reads the frames' documents too, skips our host, and stays within 2,000 characters", () => {
    const top = doc(`<div id="host"><h1>客服助手</h1></div>`, "工单中心")
    const frame = doc(
      Array.from(
        { length: 100 },
        (_, i) => `<dl><dt>备注${i}</dt><dd>${"很长的备注".repeat(10)}${i}</dd></dl>`,
      ).join(""),
    )
    const text = collectCaseText([top, frame], top.getElementById("host"))
    expect(text).not.toContain("客服助手")
    expect(text.startsWith("工单中心\n备注0：")).toBe(true)
    expect(text.length).toBeLessThanOrEqual(2000)
  })

  it("ignores other tickets' subjects in an inbox list and reads label + value pairs", () => {
    const d = doc(
      `<ul><li><a href="#"><div class="subject">收到的箱子压坏了</div></a></li>
        <li class="active"><a href="#"><div class="subject">买了三箱只到了两箱</div></a></li></ul>
      <main><h1>#104 买了三箱只到了两箱</h1>
        <div class="field"><label>问题分类</label><div class="value">少货</div></div>
        <div class="field"><label>手机</label><div class="value">13588120946</div></div></main>`,
    )
    expect(collectCaseText([d], null).split("\n")).toEqual(["#104 买了三箱只到了两箱", "问题分类：少货"])
  })

  it("reads label cells of a detail table, not the rows of a list under column headers", () => {
    const d = doc(
      `<table><thead><tr><th colspan="2">工单信息</th></tr></thead>
        <tbody><tr><th>问题类型</th><td>延误</td></tr></tbody></table>
      <table><thead><tr><th>工单号</th><th>状态</th><th>备注</th></tr></thead>
        <tbody><tr><th>诉求：</th><td>退款</td><td>-</td></tr><tr><td>问题描述：</td><td>外包装破损</td><td></td></tr></tbody></table>`,
    )
    expect(collectCaseText([d], null).split("\n")).toEqual(["问题类型：延误"])
  })

  it("finds titles by class near the top of the page and headings anywhere, in page order", () => {
    const filler = (n: number) => "<span></span>".repeat(n)
    // A wide container (a queue's rows) is read at both ends: a title in its middle is another row's.
    const d = doc(
      `<div class="ticket-title">顶部标题</div>${filler(2_500)}<div class="ticket-title">中间的标题</div>${filler(2_500)}` +
        `<div class="ticket-title">列表后的标题</div><section><h2>后面的小标题</h2></section><h1>最后的大标题</h1>`,
    )
    const titles = [...findCaseParts(d).titles].map((e) => e.textContent)
    expect(titles).toEqual(["顶部标题", "列表后的标题", "后面的小标题", "最后的大标题"])
    // Past PARTS_LOOK elements (here in groups too small to skip), dt and label elements are not read;
    // headings are, by tag name, in page order.
    // No container wider than WIDE_HEAD + WIDE_TAIL children: groups of groups.
    const narrow = WIDE_HEAD + WIDE_TAIL
    const groups = (n: number) => `<div>${filler(narrow - 1)}</div>`.repeat(n)
    const sections = Array.from(
      { length: Math.ceil(PARTS_LOOK / narrow / (narrow - 1)) + 1 },
      () => `<section>${groups(narrow - 1)}</section>`,
    ).join("")
    const late = doc(
      `<dl><dt>问题类型</dt><dd>破损</dd></dl>${sections}` +
        `<dl><dt>诉求</dt><dd>退款</dd></dl><h2>很后面的标题</h2>`,
    )
    expect([...findCaseParts(late).dts].map((e) => e.textContent)).toEqual(["问题类型"])
    expect([...findCaseParts(late).titles].map((e) => e.textContent)).toEqual(["很后面的标题"])
    // A wide container's head and tail are both read: fields after a long flat history are found.
    const history = doc(
      `<div>${"<p>历史</p>".repeat(WIDE_HEAD * 5)}<dl><dt>诉求</dt><dd>退款</dd></dl></div>`,
    )
    expect([...findCaseParts(history).dts].map((e) => e.textContent)).toEqual(["诉求"])
    // Within the walked part, class titles and headings keep their order; the walk's test and the
    // selector the scanner watches for new titles agree.
    const small = doc(
      `<h1>一</h1><p class="Subject">二</p><h3>no</h3><h2>三</h2><div class="a TicketTitle-x">四</div>`,
    )
    const found = [...findCaseParts(small).titles]
    expect(found.map((e) => e.textContent)).toEqual(["一", "二", "三", "四"])
    expect([...small.querySelectorAll(CASE_TITLE_SELECTOR)]).toEqual(found)
  })
})

describe("collectCase: tracking rows", () => {
  const table = (rows: number) =>
    `<table><thead><tr><th>时间</th><th>状态</th><th>地点</th></tr></thead><tbody>${Array.from(
      { length: rows },
      (_, i) =>
        `<tr><td>2026-11-${String((i % 28) + 1).padStart(2, "0")} 10:00</td><td>运输中</td><td>杭州转运中心${i}</td></tr>`,
    ).join("")}</tbody></table>`

  it("reads a parcel's scans table, at most 30 rows", () => {
    const { facts } = collectCase([doc(table(40))], null)
    expect(facts.track).toHaveLength(30)
    expect(facts.track[0]).toEqual(["时间：2026-11-01 10:00", "状态：运输中", "地点：杭州转运中心0"])
  })

  it("does not read a queue of hundreds of rows with time and status columns as this case's tracking", () => {
    const { facts } = collectCase([doc(table(500))], null)
    expect(facts.track).toEqual([])
  })
})
