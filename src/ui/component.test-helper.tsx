/**
 * Helpers for component tests (happy-dom): a fake Platform that records what the pages ask of the
 * browser, real repositories over a throwaway in-memory database (one per call, handed to the pages
 * through the services object: no page opens a database itself), `mount()` to render a page with all
 * of that in one call (unmounted after each test), and small DOM utilities. Test code only.
 */
// Dexie's liveQuery (useLiveQuery) never answers unless an IndexedDB global exists at Dexie's import,
// even when the database itself uses its own factory; the data still lives in each test's own database.
import "fake-indexeddb/auto"

import { act, type ReactNode } from "react"
import { createRoot } from "react-dom/client"
import { afterEach } from "vitest"

import type { BackgroundRequestName } from "~lib/protocol/types"
import type { SidekickStore } from "~lib/store/contract"
import { createRepositories, type Repositories } from "~lib/store/repositories"
import { freshDb } from "~lib/store/store.test-helper"

import type { Platform, PortLike, TabInfo } from "./platform"
import { ServicesProvider, type Services } from "./services"

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

// Storage and IndexedDB answers land between act() scopes by design (waitFor polls for them); React's
// "not wrapped in act" warning for those says nothing useful here. Every other console error still shows.
const consoleError = console.error.bind(console)
console.error = (...args: unknown[]) => {
  if (typeof args[0] === "string" && args[0].includes("not wrapped in act(")) return
  consoleError(...args)
}

export class FakePort implements PortLike {
  readonly posted: unknown[] = []
  disconnected = false
  private messageListeners: ((m: unknown) => void)[] = []
  private disconnectListeners: (() => void)[] = []
  constructor(
    readonly tabId: number,
    readonly name: string,
    readonly frameId: number,
  ) {}
  postMessage(message: unknown) {
    this.posted.push(message)
  }
  disconnect() {
    this.disconnected = true
  }
  onMessage = { addListener: (l: (m: unknown) => void) => void this.messageListeners.push(l) }
  onDisconnect = { addListener: (l: () => void) => void this.disconnectListeners.push(l) }
  /** The page sends something. */
  emit(message: unknown) {
    act(() => {
      for (const l of this.messageListeners) l(message)
    })
  }
  /** The page goes away (navigation). */
  drop() {
    act(() => {
      for (const l of this.disconnectListeners) l()
    })
  }
}

type Handler = (body: unknown) => unknown

export interface FakeBrowser {
  platform: Platform
  ports: FakePort[]
  /** Every runtime message sent to the worker. */
  messages: { name: string; body: unknown }[]
  storage: Map<string, unknown>
  permissionRequests: string[][]
  /** Answers for worker requests; a missing one rejects like "no receiver". */
  handlers: Partial<Record<BackgroundRequestName, Handler>>
  tabListeners: ((tabId: number, change: "activated" | "updated") => void)[]
  opened: string[]
  grant: boolean
  activeTab: TabInfo | undefined
  search: string
}

export function fakeBrowser(
  init: Partial<Pick<FakeBrowser, "handlers" | "activeTab" | "search">> = {},
): FakeBrowser {
  const fb: FakeBrowser = {
    ports: [],
    messages: [],
    storage: new Map(),
    permissionRequests: [],
    handlers: init.handlers ?? {},
    tabListeners: [],
    opened: [],
    grant: true,
    activeTab: init.activeTab,
    search: init.search ?? "",
    platform: undefined as unknown as Platform,
  }
  fb.platform = {
    async sendMessage(message) {
      const { name, body } = message as { name: BackgroundRequestName; body: unknown }
      fb.messages.push({ name, body })
      const handler = fb.handlers[name]
      if (!handler) throw new Error("Could not establish connection. Receiving end does not exist.")
      return handler(body)
    },
    connectToTab(tabId, name, frameId) {
      const port = new FakePort(tabId, name, frameId)
      fb.ports.push(port)
      return port
    },
    activeTab: async () => fb.activeTab,
    getTab: async (tabId) => (fb.activeTab?.id === tabId ? fb.activeTab : undefined),
    onTabChange(listener) {
      fb.tabListeners.push(listener)
      return () => fb.tabListeners.splice(fb.tabListeners.indexOf(listener), 1)
    },
    storageGet: async (key) => structuredClone(fb.storage.get(key)),
    storageGetAll: async () => Object.fromEntries(fb.storage),
    async storageSet(key, value) {
      fb.storage.set(key, structuredClone(value))
    },
    async storageRemove(keys) {
      for (const key of [keys].flat()) fb.storage.delete(key)
    },
    requestOrigins(origins) {
      fb.permissionRequests.push(origins)
      return Promise.resolve(fb.grant)
    },
    async openOptions() {
      fb.opened.push("options")
    },
    async openTab(url) {
      fb.opened.push(url)
    },
    pageSearch: () => fb.search,
  }
  return fb
}

