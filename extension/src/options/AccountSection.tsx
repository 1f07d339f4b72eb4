import { useMutation } from "@tanstack/react-query"
import { type FormEvent, useEffect, useState } from "react"

import { useT } from "../i18n"
import { requestWorkerAccess } from "../lib/sites"
import { sendRequest } from "../lib/runtime"
import { workerUrlProblem } from "../lib/worker-url"
import { connectionMessage, explainError } from "../lib/user-messages"
import { MessageBox } from "../popup/MessageBox"
import { useConnection } from "../popup/use-connection"
import { useAccount } from "../popup/use-live"
import { ManagedNote } from "./ManagedNote"
import { useManaged } from "./use-managed"
import { useSettings } from "./use-settings"

/** Worker URL and sign-in with the enrolment code; the signed-in agent with sign-out. */
export function AccountSection() {
  const { t } = useT()
  const account = useAccount()
  const connection = useConnection()
  const offline = account ? connectionMessage(connection) : null
  const [settings] = useSettings()
  const managed = useManaged()
  const [workerUrl, setWorkerUrl] = useState(settings.workerUrl)
  const [code, setCode] = useState("")
  useEffect(() => setWorkerUrl(managed.workerUrl ?? settings.workerUrl), [settings.workerUrl, managed.workerUrl])

  const signIn = useMutation({
    mutationFn: async () => {
      const problem = workerUrlProblem(workerUrl)
      if (problem) throw new Error(problem)
      if (!(await requestWorkerAccess(workerUrl.trim()))) throw new Error(t("options.signIn.accessRefused"))
      const result = await sendRequest({ type: "auth.enroll", workerUrl: workerUrl.trim(), code: code.trim() })
      if (!result.ok) throw new Error(result.error)
      setCode("")
      return result.account
    },
  })
  // An error is about what was sent: editing a field, or the browser's own "enter a URL" bubble, clears it.
  const clearStale = () => {
    if (signIn.error) signIn.reset()
  }
  const signOut = useMutation({ mutationFn: () => sendRequest({ type: "auth.signOut" }) })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    signIn.mutate()
  }

  if (account) {
    return (
      <section className="card" data-testid="account">
        <h2>{t("options.account.title")}</h2>
        <p>
          {t("options.account.signedInAs")} <strong data-testid="agent-name">{account.name ?? account.agentId}</strong>
          <span className="muted"> {t("options.account.on", { url: account.workerUrl })}</span>
        </p>
        {offline ? (
          <MessageBox message={offline} tone="offline" testId="connection-banner" role="status" />
        ) : (
          connection && <p className="muted" data-testid="connection-state">{t("options.account.connected")}</p>
        )}
        <button onClick={() => signOut.mutate()} disabled={signOut.isPending} data-testid="sign-out">
          {t("options.account.signOut")}
        </button>
      </section>
    )
  }
  return (
    <section className="card" data-testid="account">
      <h2>{t("options.signIn.title")}</h2>
      <form onSubmit={submit} className="form">
        <label>
          {t("options.signIn.workerUrl")}
          <input type="url" required value={workerUrl} onChange={(e) => (setWorkerUrl(e.target.value), clearStale())} onInvalid={clearStale} readOnly={!!managed.workerUrl} data-testid="worker-url" />
          {managed.workerUrl && <ManagedNote />}
        </label>
        <label>
          {t("options.signIn.code")}
          <input required minLength={6} autoComplete="one-time-code" value={code} onChange={(e) => (setCode(e.target.value), clearStale())} onInvalid={clearStale} data-testid="enroll-code" />
        </label>
        <button className="primary" type="submit" disabled={signIn.isPending} data-testid="sign-in">
          {signIn.isPending ? t("options.signIn.pending") : t("options.signIn.submit")}
        </button>
        {signIn.error && <MessageBox message={explainError(signIn.error.message)} tone="error" testId="sign-in-error" />}
      </form>
    </section>
  )
}
