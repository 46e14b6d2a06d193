import { BLAME_SHIFTING_RULES } from "./rules/blame-shifting"
import { IMPATIENCE_RULES } from "./rules/impatience"
import { OVER_PROMISING_RULES } from "./rules/over-promising"
import { REFUSAL_RULES } from "./rules/refusal"
import { RUDENESS_RULES } from "./rules/rudeness"
import { HELD_OVER_FEES_RULES } from "./rules/held-over-fees"
import { UNCERTAINTY_RULES } from "./rules/uncertainty"
import { DEFAULT_CHECKLIST } from "../qa/default-checklist"
import type { Phrasebook } from "./types"

/**
 * The built-in phrasebook: the research list (P01–P85) plus manual A rule (十). Plain JSON-able
 * data; treat it as immutable (compiled books are cached by object identity).
 *
 * A transit estimate without the 2.2 disclaimer is not a phrasing fault: the live checklist's
 * eta-disclaimer item asks for it (with the sentence to insert), so no rule here flags it (2026.12.1).
 * Every rule has a short Chinese title for QA's screens (2026.12.2).
 */
export const DEFAULT_PHRASEBOOK: Phrasebook = {
  id: "cs-sidekick-default",
  version: "2026.12.2",
  title: "快递客服服务忌语 / Courier customer-service phrasebook",
  rules: [
    ...REFUSAL_RULES,
    ...BLAME_SHIFTING_RULES,
    ...IMPATIENCE_RULES,
    ...UNCERTAINTY_RULES,
    ...RUDENESS_RULES,
    ...OVER_PROMISING_RULES,
    ...HELD_OVER_FEES_RULES,
  ],
  checklist: DEFAULT_CHECKLIST,
}
