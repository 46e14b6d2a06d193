/**
 * `npm run train:case`: trains the case-type model from corpus/cases/*.txt and writes
 * src/lib/cases/case-model.data.ts (the model as data) and corpus/cases/REPORT.md (k-fold
 * accuracy, confusion tables, reliability table). Deterministic: run it twice, get the same files.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"

import { trainCaseModel } from "../src/lib/cases/train-case-model"
import { renderModelModule } from "../src/lib/cases/model-module"
import { loadCaseCorpus } from "./case-corpus"

const root = process.cwd()
const dir = join(root, "corpus", "cases")
const items = loadCaseCorpus(root)

const started = Date.now()
const result = trainCaseModel(items)
writeFileSync(join(root, "src", "lib", "cases", "case-model.data.ts"), renderModelModule(result.model))
writeFileSync(join(dir, "REPORT.md"), result.report)
console.log(result.report.split("## Test items")[0])
console.log(
  `trained in ${((Date.now() - started) / 1000).toFixed(1)} s; wrote src/lib/cases/case-model.data.ts and corpus/cases/REPORT.md`,
)
