import { mkdtemp, rm } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"

import { type BrowserContext, chromium, type Page, test as base, type Worker } from "@playwright/test"

import { CHROMIUM, withExtension } from "../system/chromium"
import { startStaticServer } from "../system/static-server"
import { startStubWorker, type StubWorker } from "./stub-worker"

const here = fileURLToPath(new URL(".", import.meta.url))
/** The unpacked e2e build; E2E_EXTENSION_DIR points at a copy when another build may rewrite it mid-run. */
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR ?? join(here, "../../extension/build/chrome-mv3-e2e")
export const SCREENSHOTS = join(here, "screenshots")
const CRM_FIXTURES = join(here, "../../extension/src/adapters/fixtures")
const PAGES = join(here, "pages")

type Fixtures = {
  context: BrowserContext
  serviceWorker: Worker
  extensionId: string
  /** Opens the popup page in a tab, sized like the real popup. */
  openPopup: () => Promise<Page>
  stub: StubWorker
}
type WorkerFixtures = { site: { origin: string } }

/** Chromium (Debian's) with the unpacked e2e build loaded, plus the CRM pages on 127.0.0.1. */
export const test = base.extend<Fixtures, WorkerFixtures>({
  site: [
    async ({}, use) => {
      const server = await startStaticServer({ "/crm/": CRM_FIXTURES, "/pages/": PAGES })
      await use(server)
      await server.close()
    },
    { scope: "worker" },
  ],
  context: async ({}, use) => {
    const profile = await mkdtemp(join(tmpdir(), "dialer-e2e-"))
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: withExtension(EXTENSION_DIR),
    })
    await use(context)
    await context.close()
    await rm(profile, { recursive: true, force: true })
  },
  serviceWorker: async ({ context }, use) => {
    await use(await extensionServiceWorker(context))
  },
  extensionId: async ({ serviceWorker }, use) => {
    await use(new URL(serviceWorker.url()).host)
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage()
      await page.setViewportSize({ width: 380, height: 600 })
      await page.goto(`chrome-extension://${extensionId}/popup.html`)
      return page
    })
  },
  stub: async ({}, use) => {
    const stub = await startStubWorker()
    await use(stub)
    await stub.close()
  },
})

export const expect = test.expect

/**
 * The extension's service worker. Chromium sometimes registers it before Playwright listens for
 * the event, so poll the list as well as waiting for the event; a blank tab nudges a slow start.
 */
async function extensionServiceWorker(context: BrowserContext): Promise<Worker> {
  const deadline = Date.now() + 30_000
  let nudged = false
  while (Date.now() < deadline) {
    const found = context.serviceWorkers().find((w) => w.url().startsWith("chrome-extension://"))
    if (found) return found
    const event = await context.waitForEvent("serviceworker", { timeout: 2_000 }).catch(() => null)
    if (event?.url().startsWith("chrome-extension://")) return event
    if (!nudged && Date.now() > deadline - 25_000) {
      nudged = true
      await context.newPage()
    }
  }
  throw new Error(`the extension's service worker did not start (is ${EXTENSION_DIR} built?)`)
}

/** Sign in through the options page against the stub worker. */
export async function signIn(context: BrowserContext, extensionId: string, stub: StubWorker, code: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`chrome-extension://${extensionId}/options.html`)
  await page.getByTestId("worker-url").fill(stub.url)
  await page.getByTestId("enroll-code").fill(code)
  await page.getByTestId("sign-in").click()
  return page
}
