/** The answer to an import or a save: a message, and for a refused file every problem with where it is. */
import type { ImportProblem } from "~lib/import-problems"

export type Status =
  { kind: "ok"; message: string } | { kind: "error"; message: string; problems?: ImportProblem[] }

/** Each problem with its place (`where`) first, so the admin can find it in the file. */
export function ProblemList({ problems, testid }: { problems: ImportProblem[]; testid?: string }) {
  return (
    <ol className="problems" data-testid={testid}>
      {problems.map((p, i) => (
        <li key={i}>
          <code>{p.where}</code> {p.message}
        </li>
      ))}
    </ol>
  )
}

/** Nothing while there is no status; an error is an alert, a success a polite status. */
export function StatusBox(props: { status: Status | null; testid: string; problemsTestid?: string }) {
  const { status } = props
  if (!status) return null
  return (
    <div className={status.kind} role={status.kind === "ok" ? "status" : "alert"} data-testid={props.testid}>
      {status.message}
      {status.kind === "error" && status.problems ? (
        <ProblemList problems={status.problems} testid={props.problemsTestid} />
      ) : null}
    </div>
  )
}
