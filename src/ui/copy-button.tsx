/** A small copy button that says "已复制 Copied" for a moment. */
import { useEffect, useRef, useState } from "react"

import { copyText } from "./clipboard"
import { T } from "./locale"

export function CopyButton({ value, testid }: { value: string; testid: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle")
  const timer = useRef<ReturnType<typeof setTimeout>>()
  useEffect(() => () => clearTimeout(timer.current), [])
  const copy = async () => {
    setState((await copyText(value)) ? "copied" : "failed")
    clearTimeout(timer.current)
    timer.current = setTimeout(() => setState("idle"), 1500)
  }
  return (
    <button type="button" className="small" data-testid={testid} onClick={() => void copy()}>
      <T k={state === "copied" ? "copied" : state === "failed" ? "copyFailed" : "copy"} />
    </button>
  )
}
