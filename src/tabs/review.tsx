/** The QA review page (`tabs/review.html`), opened from the popup and the options page. */
import "~ui/styles.css"
import "~ui/review/review.css"

import { defaultServices } from "~ui/default-services"
import { ReviewApp } from "~ui/review/review-app"
import { ServicesProvider } from "~ui/services"

// Plasmo titles every page with the manifest name's "__MSG_extName__" placeholder, which HTML does not expand.
document.title = "质检审核 QA review · 客服助手 CS Sidekick"

function ReviewPage() {
  return (
    <ServicesProvider services={defaultServices()}>
      <ReviewApp />
    </ServicesProvider>
  )
}

export default ReviewPage
