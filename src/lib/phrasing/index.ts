/**
 * Phrasing lint: a versioned phrasebook (data) and one fast matcher. The zod schema lives in
 * `./schema` and is deliberately not re-exported here, so lint-only bundles stay free of zod.
 */
export { compilePhrasebook, type CompiledPhrasebook } from "./compile"
export { DEFAULT_PHRASEBOOK } from "./default-phrasebook"
export { lintPhrasing } from "./lint"
export { applyReplacement, fillReplacementSlots, replacementSlots } from "./replacement"
export { parseTrigger, type ParsedTrigger } from "./trigger"
export {
  GAP_MAX,
  PHRASING_CATEGORIES,
  PHRASING_SEVERITIES,
  WINDOW,
  type BilingualText,
  type Phrasebook,
  type PhrasingCategory,
  type PhrasingContext,
  type PhrasingFinding,
  type PhrasingRule,
  type PhrasingSeverity,
} from "./types"
