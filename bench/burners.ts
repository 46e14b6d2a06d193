/**
 * CPU burners: busy processes beside a benchmark or a lab, one core each, to show a goal on a loaded
 * machine as well as an idle one (`BENCH_BURNERS=n` for `npm run bench`, `LAB_BURNER=1` for the labs).
 * The caller kills them when its run ends.
 */
import { type ChildProcess, spawn } from "node:child_process"

export function startBurners(n: number): ChildProcess[] {
  return Array.from({ length: n }, () =>
    spawn(process.execPath, ["-e", "for (;;) Math.sqrt(Math.random())"], { stdio: "ignore" }),
  )
}
