/** Reads the case corpus from disk: corpus/cases (train + test) and corpus/holdout (evaluation only). */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"

import { parseCorpusFile, type CorpusItem } from "../src/lib/cases/corpus"

/** Every corpus item under `root`, files in name order. */
export function loadCaseCorpus(root: string): CorpusItem[] {
  return ["corpus/cases", "corpus/holdout"].flatMap((dir) => {
    const full = join(root, dir)
    if (!existsSync(full)) return []
    return readdirSync(full)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .flatMap((f) => parseCorpusFile(`${dir}/${f}`, readFileSync(join(full, f), "utf8")))
  })
}
