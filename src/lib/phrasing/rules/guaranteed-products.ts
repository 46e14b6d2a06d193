/**
 * Guaranteed-time products (manual 004 1.x 增值服务 "定时达"): their delivery time is a contracted
 * service, not an estimate. Named here once; the over-promising guard and the checklist's
 * eta-disclaimer item read this list.
 */
export const GUARANTEED_PRODUCTS = [
  "定时达",
  "限时达",
  "准时达",
  "承诺达",
  "即日达",
  "当日达",
  "次晨达",
  "时效件",
]

/** One regex source naming any of them. */
export const GUARANTEED_PRODUCT_PATTERN = GUARANTEED_PRODUCTS.join("|")
