/** The options page (`options.html`). */
import "~ui/styles.css"

import { extensionPage } from "~ui/extension-page"
import { OptionsApp } from "~ui/options/options-app"

export default extensionPage("设置 Options · 客服助手 CS Sidekick", <OptionsApp />)
