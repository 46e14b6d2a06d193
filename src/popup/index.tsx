/** The toolbar popup (`popup.html`; tests open `popup.html?tabId=<n>` in a tab). */
import "~ui/styles.css"

import { defaultServices } from "~ui/default-services"
import { PopupApp } from "~ui/popup/popup-app"
import { ServicesProvider } from "~ui/services"

function Popup() {
  return (
    <ServicesProvider services={defaultServices()}>
      <PopupApp />
    </ServicesProvider>
  )
}

export default Popup
