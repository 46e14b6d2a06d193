/** The root of every extension page: its title and the one services object around its app. */
import type { ReactNode } from "react"

import { defaultServices } from "./default-services"
import { ServicesProvider } from "./services"

/**
 * Titles the page (Plasmo titles every page with the manifest name's "__MSG_extName__" placeholder,
 * which HTML does not expand) and returns the page component Plasmo mounts: `app` inside the services.
 */
export function extensionPage(title: string, app: ReactNode): () => JSX.Element {
  document.title = title
  return function ExtensionPage() {
    return <ServicesProvider services={defaultServices()}>{app}</ServicesProvider>
  }
}
