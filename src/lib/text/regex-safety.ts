/**
 * Heuristic for catastrophic backtracking in patterns that QA leads write (phrasing guards, checklist
 * detectors): a quantified group that itself contains a quantifier, e.g. `(a+)+` or `(?:.*x)*`.
 * Windows are short, but 2^40 steps is still a hang.
 */
export const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/
