import { useState, type FormEvent } from "react";
import { api, HttpError } from "./api";

/** The admin token (ADMIN_TOKEN) or an admin's access token; kept in sessionStorage only. */
export function SignIn({ notice, onSignedIn }: { notice: string; onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError("");
    try {
      await api.check(token.trim());
      onSignedIn(token.trim());
    } catch (err) {
      const refused = err instanceof HttpError && (err.status === 401 || err.status === 403);
      setError(refused ? "This token was refused. Use the worker's ADMIN_TOKEN or an admin's access token." : `Could not reach the worker: ${(err as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="signin-wrap">
      <form className="card signin" onSubmit={submit}>
        <div className="brand">
          <span className="logo" aria-hidden>◆</span> Power Dialer
        </div>
        <h1>Team dashboard</h1>
        <p className="muted">Sign in with the admin token set on this worker (ADMIN_TOKEN) or an admin's access token.</p>
        {notice && <div className="banner">{notice}</div>}
        <label htmlFor="token">Admin token</label>
        <input id="token" data-testid="admin-token" type="password" autoComplete="current-password" value={token} onChange={(e) => setToken(e.target.value)} autoFocus required />
        {error && <div className="banner error" role="alert">{error}</div>}
        <button type="submit" data-testid="sign-in" disabled={busy || !token.trim()}>
          {busy ? "Checking…" : "Sign in"}
        </button>
        <p className="fine">The token stays in this tab only (sessionStorage) and is sent to this worker alone.</p>
      </form>
    </div>
  );
}