/** Every repository over one fresh in-memory database of its own. */
export function testRepositories(): Repositories {
  return createRepositories(freshDb().db)
}

/** A real store over a fresh in-memory database. */
export function testStore(): SidekickStore {
  return testRepositories().store
}

/** Records which store methods were called (to prove a page read nothing). */
export function spyStore(store: SidekickStore): { store: SidekickStore; calls: string[] } {
  const calls: string[] = []
  const spied = new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown
      if (typeof value !== "function") return value
      return (...args: unknown[]) => {
        calls.push(String(prop))
        return (value as (...a: unknown[]) => unknown).apply(target, args)
      }
    },
  })
  return { store: spied, calls }
}

let idCounter = 0

/**
 * Services for one test: `repos` may be all repositories (one database) or just the main store, in which
 * case the others get a fresh database of their own.
 */
export function testServices(
  platform: Platform,
  repos: Repositories | SidekickStore = testRepositories(),
  now = () => Date.now(),
): Services {
  const all = "audit" in repos ? repos : { ...testRepositories(), store: repos }
  return { ...all, platform, now, newId: () => `id-${++idCounter}` }
}

export interface Rendered {
  container: HTMLElement
  unmount: () => Promise<void>
}

const mounted = new Set<Rendered>()

// Every page a test renders is unmounted after that test. Hooks registered while a test file is
// collected belong to that file (vitest isolates each file's modules), as testing-library's cleanup does.
afterEach(async () => {
  for (const view of [...mounted]) await view.unmount()
})

/** Renders `ui` inside the given services; unmounted after the test (or earlier by `unmount()`). */
export async function render(services: Services, ui: ReactNode): Promise<Rendered> {
  const container = document.createElement("div")
  document.body.append(container)
  const root = createRoot(container)
  await act(async () => root.render(<ServicesProvider services={services}>{ui}</ServicesProvider>))
  const view: Rendered = {
    container,
    unmount: async () => {
      if (!mounted.delete(view)) return
      await act(async () => root.unmount())
      container.remove()
    },
  }
  mounted.add(view)
  return view
}

export interface MountOptions {
  /** The browser the page talks to; a fresh fake one by default. */
  browser?: FakeBrowser
  /** Storage behind the page: all repositories or only the main store (see testServices); fresh by default. */
  repos?: Repositories | SidekickStore
  /** The page's clock. */
  now?: () => number
}

export interface Mounted extends Rendered {
  browser: FakeBrowser
  /** What the page was given: the repositories (store, audit, phrasebooks, …), platform and clock. */
  services: Services
}

/** Renders one page or component with a fake browser and fresh storage: the usual component-test setup. */
export async function mount(ui: ReactNode, options: MountOptions = {}): Promise<Mounted> {
  const browser = options.browser ?? fakeBrowser()
  const services = testServices(browser.platform, options.repos, options.now)
  const view = await render(services, ui)
  return { ...view, browser, services }
}

/** Polls (letting React and IndexedDB work in between) until `check` stops throwing. */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 3000): Promise<T> {
  const start = Date.now()
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error
      await act(async () => {
        await new Promise((r) => setTimeout(r, 10))
      })
    }
  }
}

export function byTestId<E extends Element = HTMLElement>(root: ParentNode, id: string): E {
  const el = root.querySelector<E>(`[data-testid="${id}"]`)
  if (!el) throw new Error(`no [data-testid="${id}"]`)
  return el
}

export function allByTestId<E extends Element = HTMLElement>(root: ParentNode, id: string): E[] {
  return [...root.querySelectorAll<E>(`[data-testid="${id}"]`)]
}

/** Sets a form control's value the way typing does, so React's onChange fires. */
export async function typeInto(el: Element, value: string) {
  const proto =
    el instanceof HTMLTextAreaElement
      ? HTMLTextAreaElement.prototype
      : el instanceof HTMLSelectElement
        ? HTMLSelectElement.prototype
        : HTMLInputElement.prototype
  await act(async () => {
    Object.getOwnPropertyDescriptor(proto, "value")?.set?.call(el, value)
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }))
  })
}

/** Picks `content` as the file of an `<input type="file">`, as the agent does in the file dialog. */
export async function chooseFile(
  input: HTMLInputElement,
  content: string,
  name: string,
  type = "application/json",
) {
  const file = new File([content], name, { type })
  Object.defineProperty(input, "files", { value: [file], configurable: true })
  await act(async () => {
    input.dispatchEvent(new Event("change", { bubbles: true }))
  })
}

export async function keyDown(el: Element, init: KeyboardEventInit) {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, ...init }))
  })
}

export async function click(el: Element) {
  await act(async () => {
    ;(el as HTMLElement).click()
  })
}
