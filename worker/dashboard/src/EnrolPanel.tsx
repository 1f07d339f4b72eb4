import type { AircallUserSummary, CreateAgentResponse } from "@dialer/shared";
import { useState, type FormEvent } from "react";
import { agentsApi } from "./api";
import { errorText, Problem } from "./errors";
import { dateTime } from "./format";
import { useT } from "./i18n";
import { rich } from "./i18n/rich";

/** The one-time code and what to tell the agent, shown once after enrolling or issuing a code. */
export function IssuedCode({ name, code, expiresAt }: { name: string; code: string; expiresAt: string }) {
  const { t, locale } = useT();
  return (
    <div className="banner issued" role="status" data-testid="issued-code">
      {t("enrol.codeFor", { name })} <code className="code">{code}</code> <span className="muted">{t("enrol.codeExpires", { time: dateTime(locale, expiresAt) })}</span>
      <br />
      {rich(t("enrol.tellThem"), { url: <code>{location.origin}</code> })}
    </div>
  );
}

/**
 * Enrol an Aircall user as an agent: find them by email or Aircall id, pick the number they dial
 * from, and get the one-time enrolment code (as `pnpm admin agents add` does).
 */
export function EnrolPanel({ onEnrolled }: { onEnrolled: () => void }) {
  const { t } = useT();
  const [who, setWho] = useState("");
  const [user, setUser] = useState<AircallUserSummary | null>(null);
  const [numberId, setNumberId] = useState("");
  const [name, setName] = useState("");
  const [admin, setAdmin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<(CreateAgentResponse & { name: string }) | null>(null);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    const query = who.trim();
    if (!query) return setError(new Problem("enrol.needWho"));
    setBusy(true);
    setError(null);
    setIssued(null);
    try {
      const found = (await agentsApi.findUser(query)).user;
      setUser(found);
      setName(found.name ?? "");
      setNumberId(found.numbers.length === 1 ? String(found.numbers[0]!.id) : "");
      if (!found.numbers.length) setError(new Problem("enrol.noNumber", { name: found.name ?? query }));
    } catch (err) {
      setUser(null);
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const enrol = async (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    if (!numberId) return setError(new Problem("enrol.needNumber"));
    setBusy(true);
    setError(null);
    try {
      const label = name.trim() || user.name || t("common.aircallUser", { id: String(user.id) });
      const created = await agentsApi.add({ aircallUserId: user.id, numberId: Number(numberId), name: name.trim() || undefined, role: admin ? "admin" : "agent" });
      setIssued({ ...created, name: label });
      setUser(null);
      setWho("");
      onEnrolled();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card wide" data-testid="enrol-panel">
      <div className="card-head">
        <h2>{t("enrol.title")}</h2>
        <span className="muted">{t("enrol.intro")}</span>
      </div>
      <form className="filters" onSubmit={(e) => void find(e)}>
        <label>
          {t("enrol.who")}{" "}
          <input value={who} onChange={(e) => setWho(e.target.value)} placeholder="maya@example.com" data-testid="enrol-who" />
        </label>
        <button className="secondary" type="submit" disabled={busy} data-testid="enrol-find">
          {t("enrol.find")}
        </button>
      </form>
      {user && (
        <form className="filters" onSubmit={(e) => void enrol(e)} data-testid="enrol-form">
          <label>
            {t("enrol.name")} <input value={name} onChange={(e) => setName(e.target.value)} data-testid="enrol-name" />
          </label>
          <label>
            {t("enrol.dialsFrom")}{" "}
            <select value={numberId} onChange={(e) => setNumberId(e.target.value)} data-testid="enrol-number">
              <option value="">{t("enrol.pickNumber")}</option>
              {user.numbers.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name ?? n.id} {n.digits ? `(${n.digits})` : ""}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> {t("enrol.admin")}
          </label>
          <button type="submit" disabled={busy || !numberId} data-testid="enrol-submit">
            {t("enrol.submit")}
          </button>
        </form>
      )}
      {error !== null && (
        <div className="banner error" role="alert">
          {errorText(t, error)}
        </div>
      )}
      {issued && <IssuedCode name={issued.name} code={issued.enrollmentCode} expiresAt={issued.expiresAt} />}
    </section>
  );
}
