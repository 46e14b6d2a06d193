/** The options page (`options.html`). */
import "~ui/styles.css"

import { defaultServices } from "~ui/default-services"
import { OptionsApp } from "~ui/options/options-app"
import { ServicesProvider } from "~ui/services"

// Plasmo titles every page with the manifest name's "__MSG_extName__" placeholder, which HTML does not expand.
document.title = "设置 Options · 客服助手 CS Sidekick"

function Options() {
  return (
    <ServicesProvider services={defaultServices()}>
      <OptionsApp />
    </ServicesProvider>
  )
}

export default Options
