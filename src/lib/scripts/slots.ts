/**
 * The slot catalogue: every `{slot}` a script may use, what it means, and where its value comes from.
 * `source` is a dotted path into {@link SlotContext}, or "agent" when only the agent can type it in.
 */

/** A Chinese / English pair shown in the UI. */
export interface Bilingual {
  zh: string
  en: string
}

/** The context the sidebar knows about when it offers a script. Every field is optional. */
export interface SlotContext {
  profile?: { name?: string; workId?: string; company?: string; hotline?: string; businessHours?: string }
  waybill?: { number?: string; carrier?: string }
  case?: {
    customerName?: string
    customerContact?: string
    problem?: string
    branch?: string
    company?: string
    region?: string
  }
  /** The person on the escalation ladder being contacted. */
  contact?: { name?: string; department?: string }
  /** Times already formatted for speech, e.g. "今天18点" or "2小时内". */
  promise?: { replyTime?: string; callbackTime?: string }
}

/** Where a slot's value comes from. */
export type SlotSource =
  | "profile.name"
  | "profile.workId"
  | "profile.company"
  | "profile.hotline"
  | "profile.businessHours"
  | "waybill.number"
  | "waybill.carrier"
  | "case.customerName"
  | "case.customerContact"
  | "case.customerContactTail"
  | "case.problem"
  | "case.branch"
  | "case.company"
  | "case.region"
  | "contact.name"
  | "contact.department"
  | "promise.replyTime"
  | "promise.callbackTime"
  | "agent"

/** One entry of the slot catalogue. */
export interface SlotDef {
  name: string
  description: Bilingual
  source: SlotSource
  /** A typical value, used by examples and tests. */
  example: string
}

const slot = (name: string, zh: string, en: string, source: SlotSource, example: string): SlotDef => ({
  name,
  description: { zh, en },
  source,
  example,
})

/** Every slot used by {@link SCRIPTS}; a test checks that no script uses a slot missing here. */
export const SLOTS: readonly SlotDef[] = [
  slot(
    "公司名称",
    "本公司名称（设置中的公司）",
    "Our company name (from settings)",
    "profile.company",
    "盛辉物流",
  ),
  slot(
    "工号",
    "客服工号（没有时问候语省略）",
    "Agent work number (omitted when empty)",
    "profile.workId",
    "1024",
  ),
  slot("客服姓名", "客服本人姓名", "Agent's own name", "profile.name", "李静"),
  slot(
    "客服热线",
    "公司客服热线（管理员策略或设置）",
    "The company hotline (policy or settings)",
    "profile.hotline",
    "400-800-1234",
  ),
  slot(
    "服务时间",
    "客服服务时间（管理员策略或设置）",
    "Service hours (policy or settings)",
    "profile.businessHours",
    "09:00-21:00",
  ),
  slot("运单号", "运单号", "Waybill number", "waybill.number", "SH20241122001"),
  slot("承运商", "承运快递公司", "Carrier", "waybill.carrier", "盛辉物流"),
  slot(
    "客户称呼",
    "客户称呼，如 张先生",
    "How to address the customer, e.g. 张先生",
    "case.customerName",
    "张先生",
  ),
  slot("联系电话", "客户联系电话", "Customer phone", "case.customerContact", "13800001234"),
  slot(
    "手机尾号",
    "客户手机号后四位",
    "Last four digits of the customer's phone",
    "case.customerContactTail",
    "1234",
  ),
  slot(
    "问题描述",
    "与客户确认过的问题",
    "The problem as confirmed with the customer",
    "case.problem",
    "外箱破损，内件摔坏",
  ),
  slot("客户诉求", "客户希望怎样处理", "What the customer wants", "agent", "尽快补发"),
  slot("主管姓名", "接手的值班主管称呼", "The duty supervisor taking over", "agent", "陈经理"),
  slot("网点名称", "涉及的网点", "The branch (outlet) involved", "case.branch", "杭州萧山网点"),
  slot("相关公司", "网点所属公司", "The company the branch belongs to", "case.company", "杭州分公司"),
  slot("片区", "片区", "Region", "case.region", "浙北片区"),
  slot(
    "联系人",
    "阶梯联系的对象姓名",
    "Name of the person contacted on the ladder",
    "contact.name",
    "王经理",
  ),
  slot("部门名称", "总部职能部门名称", "HQ department name", "contact.department", "总部客服管理部"),
  slot("回复时间", "承诺给出答复的时间", "When we promised to reply", "promise.replyTime", "今天18点"),
  slot("回电时间", "承诺回电的时间", "When we promised to call back", "promise.callbackTime", "明天上午10点"),
  slot(
    "原因",
    "暂时不能答复或延误的原因",
    "Why it cannot be answered now / cause of delay",
    "agent",
    "调取中转站记录",
  ),
  slot("等待时长", "需要客户稍等多久", "How long the customer must hold", "agent", "2分钟"),
  slot("当前状态", "物流当前状态", "Current tracking status", "agent", "运输中"),
  slot("状态时间", "最新物流记录的时间", "Time of the latest tracking event", "agent", "11月20日15:30"),
  slot("当前位置", "快件当前所在位置", "Where the parcel is now", "agent", "杭州转运中心"),
  slot("预计时间", "预计送达时间", "Expected delivery time", "agent", "11月23日"),
  slot("始发地", "始发地", "Origin", "agent", "杭州"),
  slot("目的地", "目的地", "Destination", "agent", "福州"),
  slot("重量", "货物重量或体积", "Weight or volume", "agent", "5公斤"),
  slot("运费", "报价", "Quoted price", "agent", "28元"),
  slot("参考时效", "参考时效", "Reference transit time", "agent", "2到3天"),
  slot("网点地址", "网点地址", "Outlet address", "agent", "萧山区市心中路100号"),
  slot("网点电话", "网点电话", "Outlet phone", "agent", "0571-82345678"),
  slot("营业时间", "网点营业时间", "Outlet opening hours", "agent", "周一至周六 8:30-18:00"),
  slot("派送员电话", "派送员联系电话", "Courier phone", "agent", "13900005678"),
  slot("签收人", "签收人", "Who signed for it", "agent", "本人"),
  slot("面单件数", "面单上的件数", "Piece count on the waybill", "agent", "5"),
  slot("实收件数", "客户实际收到的件数", "Pieces actually received", "agent", "4"),
  slot("保价情况", "保价 / 未保价", "Insured or not (保价 / 未保价)", "agent", "保价"),
  slot("处理方案", "目前可申请的方案", "The remedy we can apply for now", "agent", "按保价金额赔付"),
  slot("所需凭证", "客户需补充的凭证", "Evidence the customer can add", "agent", "购买凭证"),
  slot("反映日期", "客户反映问题的日期", "When the customer reported it", "agent", "11月20日"),
  slot("已做处理", "已经做了什么", "What has been done so far", "agent", "已请窗口人员现场查找"),
  slot(
    "已联系对象",
    "阶梯上已联系过的人",
    "Who was already contacted on the ladder",
    "agent",
    "萧山网点窗口和杭州分公司客服",
  ),
  slot("业务名称", "要办理的业务", "The service being asked about", "agent", "保价"),
  slot("办理流程", "办理步骤", "How to do it", "agent", "寄件时在运单上填写声明价值并支付保价费"),
  slot("注意事项", "注意事项", "Things to watch out for", "agent", "贵重物品请如实声明价值"),
]

