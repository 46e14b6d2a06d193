/** The sidebar in the browser's side panel, following the active tab of the window. */
import "~ui/styles.css"

import { defaultServices } from "~ui/default-services"
import { ServicesProvider } from "~ui/services"
import { SidebarApp } from "~ui/sidebar/sidebar-app"

// Plasmo titles every page with the manifest name's "__MSG_extName__" placeholder, which HTML does not expand.
document.title = "侧边栏 Sidebar · 客服助手 CS Sidekick"

function SidePanel() {
  return (
    <ServicesProvider services={defaultServices()}>
      <SidebarApp mode="sidepanel" />
    </ServicesProvider>
  )
}

export default SidePanel
