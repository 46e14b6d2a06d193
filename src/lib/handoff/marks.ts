/**
 * The two strings the content script looks for (kept apart from `block.ts` so that the content script
 * bundles these, not the parser).
 */

/**
 * Present in both block headers, NFKC-stable and untouched by HTML escaping (the "·" after it is not:
 * editors write it as &middot;): the cheap prefilter of the page scan.
 */
export const BLOCK_MARK = "客服助手"
/** The machine line starts with this (format version 1). */
export const MACHINE_TAG = "CSK1"
