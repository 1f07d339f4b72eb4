/**
 * The worker's address must be https: the enrolment code, tokens and the agent's calls travel to it.
 * Plain http is allowed only for a worker on this computer (localhost, 127.0.0.1), as in development.
 * No dependencies: the options page and the background's message schema both use it.
 */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"])

/** Why a worker URL is refused (a sentence for the agent), or null when it is fine. */
export function workerUrlProblem(input: string): string | null {
  const text = input.trim()
  if (!URL.canParse(text)) return "Enter the worker's full address, e.g. https://dialer.example.workers.dev"
  const url = new URL(text)
  if (url.protocol === "https:") return null
  if (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname)) return null
  if (url.protocol === "http:") return "The worker's address must start with https:// (plain http is only for a worker on this computer: localhost or 127.0.0.1)"
  return "The worker's address must start with https://"
}
