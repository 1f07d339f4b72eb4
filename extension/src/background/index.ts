/**
 * Background service worker: wires the dialer service to chrome.* events. Logic lives in the
 * modules beside this file; this entry only connects them.
 */
import { db } from "../db/db"
import { writeAccount } from "../db/runtime"
import { migratingStore, vaultStore } from "../db/vault"
import { broadcast } from "../lib/runtime"
import { onManagedChange } from "../lib/managed"
import { syncSettingsMirror } from "../lib/settings-store"
import { localStore, sessionStore } from "../lib/storage"
import { Api } from "./api"
import { Auth } from "./auth"
import { allowedFrom } from "./sender"
import { showBadge } from "./badge"
import { commandForShortcut } from "./commands"
import { DialerService } from "./dialer-service"
import { createMessageHandler } from "./handlers"
import { DialerSocket } from "./socket"
import { CONNECTION_KEY, ConnectionTracker } from "./connection"
import { setConnectionSource } from "./view"
import { writeStagedNow } from "../db/queue-stage"

const KEEPALIVE_ALARM = "keepalive"

const auth: Auth = new Auth({
  // The login (and its refresh token) lives in IndexedDB; one kept in chrome.storage.local by an
  // earlier version is moved there on first read.
  vault: migratingStore(vaultStore(db), localStore()),
  session: sessionStore(),
  fetch: (input, init) => fetch(input, init),
  onSignedOut: (): Promise<void> => {
    socket.stop()
    connection.reset()
    return service.signedOut()
  },
})
const api = new Api(auth, (input, init) => fetch(input, init))
const service: DialerService = new DialerService({ db, auth, api, broadcast, showBadge })
// Connection state: in every view (bar) and in session storage (popup, options); each change is published.
const connection = new ConnectionTracker({
  onChange: (view) => {
    void chrome.storage.session.set({ [CONNECTION_KEY]: view }).catch((error: unknown) => console.warn("connection state", error))
    void service.publish().catch((error: unknown) => console.warn("publish", error))
  },
})
setConnectionSource(() => connection.get())
const socket = new DialerSocket({
  url: () => api.wsUrl(),
  onOpen: () => service.resync(),
  onMessage: (message) => service.onServerMessage(message),
  onStatus: (connected) => (connected ? connection.opened() : connection.lost()),
})

/** Connect when signed in; called on start-up, on sign-in and by the keep-alive alarm. */
async function ensureConnected(): Promise<void> {
  const login = await auth.login()
  if (!login) return
  await writeAccount(db, { agentId: login.agent.agentId, name: login.agent.name, workerUrl: login.workerUrl })
  socket.start()
}

const handle = createMessageHandler({ db, auth, service, api, connect: () => void ensureConnected() })

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!allowedFrom(sender, chrome.runtime.id, message as { type?: unknown; command?: unknown } | null)) {
    sendResponse({ ok: false, error: "not allowed from a web page" })
    return false
  }
  handle(message)
    .then(sendResponse)
    .catch((error: unknown) => sendResponse({ ok: false, error: String(error) }))
  return true
})

chrome.commands.onCommand.addListener((shortcut) => {
  void commandForShortcut(db, shortcut)
    .then((command) => (command ? service.command(command) : undefined))
    .catch((error: unknown) => service.report(error))
})

chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === KEEPALIVE_ALARM) void ensureConnected()
})

async function boot(): Promise<void> {
  // The access token's area: trusted contexts only (Chrome's default, stated so it stays true).
  await chrome.storage.session.setAccessLevel({ accessLevel: "TRUSTED_CONTEXTS" })
  await chrome.alarms.create(KEEPALIVE_ALARM, { periodInMinutes: 1 })
  await syncSettingsMirror(db)
  // Numbers a crash left staged mid-"Add all" get their rows (db/queue-stage.ts).
  await writeStagedNow(db).catch((error: unknown) => console.error("[dialer] staged numbers not written", error))
  await chrome.storage.session.set({ [CONNECTION_KEY]: connection.get() }) // not the last worker's word
  await ensureConnected()
  await service.publish()
}

boot().catch((error: unknown) => console.error("background start-up failed", error))
onManagedChange(() => void syncSettingsMirror(db).catch((error: unknown) => console.warn("managed policy sync", error))) // IT changed the policy: pages read the new country at once

// Browser tests (`plasmo build --tag=e2e` only) reach the service's pieces through sw.evaluate().
if (process.env.PLASMO_TAG === "e2e") {
  Object.assign(globalThis, { __dialerE2E: { db, service, socket } })
}
