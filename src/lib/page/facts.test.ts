import { describe, expect, it } from "vitest"

import { maskPhone, readFacts, readScan, scanLine } from "./facts"

describe("readFacts", () => {
  it("takes the customer's name and phone before the receiver's and sender's, and lists the addresses", () => {
    const facts = readFacts({
      fields: [
        ["寄件人", "深圳市优选电子商务有限公司"],
        ["寄件人电话", "0755-86012345"],
        ["收件人", "黄志刚"],
        ["收件人手机", "133 0571 6284"],
        ["客户姓名", "黄先生"],
        ["联系电话", "13305716284（同收件人）"],
        ["收件人电话", "133****6284"],
        ["收件地址", "浙江省杭州市拱墅区湖墅南路 186 号"],
        ["寄件地址", "广东省深圳市南山区科技园"],
        ["收货地址", "浙江省杭州市拱墅区湖墅南路 186 号"],
      ],
      track: [],
    })
    expect(facts.name).toBe("黄先生")
    expect(facts.phone).toBe("13305716284")
    expect(facts.addresses).toEqual([
      { kind: "to", text: "浙江省杭州市拱墅区湖墅南路 186 号" },
      { kind: "from", text: "广东省深圳市南山区科技园" },
    ])
  })

  it("falls back to the receiver, skips placeholders and values that are no name or phone", () => {
    const facts = readFacts({
      fields: [
        ["客户姓名", "--"],
        ["收件人", "马晓琳"],
        ["联系电话", "暂无"],
        ["收件人电话", "151****6627"],
        ["联系人", "13305716284"],
      ],
      track: [],
    })
    expect(facts.name).toBe("马晓琳")
    expect(facts.phone).toBe("151****6627")
  })

  it("reads the branch from its labelled field, never its phone, code or address, and keeps it out of the customer's facts", () => {
    const facts = readFacts({
      fields: [
        ["网点名称", "杭州萧山网点"],
        ["网点电话", "0571-82345601"],
        ["收件人", "马晓琳"],
      ],
      track: [],
    })
    expect(facts.branch).toBe("杭州萧山网点")
    expect(facts.name).toBe("马晓琳")
    expect(facts.phone).toBeUndefined()
    expect(readFacts({ fields: [["派件营业点", "余杭3号站点"]], track: [] }).branch).toBe("余杭3号站点")
    expect(readFacts({ fields: [["站点编码", "571011"]], track: [] }).branch).toBeUndefined()
    expect(readFacts({ fields: [["责任网点", "571011"]], track: [] }).branch).toBeUndefined()
    expect(readFacts({ fields: [["责任网点", "暂无"]], track: [] }).branch).toBeUndefined()
    expect(readFacts({ fields: [["网点地址", "萧山区市心中路100号"]], track: [] }).branch).toBeUndefined()
  })

  it("finds the newest scan whatever the order of a table's rows, with place and status from their columns", () => {
    const facts = readFacts({
      fields: [],
      track: [
        ["时间：2024-11-01 18:02:47", "地点：深圳市", "状态：快件已揽收"],
        ["时间：2024-11-03 08:15:22", "地点：杭州市", "状态：快件已到达【杭州拱墅湖墅营业部】，等待派送"],
        ["时间：2024-11-02 21:40:03", "地点：杭州市", "状态：快件已到达【杭州转运中心】"],
      ],
    })
    expect(facts.latest).toEqual({
      time: "2024-11-03 08:15:22",
      location: "杭州市",
      status: "快件已到达【杭州拱墅湖墅营业部】，等待派送",
    })
    expect(scanLine(facts.latest!)).toBe(
      "2024-11-03 08:15:22 杭州市 快件已到达【杭州拱墅湖墅营业部】，等待派送",
    )
  })

  it("reads timeline items (one text each, newest first) and the place in brackets", () => {
    const facts = readFacts({
      fields: [],
      track: [
        ["11-06 09:20 【上海市】您的快件已签收，签收人：本人"],
        ["11-06 07:45 【上海市】配送员正在为您派件"],
      ],
    })
    expect(facts.latest).toEqual({
      time: "11-06 09:20",
      location: "上海市",
      status: "【上海市】您的快件已签收，签收人：本人",
    })
    expect(scanLine(facts.latest!)).toBe("11-06 09:20 【上海市】您的快件已签收，签收人：本人")
  })

  it("takes a labelled status field when there is no tracking table", () => {
    expect(readFacts({ fields: [["物流状态", "派送中"]], track: [] }).latest).toEqual({ status: "派送中" })
    expect(readFacts({ fields: [], track: [["时间：2024-11-01 18:02"]] }).latest).toBeUndefined()
    expect(readFacts(undefined)).toEqual({ addresses: [] })
  })
})

describe("readScan and maskPhone", () => {
  it("keeps rows without a time in their order (key -1) and masks the middle of a phone", () => {
    expect(readScan(["到达杭州"])).toEqual({ status: "到达杭州", key: -1 })
    expect(maskPhone("13305716284")).toBe("133****6284")
    expect(maskPhone("0571-86012345")).toBe("057*****2345")
    expect(maskPhone("12345")).toBe("*****")
    expect(maskPhone("133****6284")).toBe("133****6284")
  })
})
