/** zod pieces the import schemas (phrasebook, checklist, knowledge pack) share. */
import "./zod-jitless" // first: zod must not probe eval under our CSP
import * as z from "zod"

/** Ids are lower-case words joined by hyphens: "refusal-bu-xing". */
export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** Text that must be there: trimmed, not empty, at most `max` characters. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max)
