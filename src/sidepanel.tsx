/** The sidebar in the browser's side panel, following the active tab of the window. */
import "~ui/styles.css"

import { extensionPage } from "~ui/extension-page"
import { SidebarApp } from "~ui/sidebar/sidebar-app"

export default extensionPage("侧边栏 Sidebar · 客服助手 CS Sidekick", <SidebarApp mode="sidepanel" />)
