/** Column heads of the review page's tables, as data: a dictionary key (or other content) each. */
import type { ReactNode } from "react"

import type { StringKey } from "../i18n"
import { T } from "../locale"

export type Column = ({ k: StringKey } | { label: ReactNode }) & {
  /** A numeric column: right-aligned like its cells. */
  num?: boolean
}

/** One `<th scope="col">` per column. */
export function HeadCells({ columns }: { columns: readonly Column[] }) {
  return (
    <>
      {columns.map((c, i) => (
        <th key={i} scope="col" className={c.num ? "num" : undefined}>
          {"k" in c ? <T k={c.k} /> : c.label}
        </th>
      ))}
    </>
  )
}
