/** The QA review page (`tabs/review.html`), opened from the popup and the options page. */
import "~ui/styles.css"
import "~ui/review/review.css"

import { extensionPage } from "~ui/extension-page"
import { ReviewApp } from "~ui/review/review-app"

export default extensionPage("质检审核 QA review · 客服助手 CS Sidekick", <ReviewApp />)
