/** Shows a failed page (e.g. the database could not open) as a message instead of a blank frame. */
import { Component, type ReactNode } from "react"

import { StoreError } from "~lib/store/errors"

export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error }
  }

  override render() {
    const { error } = this.state
    if (!error) return this.props.children
    // No locale here: settings may be what failed to load, so both languages.
    const detail = error instanceof StoreError ? error.message : "出错了 / Something went wrong"
    return (
      <div className="fatal" role="alert" data-testid="fatal-error">
        <p>{detail}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          重试 <span className="en">Retry</span>
        </button>
      </div>
    )
  }
}
