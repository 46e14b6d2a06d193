/** The toolbar popup (`popup.html`; tests open `popup.html?tabId=<n>` in a tab). */
import "~ui/styles.css"

import { extensionPage } from "~ui/extension-page"
import { PopupApp } from "~ui/popup/popup-app"

export default extensionPage("客服助手 CS Sidekick", <PopupApp />)