const SLOT_BY_NAME: ReadonlyMap<string, SlotDef> = new Map(SLOTS.map((s) => [s.name, s]))

/** The catalogue entry for a slot name, if any. */
export function getSlot(name: string): SlotDef | undefined {
  return SLOT_BY_NAME.get(name)
}

function resolve(ctx: SlotContext, source: SlotSource): string | undefined {
  switch (source) {
    case "profile.name":
      return ctx.profile?.name
    case "profile.workId":
      return ctx.profile?.workId
    case "profile.company":
      return ctx.profile?.company
    case "profile.hotline":
      return ctx.profile?.hotline
    case "profile.businessHours":
      return ctx.profile?.businessHours
    case "waybill.number":
      return ctx.waybill?.number
    case "waybill.carrier":
      return ctx.waybill?.carrier
    case "case.customerName":
      return ctx.case?.customerName
    case "case.customerContact":
      return ctx.case?.customerContact
    case "case.customerContactTail": {
      // Read back only the last four digits: the full number is not spoken on the line.
      const digits = (ctx.case?.customerContact ?? "").replace(/\D/g, "")
      return digits.length >= 4 ? digits.slice(-4) : undefined
    }
    case "case.problem":
      return ctx.case?.problem
    case "case.branch":
      return ctx.case?.branch
    case "case.company":
      return ctx.case?.company
    case "case.region":
      return ctx.case?.region
    case "contact.name":
      return ctx.contact?.name
    case "contact.department":
      return ctx.contact?.department
    case "promise.replyTime":
      return ctx.promise?.replyTime
    case "promise.callbackTime":
      return ctx.promise?.callbackTime
    case "agent":
      return undefined
  }
}

/** Slot values that can be filled from what the sidebar knows; "agent" slots are left for the agent. */
export function varsFromContext(ctx: SlotContext): Record<string, string> {
  const vars: Record<string, string> = {}
  for (const s of SLOTS) {
    const v = resolve(ctx, s.source)?.trim()
    if (v) vars[s.name] = v
  }
  return vars
}
