/** A button that opens the QA review page (`tabs/review.html`) in a tab; for the popup and the options page. */
import { T } from "../locale"
import { useServices } from "../services"

export const REVIEW_PAGE = "/tabs/review.html"

export function ReviewLink({ className = "link" }: { className?: string }) {
  const { platform } = useServices()
  return (
    <button
      type="button"
      className={className}
      data-testid="open-review"
      onClick={() => void platform.openTab(new URL(REVIEW_PAGE, window.location.href).href)}
    >
      <T k="qaOpenReview" />
    </button>
  )
}
