/** The QA review page (`tabs/review.html`), opened from the popup and the options page. */
import "~ui/styles.css"
import "~ui/review/review.css"

import { getDb } from "~lib/store/db"
import { defaultServices } from "~ui/default-services"
import { ReviewApp } from "~ui/review/review-app"
import { ServicesProvider } from "~ui/services"

function ReviewPage() {
  return (
    <ServicesProvider services={defaultServices()}>
      <ReviewApp db={getDb()} />
    </ServicesProvider>
  )
}

export default ReviewPage
