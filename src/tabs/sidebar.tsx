/** The sidebar framed inside the CRM page by the content script (`tabs/sidebar.html`). */
import "~ui/styles.css"

import { defaultServices } from "~ui/default-services"
import { ServicesProvider } from "~ui/services"
import { SidebarApp } from "~ui/sidebar/sidebar-app"

function SidebarPage() {
  return (
    <ServicesProvider services={defaultServices()}>
      <SidebarApp mode="inpage" />
    </ServicesProvider>
  )
}

export default SidebarPage
