// @vitest-environment node
import { readFileSync } from "node:fs"
import { fileURLToPath } from "node:url"

import { describe, expect, it } from "vitest"

import { clockNow, connectionMessage, explainError, isFrozen } from "./user-messages"
import { managedWorkerUrlProblem } from "./managed"
import { workerUrlProblem } from "./worker-url"

describe("explainError: plain words, detail one click away", () => {
  it.each([
    ["TypeError: Failed to fetch", "offline"],
    ["Cannot reach the worker at https://w.example (TypeError: Failed to fetch)", "offline"],
    ["The worker answered 404 with a body that is not JSON", "bad-answer"],
    ["405 Method Not Allowed: User not available", "aircall-unavailable"],
    ["Not signed in: open the options page and enter your code", "signed-out"],
    ["The worker answered 502 Bad Gateway", "server-error"],
    ["The worker answered 404 Not Found", "not-found"],
    ["Aircall answered 429 Too Many Requests", "rate-limited"],
  ])("%s → %s", (raw, id) => {
    const message = explainError(raw)
    expect(message.id).toBe(id)
    expect(message.what).not.toMatch(/TypeError|404|405|JSON|fetch/)
    expect(message.todo).toBeTruthy()
    expect(message.detail).toBe(raw)
  })

  it("keeps the worker's own plain words as they are", () => {
    expect(explainError("This enrolment code is not valid")).toEqual({ id: "plain:This enrolment code is not valid", what: "This enrolment code is not valid" })
  })

  it("keeps plain words that happen to hold numbers or an address", () => {
    const text = "The worker's address must start with https:// (plain http is only for a worker on this computer: localhost or 127.0.0.1)"
    expect(explainError(text).what).toBe(text)
    expect(explainError("The worker answered 409 Conflict")).toMatchObject({ id: "unknown", detail: "The worker answered 409 Conflict" })
  })

  it("never shows a developer's message as it is", () => {
    const message = explainError(new Error("ReferenceError: x is undefined"))
    expect(message).toMatchObject({ id: "unknown", what: "Something went wrong.", detail: "ReferenceError: x is undefined" })
  })

  it("the same problem from two places has one id (shown once)", () => {
    expect(explainError("TypeError: Failed to fetch").id).toBe(explainError("Cannot reach the worker at x (NetworkError)").id)
  })
})

describe("connection", () => {
  const offline = { status: "offline" as const, since: "2030-01-01T12:03:00.000Z" }

  it("says since when it is offline and that Aircall calls go on", () => {
    const message = connectionMessage(offline, "en-GB")!
    expect(message.what).toMatch(/^Offline since \d\d:\d\d\. Reconnecting…$/)
    expect(message.todo).toContain("calls in Aircall are not affected")
    expect(connectionMessage({ status: "online", since: offline.since })).toBeNull()
    expect(connectionMessage(undefined)).toBeNull()
  })

  it("freezes the clock at the moment the link was lost", () => {
    const later = Date.parse(offline.since) + 50_000
    expect(isFrozen(offline)).toBe(true)
    expect(clockNow(offline, later)).toBe(Date.parse(offline.since))
    expect(clockNow({ status: "online", since: offline.since }, later)).toBe(later)
    expect(clockNow(undefined, later)).toBe(later)
  })
})

describe("user messages in French", () => {
  it("explains known failures in French, keeps the detail and the worker's own words", () => {
    const message = explainError("Cannot reach the worker at https://x (NetworkError)", "fr")
    expect(message).toMatchObject({ id: "offline", what: "Le serveur du dialer est injoignable." })
    expect(message.detail).toContain("NetworkError")
    expect(explainError(new Error("ReferenceError: x is undefined"), "fr").what).toBe("Une erreur s'est produite.")
    expect(explainError("The queue has no pending numbers", "fr").what).toBe("La file ne contient aucun numéro en attente.")
    expect(explainError("This enrolment code is not valid", "fr").what).toBe("This enrolment code is not valid")
  })
  it("says the connection state in French", () => {
    const offline = { status: "offline" as const, since: "2030-01-01T12:03:00.000Z" }
    expect(connectionMessage(offline, "fr")!.what).toMatch(/^Hors ligne depuis \d\d:\d\d\. Reconnexion…$/)
    expect(connectionMessage({ status: "connecting", since: offline.since }, "fr")!.what).toBe("Connexion au dialer…")
  })
})

describe("the extension's own refusals, translated whole", () => {
  it("words the worker address refusals and Start refusals in French, with nothing technical behind Details", () => {
    const url = explainError("The worker's address must start with https:// (plain http is only for a worker on this computer: localhost or 127.0.0.1)", "fr")
    expect(url).toEqual({
      id: "url-https-local",
      what: "L'adresse du serveur doit commencer par https:// (le http simple est réservé à un serveur sur cet ordinateur : localhost ou 127.0.0.1)",
      todo: "Vérifiez l'adresse fournie par votre administrateur.",
    })
    expect(explainError("The worker's address must start with https://", "fr").id).toBe("url-https")
    expect(explainError("Enter the worker's full address, e.g. https://dialer.example.workers.dev", "en").what).toBe(
      "Enter the worker's full address, e.g. https://dialer.example.workers.dev",
    )
    expect(explainError("No number is ready: include or confirm the numbers waiting in the queue", "fr").detail).toBeUndefined()
  })
  it("recognises every refusal lib/worker-url.ts words", () => {
    expect(explainError(workerUrlProblem("dialer")!, "fr").id).toBe("url-format")
    expect(explainError(workerUrlProblem("http://dialer.example.com")!, "fr").id).toBe("url-https-local")
    expect(explainError(workerUrlProblem("ftp://dialer.example.com")!, "fr").id).toBe("url-https")
    const managed = managedWorkerUrlProblem("https://other.example.com", { workerUrl: "https://dialer.acme.com" })!
    expect(explainError(managed, "fr")).toMatchObject({ id: "url-managed", what: "Votre entreprise a fixé l'adresse du serveur : https://dialer.acme.com" })
    expect(explainError(managed, "en").what).toBe(managed)
  })
})

describe("the worker's sign-in refusals", () => {
  const directory = readFileSync(fileURLToPath(new URL("../../../worker/src/directory/directory.ts", import.meta.url)), "utf8")
  it("words a refused enrolment code and an ended session in French", () => {
    const refused = "This enrolment code is invalid, expired or already used. Ask your admin for a new one."
    const ended = "This session has ended. Sign in again with a new enrolment code."
    expect(directory).toContain(refused)
    expect(directory).toContain(ended)
    expect(explainError(refused, "fr")).toEqual({
      id: "bad-code",
      what: "Ce code de connexion est invalide, expiré ou déjà utilisé.",
      todo: "Demandez-en un nouveau à votre administrateur.",
    })
    expect(explainError(ended, "fr")).toMatchObject({ id: "signed-out", what: "Vous êtes déconnecté du dialer." })
  })
})
