/** The sidebar in the browser's side panel, following the active tab of the window. */
import "~ui/styles.css"

import { defaultServices } from "~ui/default-services"
import { ServicesProvider } from "~ui/services"
import { SidebarApp } from "~ui/sidebar/sidebar-app"

function SidePanel() {
  return (
    <ServicesProvider services={defaultServices()}>
      <SidebarApp mode="sidepanel" />
    </ServicesProvider>
  )
}

export default SidePanel
