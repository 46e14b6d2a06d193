/**
 * Characters that show as nothing: zero-width space, non-joiner and joiner, word joiner, BOM and soft
 * hyphen. Editors leave them as caret fillers and filters put them inside words; the reply check's
 * normalisation and the handoff parser both drop them.
 */
export const ZERO_WIDTH_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
