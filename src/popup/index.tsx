/** The toolbar popup (`popup.html`; tests open `popup.html?tabId=<n>` in a tab). */
import "~ui/styles.css"

import { defaultServices } from "~ui/default-services"
import { PopupApp } from "~ui/popup/popup-app"
import { ServicesProvider } from "~ui/services"

// Plasmo titles every page with the manifest name's "__MSG_extName__" placeholder, which HTML does not expand.
document.title = "客服助手 CS Sidekick"

function Popup() {
  return (
    <ServicesProvider services={defaultServices()}>
      <PopupApp />
    </ServicesProvider>
  )
}

export default Popup
