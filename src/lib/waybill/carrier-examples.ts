/**
 * The sourced example numbers of every carrier in carriers.ts: each valid one must be detected as its
 * carrier, each invalid one must not (the cross-matrix in carriers.test.ts). Kept apart from the
 * registry so that the content script, which bundles the registry, does not carry ~10 KB of examples.
 * Imported by tests and benchmarks only.
 */
import type { CarrierCode, WaybillExample } from "./types"

// Sources are cited as in research/waybill-formats.md §1 (S1–S11) plus the page/doc named there.
const S1 = "S1 jkeen/tracking_number_data test_numbers"
const S5 = "S5 Courier-Validation test"
const S4 = "S4 chinagoods UDFLogisticNoValid comment"
const S6 = "S6 kuaidi100 company.js testnu"
const TM = "TrackingMore doc (research §3)"

export interface CarrierExamples {
  valid: readonly WaybillExample[]
  invalid: readonly WaybillExample[]
}

export const CARRIER_EXAMPLES: Readonly<Record<CarrierCode, CarrierExamples>> = {
  sf: {
    valid: [
      { number: "SF1385628716739", source: S5 },
      { number: "SF0218947552508", source: "express-mcp sample" },
      { number: "SF1533767748344", source: "tanshuapi sample" },
      { number: "444003077898", source: "SF route-query sample (juejin 6939680927874449416)" },
      { number: "976186294981", source: S6 },
    ],
    invalid: [
      {
        number: "SF138562871673",
        source: `${S5} number cut to SF+12 (research §3 unanchored SF\\d{12} pitfall)`,
      },
      { number: "SF13856287167391", source: `${S5} number with a digit appended (SF+14)` },
      { number: "YT8962646785389", source: `${S5} (YTO number)` },
    ],
  },
  zto: {
    valid: [
      { number: "73610555582883", source: S5 },
      { number: "75845270272214", source: "code test (research §2.1 zto)" },
      { number: "73100118865046", source: "packagist thefunpower/express_template" },
      { number: "768404530475", source: S6 },
      { number: "780098068058", source: "packagist six-shop/aliyun-wuliu" },
    ],
    invalid: [
      { number: "20190520195647", source: "14-digit datetime (research §0.4 dhl_ecommerce_14 pitfall)" },
      { number: "7361055558288", source: `${S5} ZTO number cut to 13 digits` },
      { number: "773277027280336", source: `${S5} (STO number)` },
    ],
  },
  yto: {
    valid: [
      { number: "YT8962646785389", source: S5 },
      { number: "YT7460266600081", source: "express-mcp sample" },
      { number: "YT7477226345628", source: "SaiNiu sample" },
      { number: "700074134800", source: "kuaidi100 autoComNum example (ranked yuantong)" },
      { number: "881443775034378914", source: S6 },
      { number: "V030344422", source: `${S6} freginfo example (older V + 9 digits, needs 圆通 named)` },
    ],
    invalid: [
      { number: "YT969****639795", source: "kuaidi100 debug tool (masked)" },
      { number: "YT2229521272164446", source: `${S1} (YunExpress YT+16)` },
      { number: "YT123456789012345", source: `${S1} yunexpress invalid` },
      { number: "V03034442", source: `${S6} freginfo example cut to V+8` },
    ],
  },
  sto: {
    valid: [
      { number: "773277027280336", source: S5 },
      { number: "773170861031705", source: "express-mcp sample" },
      { number: "77316523125896", source: S4 },
      { number: "588035733628", source: "ickd sample" },
      { number: "229855869255", source: S6 },
    ],
    invalid: [
      { number: "773277027280", source: `${S5} STO number cut to 12 digits` },
      { number: "568283610012732", source: `${S1} FedEx Ground invalid` },
      { number: "73610555582883", source: `${S5} (ZTO number)` },
    ],
  },
  yunda: {
    valid: [
      { number: "463431409940372", source: S5 },
      { number: "462598779470531", source: S4 },
      { number: "3967950525457", source: "kdniao 2002 sample (→YD)" },
      { number: "3950055201640", source: "kuaidi100 php-demo" },
      { number: "1200722815552", source: "kuaidi100 doc" },
    ],
    invalid: [
      { number: "1715678901234", source: "ms timestamp (research §5)" },
      { number: "46343140994037", source: `${S5} Yunda number cut to 14 digits` },
      { number: "5685685685685685", source: `${S5} (未知)` },
    ],
  },
  jd: {
    valid: [
      { number: "JDX024407261700", source: S5 },
      { number: "JDVA11408814483", source: S4 },
      { number: "JDVC14065102105", source: "WeChat forum sample" },
      { number: "JDVE02526529995", source: "bossapi sample" },
      { number: "VA45306123456", source: "jdwl SDK README (V[A-Z]+11 without JD, needs 京东 named)" },
    ],
    invalid: [
      { number: "JD0002242617644732", source: `${S1} (Yodel JD+16)` },
      { number: "VA4530612345", source: "jdwl SDK README example cut to V[A-Z]+10" },
      { number: "JD000225440506099", source: `${S1} yodel invalid` },
    ],
  },
  jt: {
    valid: [
      { number: "JT5261988016578", source: S5 },
      { number: "JT0006968326954", source: S4 },
      { number: "JT3002232682242", source: `${S4} (labelled 百世)` },
      { number: "JT1252161236123", source: "J&T official query URL example (CSDN 108276442)" },
    ],
    invalid: [
      { number: "JO0055224872", source: "J&T Indonesia (jet.co.id), a different system" },
      { number: "JT526198801657", source: `${S5} J&T number cut to JT+12` },
    ],
  },
  ems: {
    valid: [
      { number: "EA152563251CN", source: `${TM} valid S10` },
      { number: "UG586285221CN", source: `${TM} valid S10` },
      { number: "1136281381675", source: "kuaidi100 poll doc com=ems" },
      { number: "1207119765021", source: `${S5} (邮政)` },
      { number: "5042260908504", source: "kdniao push sample ShipperCode EMS" },
      { number: "9893442769997", source: "kuaidi100 type=youzhengguonei (邮政包裹)" },
    ],
    invalid: [
      { number: "EA123456789CN", source: `${TM} (bad check digit)` },
      { number: "EA152563254CN", source: `${TM} (bad check digit)` },
      { number: "TX801495811US", source: "kuaidi100 EMS testnu (bad S10 check)" },
    ],
  },
  deppon: {
    valid: [
      { number: "DPK202252612836", source: S5 },
      { number: "DPK364112047425", source: S4 },
      { number: "DPK300585915441", source: S4 },
      { number: "230624798", source: S6 },
    ],
    invalid: [
      { number: "DPK20225261283", source: `${S5} Deppon number cut to DPK+11` },
      { number: "DPL202252612836", source: "unverified DPL prefix from other tables (research §2.1)" },
    ],
  },
  zjs: {
    valid: [
      { number: "5977596855", source: S6 },
      // No real ZJS+12 sample is public; this one is built from the S4 pattern.
      {
        number: "ZJS001234567890",
        source: "constructed from S4 pattern ^ZJS[0-9]{12}$ (no public sample)",
      },
    ],
    invalid: [
      { number: "ZJS00123456789", source: "S4 pattern ^ZJS[0-9]{12}$ with 11 digits" },
      { number: "3318810025", source: `${S1} (DHL number)` },
    ],
  },
  kye: {
    valid: [
      { number: "KY4001060565538", source: "kuaidi100 doc kuayueyundanhao" },
      { number: "KY4001056559726", source: "kuaidi100 doc kuayueyundanhao (return waybill)" },
    ],
    invalid: [
      { number: "15926542507", source: "kuaidi100 doc request example (phone-shaped placeholder)" },
      { number: "KY400106056553", source: "kuaidi100 doc number cut to KY+12" },
    ],
  },
  best: {
    valid: [
      { number: "210849320998", source: "kuaidi100 sample (huitongkuaidi)" },
      { number: "280490671426", source: S6 },
    ],
    invalid: [
      { number: "JT3002232682242", source: `${S4} labelled 百世: new numbers are J&T (research §0.5)` },
      { number: "5685685685685685", source: `${S5} (未知)` },
    ],
  },
  ane: {
    valid: [
      { number: "300527476792", source: S4 },
      { number: "3004459671351", source: "kuaidi100 queryTrack demo com=annengwuliu (public code)" },
    ],
    invalid: [
      { number: "30052747679", source: `${S4} ANE number cut to 11 digits` },
      { number: "DPK300585915441", source: `${S4} (Deppon number)` },
    ],
  },
  cainiao: {
    valid: [
      { number: "CNFR9010481599571HD", source: "modship/parcel-tracker references/api-notes.md" },
      // ≥5 tracker repos agree on LP+14 but none publishes a real number.
      {
        number: "LP00123456789012",
        source: "constructed from ^LP\\d{14}$ (≥5 tracker repos; no public sample)",
      },
    ],
    invalid: [
      { number: "73610555582883", source: `${S5} validate('CN', …) === false` },
      { number: "LP0012345678901", source: "^LP\\d{14}$ with 13 digits" },
    ],
  },
  s10: {
    valid: [
      { number: "RB123456785GB", source: `${S1} s10` },
      { number: "RB123456785CV", source: `${S1} s10` },
      { number: "EB000717618HK", source: "S11 npm s10 test" },
      { number: "RA018458445JP", source: TM },
    ],
    invalid: [
      { number: "RB123456786US", source: `${S1} s10 invalid` },
      { number: "RB123456785XX", source: `${S1} s10 invalid (country)` },
      { number: "EB900717618HK", source: "S11 npm s10 test invalid" },
      { number: "EB000717594HK", source: "S11 npm s10 test invalid" },
    ],
  },
  ups: {
    valid: [
      { number: "1Z5R89390357567127", source: `${S1} ups` },
      { number: "1Z879E930346834440", source: `${S1} ups` },
      { number: "1ZXX3150YW44070023", source: `${S1} ups` },
      { number: "1ZA0F8536742316738", source: S6 },
    ],
    invalid: [
      { number: "1Z1111111111111111", source: `${S1} ups invalid` },
      { number: "2Z5R89390357567127", source: `${S1} ups invalid` },
    ],
  },
  fedex: {
    valid: [
      { number: "986578788855", source: `${S1} fedex_12` },
      { number: "477179081230", source: `${S1} fedex_12` },
      { number: "799531274483", source: `${S1} fedex_12` },
      { number: "041441760228964", source: `${S1} fedex ground` },
    ],
    invalid: [
      { number: "996578788855", source: `${S1} fedex_12 invalid` },
      { number: "568283610012732", source: `${S1} fedex ground invalid` },
    ],
  },
  dhl: {
    valid: [
      { number: "3318810025", source: `${S1} dhl_express` },
      { number: "73891051146", source: `${S1} dhl_express` },
      { number: "8487135506", source: `${S1} dhl_express` },
      { number: "3244675836", source: S6 },
    ],
    invalid: [
      { number: "3318810010", source: `${S1} dhl_express invalid` },
      { number: "3318810034", source: `${S1} dhl_express invalid` },
      { number: "15842345665", source: "mobile number passing mod 7 (research §0.4)" },
    ],
  },
  yunexpress: {
    valid: [
      { number: "YT2229521272164446", source: `${S1} yunexpress` },
      { number: "YT2229521272164447", source: `${S1} yunexpress` },
    ],
    invalid: [
      { number: "YT123456789012345", source: `${S1} yunexpress invalid` },
      { number: "YT8962646785389", source: `${S5} (YTO YT+13)` },
    ],
  },
  yodel: {
    valid: [
      { number: "JD0002242617644732", source: `${S1} yodel` },
      { number: "JJD0002257639032011", source: `${S1} yodel` },
    ],
    invalid: [
      { number: "JD000225440506099", source: `${S1} yodel invalid` },
      { number: "JC0002254405060992", source: `${S1} yodel invalid` },
    ],
  },
}
