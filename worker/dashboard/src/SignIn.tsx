import { useState, type FormEvent } from "react";
import { api, HttpError } from "./api";
import { errorText } from "./errors";
import { LanguageSwitch, useT } from "./i18n";

/** The admin token (ADMIN_TOKEN) or an admin's access token; kept in sessionStorage only. */
export function SignIn({ notice, onSignedIn }: { notice: string; onSignedIn: (token: string) => void }) {
  const { t } = useT();
  const [token, setToken] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.check(token.trim());
      onSignedIn(token.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const refused = error instanceof HttpError && (error.status === 401 || error.status === 403);
  return (
    <div className="signin-wrap">
      <form className="card signin" onSubmit={submit}>
        <div className="signin-top">
          <div className="brand">
            <span className="logo" aria-hidden>◆</span> {t("common.brand")}
          </div>
          <LanguageSwitch />
        </div>
        <h1>{t("signin.title")}</h1>
        <p className="muted">{t("signin.intro")}</p>
        {notice && <div className="banner">{notice}</div>}
        <label htmlFor="token">{t("signin.token")}</label>
        <input id="token" data-testid="admin-token" type="password" autoComplete="current-password" value={token} onChange={(e) => setToken(e.target.value)} autoFocus required />
        {error !== null && (
          <div className="banner error" role="alert">
            {refused ? t("signin.refused") : error instanceof HttpError ? errorText(t, error) : t("signin.unreachable", { message: (error as Error).message })}
          </div>
        )}
        <button type="submit" data-testid="sign-in" disabled={busy || !token.trim()}>
          {busy ? t("common.checking") : t("signin.submit")}
        </button>
        <p className="fine">{t("signin.privacy")}</p>
      </form>
    </div>
  );
}
