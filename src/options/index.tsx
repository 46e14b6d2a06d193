/** The options page (`options.html`). */
import "~ui/styles.css"

import { defaultServices } from "~ui/default-services"
import { OptionsApp } from "~ui/options/options-app"
import { ServicesProvider } from "~ui/services"

function Options() {
  return (
    <ServicesProvider services={defaultServices()}>
      <OptionsApp />
    </ServicesProvider>
  )
}

export default Options
