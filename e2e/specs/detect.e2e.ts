import { describe, expect, it } from "vitest"

import {
  currentSidebarFrame,
  hasSidebarHost,
  screenshot,
  sidebarCarriers,
  sidebarFrame,
  sidebarText,
  textOf,
} from "../harness"
import { extensionSuite } from "../extension-suite.test-helper"

const POLL = { timeout: 20_000, interval: 200 }

describe("the sidebar finds the current waybill on each CRM fixture", () => {
  const suite = extensionSuite()

  const cases = [
    {
      name: "legacy-ticket",
      path: "legacy-ticket.html",
      waybill: "SF1385628716739",
      carrier: "顺丰速运",
      why: "the 运单号 field of a server-rendered ticket with 2,000 history rows",
    },
    {
      name: "lookalikes",
      path: "lookalikes.html",
      waybill: "YT8827361045592",
      carrier: "圆通速递",
      why: "the labelled 运单号 among phones, order numbers, an ID card, timestamps and a waybill in prose",
    },
    {
      name: "iframes",
      path: "iframes.html",
      waybill: "DPK302758164093",
      carrier: "德邦快递",
      why: "a waybill that lives only inside a same-origin iframe",
    },
  ]

  for (const c of cases) {
    it(`${c.name}: ${c.why}`, async () => {
      const page = await suite.open(c.path)
      await expect.poll(() => hasSidebarHost(page), POLL).toBe(true)
      await sidebarFrame(page, suite.session.extensionId)
      await expect
        .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
        .toBe(c.waybill)
      await expect
        .poll(async () => (await sidebarCarriers(page, suite.session.extensionId))?.[0], POLL)
        .toBe(c.carrier)
      console.log(`screenshot: ${await screenshot(page, c.name)}`)
      await page.close()
    })
  }

  it("legacy-ticket: a ticket about 快件滞留 is classed as 滞留", async () => {
    const page = await suite.open("legacy-ticket.html")
    await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("SF1385628716739")
    await expect.poll(() => sidebarText(page, suite.session.extensionId, "case-type"), POLL).toBe("滞留")
    // A clear ticket is not put to the agent as a choice.
    expect(
      await currentSidebarFrame(page, suite.session.extensionId)?.getByTestId("case-type-unsure").count(),
    ).toBe(0)
    await page.close()
  })

  it("ambiguous-ticket: a parcel stuck three days and a question about pay if lost shows the top two types, and the agent's choice is kept", async () => {
    const page = await suite.open("ambiguous-ticket.html")
    const frame = await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("YT8903317254602")
    const unsure = frame.getByTestId("case-type-unsure")
    await unsure.waitFor(POLL)
    // The model's two likeliest types, best first, with its confidence; the best is preselected.
    const choices = unsure.getByTestId("case-type-choice")
    expect(await choices.evaluateAll((b) => b.map((x) => x.getAttribute("data-type")))).toEqual([
      "滞留",
      "理赔",
    ])
    expect(await frame.getByTestId("case-type").inputValue()).toBe("滞留")
    expect(await textOf(unsure)).toMatch(/\d+%/)
    expect(await frame.getByTestId("case-type-source").getAttribute("data-source")).toBe("auto")
    await screenshot(page, "case-type-unsure")
    // The agent reads the ticket and picks 理赔: stored for this waybill, and no longer asked.
    await choices.nth(1).click()
    await expect.poll(() => frame.getByTestId("case-type").inputValue(), POLL).toBe("理赔")
    await expect
      .poll(() => frame.getByTestId("case-type-source").getAttribute("data-source"), POLL)
      .toBe("stored")
    expect(await unsure.count()).toBe(0)
    // Reloading the ticket keeps the agent's choice.
    await page.reload()
    const again = await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => again.getByTestId("case-type-source").getAttribute("data-source"), POLL)
      .toBe("stored")
    expect(await again.getByTestId("case-type").inputValue()).toBe("理赔")
    expect(await again.getByTestId("case-type-unsure").count()).toBe(0)
    await page.close()
  })

  it("iframes: a ticket whose 问题类型 is 外包装破损 is classed as 破损", async () => {
    const page = await suite.open("iframes.html")
    await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("DPK302758164093")
    await expect.poll(() => sidebarText(page, suite.session.extensionId, "case-type"), POLL).toBe("破损")
    await page.close()
  })

  it("lookalikes: phones, order numbers, the ID card, timestamps and amounts are not offered as waybills", async () => {
    const page = await suite.open("lookalikes.html")
    const frame = await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("YT8827361045592")
    // The other numbers are a count until opened (compact header); open the list, then read it.
    const others = async () => {
      const toggle = frame.getByTestId("waybill-others-toggle")
      if ((await toggle.count()) > 0 && (await toggle.getAttribute("aria-expanded")) === "false")
        await toggle.click()
      return frame
        .getByTestId("waybill-candidate")
        .evaluateAll((els) => els.map((el) => el.getAttribute("data-number") ?? ""))
        .catch(() => [] as string[])
    }
    // The one in prose (另一单顺丰 …) is a real waybill and is offered.
    await expect.poll(others, POLL).toContain("SF1533908826714")
    const lookalikes = [
      "13812345678", // 手机号码
      "057188886666", // 固定电话
      "3826615508821970", // 订单号
      "240611093518872630", // 平台订单号
      "202411061000153847", // 退款单号
      "330106199003077515", // 身份证号
      "6200571102983341", // 会员卡号
      "5710123456", // 月结账号
      "20241106093518", // 支付流水号 (a datetime)
      "1730857018", // 支付时间戳
      "1730858561123", // t= in the log
      "15842345665", // 快递员电话
      "057186912233", // 转运中心电话
    ]
    const offered = await others()
    expect(offered.filter((n) => lookalikes.includes(n.replace(/\D/g, "")))).toEqual([])
    expect(offered.some((n) => n.includes("*"))).toBe(false) // the masked YT969****639795

    // The agent can switch to the other one.
    await frame.locator('[data-testid="waybill-candidate"][data-number="SF1533908826714"]').click()
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("SF1533908826714")
    await expect
      .poll(async () => (await sidebarCarriers(page, suite.session.extensionId))?.[0], POLL)
      .toBe("顺丰速运")
    await page.close()
  })

  it("iframes: opening an older ticket from the history frame into the ticket frame switches the waybill", async () => {
    const page = await suite.open("iframes.html")
    await sidebarFrame(page, suite.session.extensionId)
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("DPK302758164093")
    // Old framesets do this: a link in one frame with target= the other frame; the top page stays put.
    await page.frameLocator("#historyFrame").getByRole("link", { name: "GD20241012-0215" }).click()
    await expect
      .poll(() => page.frame({ name: "ticketFrame" })?.url() ?? "", POLL)
      .toBe(suite.server.url("frame-ticket-0215.html"))
    await expect
      .poll(() => sidebarText(page, suite.session.extensionId, "waybill-number"), POLL)
      .toBe("DPK300585712204")
    await page.close()
  })

  it("the sidebar appears on the SPA and on the demo home page too", async () => {
    for (const [name, path] of [
      ["spa", "spa/ticket/101"],
      ["home", "index.html"],
    ] as const) {
      const page = await suite.open(path)
      await expect.poll(() => hasSidebarHost(page), POLL).toBe(true)
      await sidebarFrame(page, suite.session.extensionId)
      await expect
        .poll(() => sidebarText(page, suite.session.extensionId, "sidekick-sidebar-app"), POLL)
        .not.toBeNull()
      console.log(`screenshot: ${await screenshot(page, name)}`)
      await page.close()
    }
  })
})
