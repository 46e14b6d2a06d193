import type { Carrier, CarrierCode } from "./types"

// Weights are priors among numeric formats that match the same number; current formats outrank legacy ones.
// The sourced example numbers live in carrier-examples.ts (tests only): they would add ~10 KB to the content script.

/** The carrier registry: formats, checks and context keywords (examples: carrier-examples.ts). */
export const CARRIERS: readonly Carrier[] = [
  {
    code: "sf",
    name: "顺丰速运",
    nameEn: "SF Express",
    aliases: ["shunfeng", "SF", "SFEXPRESS"],
    keywords: ["顺丰", "SF"],
    formats: [
      { pattern: /^SF\d{13}$/, kind: "prefixed", weight: 1, era: "current" },
      // Most 12-digit lookups resolve to SF in kuaidi100's prefix stats (research §7).
      { pattern: /^\d{12}$/, kind: "numeric", weight: 0.3, era: "legacy" },
    ],
  },
  {
    code: "zto",
    name: "中通快递",
    nameEn: "ZTO Express",
    aliases: ["zhongtong", "ZTO"],
    keywords: ["中通", "ZTO"],
    formats: [
      { pattern: /^7[3-68]\d{12}$/, kind: "numeric", weight: 0.6, era: "current" },
      { pattern: /^\d{14}$/, kind: "numeric", weight: 0.15, era: "current" },
      {
        pattern: /^(?=\d{12}$)(?:765|852|779|768|780|2008|2010|8050|7518)/,
        kind: "numeric",
        weight: 0.2,
        era: "legacy",
      },
    ],
  },
  {
    code: "yto",
    name: "圆通速递",
    nameEn: "YTO Express",
    aliases: ["yuantong", "YTO"],
    keywords: ["圆通", "YTO"],
    formats: [
      { pattern: /^YT\d{13}$/, kind: "prefixed", weight: 1, era: "current" },
      { pattern: /^[678]\d{11}$/, kind: "numeric", weight: 0.25, era: "legacy" },
      { pattern: /^[89]\d{17}$/, kind: "numeric", weight: 0.5, era: "legacy" },
      // Older 10-character numbers (kuaidi100: "常见以6*、8*及V*开头"): V + 9 digits looks like many
      // other codes, so only with 圆通 named or hinted.
      { pattern: /^V\d{9}$/, kind: "prefixed", weight: 0.5, needsContext: true, era: "legacy" },
    ],
  },
  {
    code: "sto",
    name: "申通快递",
    nameEn: "STO Express",
    aliases: ["shentong", "STO"],
    keywords: ["申通", "STO"],
    formats: [
      { pattern: /^(?:77|88|99)\d{13}$/, kind: "numeric", weight: 0.55, era: "current" },
      { pattern: /^(?:77|43)\d{12}$/, kind: "numeric", weight: 0.3, era: "current" },
      { pattern: /^(?=\d{12}$)(?:[2-9]68|[5-8]88|58|11|22|40)/, kind: "numeric", weight: 0.2, era: "legacy" },
    ],
  },
  {
    code: "yunda",
    name: "韵达快递",
    nameEn: "Yunda Express",
    aliases: ["yunda", "YD", "YUNDA"],
    keywords: ["韵达", "Yunda"],
    formats: [
      { pattern: /^[34]\d{14}$/, kind: "numeric", weight: 0.5, era: "current" },
      { pattern: /^\d{15}$/, kind: "numeric", weight: 0.1, era: "current" },
      { pattern: /^3\d{12}$/, kind: "numeric", weight: 0.4, era: "legacy" },
      { pattern: /^\d{13}$/, kind: "numeric", weight: 0.15, era: "legacy" },
    ],
  },
  {
    code: "jd",
    name: "京东物流",
    nameEn: "JD Logistics",
    aliases: ["jd", "JD", "jingdong"],
    keywords: ["京东", "JD"],
    formats: [
      { pattern: /^JD[0-9A-Z]{2}\d{11}$/, kind: "prefixed", weight: 1, era: "current" },
      // The same numbers without "JD" (jdwl SDK README): only with 京东 named or hinted.
      { pattern: /^V[A-Z]\d{11}$/, kind: "prefixed", weight: 0.5, needsContext: true, era: "legacy" },
    ],
  },
  {
    code: "jt",
    name: "极兔速递",
    nameEn: "J&T Express",
    aliases: ["jtexpress", "JTSD", "jitu"],
    keywords: ["极兔", "J&T"],
    formats: [{ pattern: /^JT\d{13}$/, kind: "prefixed", weight: 1, era: "current" }],
  },
  {
    code: "ems",
    name: "中国邮政EMS",
    nameEn: "China Post EMS",
    aliases: ["ems", "EMS", "EMS2", "youzhengguonei", "youzhengbk", "YZPY", "YZBK", "EYB", "POSTB"],
    keywords: ["邮政", "EMS", "邮局", "China Post"],
    overlaps: ["s10"],
    formats: [
      { pattern: /^[A-Z]{2}\d{9}CN$/, kind: "prefixed", weight: 1, check: "s10", era: "current" },
      {
        pattern: /^(?:1[0-2]|5[0-2]|9[5789])\d{11}$/,
        kind: "numeric",
        weight: 0.3,
        check: "ems13",
        era: "current",
      },
      // 邮政快递包裹 96/98/99 ranges do not carry the EMS-13 check (research §5).
      { pattern: /^(?:96|98|99)\d{11}$/, kind: "numeric", weight: 0.3, era: "current" },
    ],
  },
  {
    code: "deppon",
    name: "德邦快递",
    nameEn: "Deppon Express",
    aliases: ["debangkuaidi", "debangwuliu", "DBL", "DBLKY", "DBKD", "deppon"],
    keywords: ["德邦", "Deppon"],
    formats: [
      { pattern: /^DPK\d{12}$/, kind: "prefixed", weight: 1, era: "current" },
      { pattern: /^\d{8,10}$/, kind: "numeric", weight: 0.3, era: "legacy" },
    ],
  },
  {
    code: "zjs",
    name: "宅急送",
    nameEn: "ZJS Express",
    aliases: ["zhaijisong", "ZJS"],
    keywords: ["宅急送", "ZJS"],
    formats: [
      { pattern: /^ZJS\d{12}$/, kind: "prefixed", weight: 1, era: "current" },
      { pattern: /^[5-7]\d{9}$/, kind: "numeric", weight: 0.3, era: "legacy" },
      { pattern: /^(?:42|16)\d{8}$/, kind: "numeric", weight: 0.2, era: "legacy" },
    ],
  },
  {
    code: "kye",
    name: "跨越速运",
    nameEn: "Kuayue Express",
    aliases: ["kuayue", "KYSY", "KYE"],
    keywords: ["跨越", "KYE"],
    formats: [{ pattern: /^KY\d{13}$/, kind: "prefixed", weight: 1, era: "current" }],
  },
  {
    code: "best",
    name: "百世快递",
    nameEn: "Best Express",
    aliases: ["huitongkuaidi", "HTKY", "best", "baishi"],
    keywords: ["百世", "汇通"],
    successor: "jt",
    formats: [
      { pattern: /^(?:BXA\d{10}|K8\d{11}|C0000\d{8})$/, kind: "prefixed", weight: 1, era: "legacy" },
      { pattern: /^(?:2[1-9]|3\d|61|63)\d{10}$/, kind: "numeric", weight: 0.2, era: "legacy" },
      { pattern: /^(?:02\d{11}|000\d{10})$/, kind: "numeric", weight: 0.3, era: "legacy" },
      { pattern: /^(?:5[01]|6\d)\d{12}$/, kind: "numeric", weight: 0.2, era: "legacy" },
      { pattern: /^7\d{13}$/, kind: "numeric", weight: 0.1, era: "legacy" },
      { pattern: /^58\d{14}$/, kind: "numeric", weight: 0.3, era: "legacy" },
    ],
  },
  {
    code: "ane",
    name: "安能物流",
    nameEn: "ANE Logistics",
    aliases: ["annengwuliu", "ANE", "ANEKY"],
    keywords: ["安能", "ANE"],
    formats: [
      { pattern: /^\d{12}$/, kind: "numeric", weight: 0.15, era: "current" },
      { pattern: /^300\d{10}$/, kind: "numeric", weight: 0.3, era: "current" },
    ],
  },
  {
    code: "cainiao",
    name: "菜鸟",
    nameEn: "Cainiao",
    aliases: ["cainiao", "CAINIAO"],
    keywords: ["菜鸟", "Cainiao", "AliExpress"],
    formats: [
      { pattern: /^LP\d{14}$/, kind: "prefixed", weight: 1, era: "current" },
      { pattern: /^CN[A-Z]{2}\d{13}[A-Z]{2}$/, kind: "prefixed", weight: 1, era: "current" },
      { pattern: /^621\d{12}$/, kind: "numeric", weight: 0.3, era: "current" },
    ],
  },
  {
    code: "s10",
    name: "国际邮件(UPU S10)",
    nameEn: "UPU S10 postal item",
    aliases: ["s10", "upu"],
    keywords: ["挂号", "国际小包", "UPU"],
    overlaps: ["ems"],
    formats: [
      { pattern: /^[A-Z]{2}\d{9}(?!CN)[A-Z]{2}$/, kind: "prefixed", weight: 1, check: "s10", era: "current" },
      // China Post items are EMS's; S10 stays a minor candidate.
      { pattern: /^[A-Z]{2}\d{9}CN$/, kind: "prefixed", weight: 0.1, check: "s10", era: "current" },
    ],
  },
  {
    code: "ups",
    name: "UPS",
    nameEn: "UPS",
    aliases: ["ups", "UPS"],
    keywords: ["UPS"],
    formats: [{ pattern: /^1Z[0-9A-Z]{16}$/, kind: "prefixed", weight: 1, check: "ups", era: "current" }],
  },
  {
    code: "fedex",
    name: "联邦快递",
    nameEn: "FedEx",
    aliases: ["fedex", "FEDEX", "fedexcn", "FEDEX_GJ"],
    keywords: ["FedEx", "Fed Ex", "联邦"],
    formats: [
      {
        pattern: /^\d{12}$/,
        kind: "numeric",
        weight: 0.5,
        check: "fedex12",
        needsContext: true,
        era: "current",
      },
      {
        pattern: /^\d{15}$/,
        kind: "numeric",
        weight: 0.5,
        check: "fedex15",
        needsContext: true,
        era: "current",
      },
    ],
  },
  {
    code: "dhl",
    name: "DHL",
    nameEn: "DHL Express",
    aliases: ["dhl", "DHL"],
    keywords: ["DHL", "敦豪"],
    formats: [
      {
        pattern: /^\d{10,11}$/,
        kind: "numeric",
        weight: 0.6,
        check: "dhl",
        needsContext: true,
        era: "current",
      },
    ],
  },
  {
    code: "yunexpress",
    name: "云途物流",
    nameEn: "YunExpress",
    aliases: ["yunexpress", "YUNEXPRESS"],
    keywords: ["云途", "YunExpress"],
    formats: [{ pattern: /^YT\d{16}$/, kind: "prefixed", weight: 1, era: "current" }],
  },
  {
    code: "yodel",
    name: "Yodel",
    nameEn: "Yodel",
    aliases: ["yodel"],
    keywords: ["Yodel"],
    formats: [{ pattern: /^J?JD\d{16}$/, kind: "prefixed", weight: 1, era: "current" }],
  },
]

const BY_CODE: ReadonlyMap<string, Carrier> = new Map(CARRIERS.map((c) => [c.code, c]))

/** The registry entry for a carrier code (e.g. "sf"), or undefined. */
export function getCarrier(code: string): Carrier | undefined {
  return BY_CODE.get(code)
}

/** All carrier codes in registry order. */
export const CARRIER_CODES: readonly CarrierCode[] = CARRIERS.map((c) => c.code)
