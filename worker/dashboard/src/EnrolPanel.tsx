import type { AircallUserSummary, CreateAgentResponse } from "@dialer/shared";
import { useState, type FormEvent } from "react";
import { agentsApi } from "./api";
import { dateTime } from "./format";

/** The one-time code and what to tell the agent, shown once after enrolling or issuing a code. */
export function IssuedCode({ name, code, expiresAt }: { name: string; code: string; expiresAt: string }) {
  return (
    <div className="banner issued" role="status" data-testid="issued-code">
      Code for {name}: <code className="code">{code}</code> <span className="muted">(single use, expires {dateTime(expiresAt)})</span>
      <br />
      Tell them: install the dialer extension, open its options, set the worker URL to <code>{location.origin}</code> and sign in with this code.
    </div>
  );
}

/**
 * Enrol an Aircall user as an agent: find them by email or Aircall id, pick the number they dial
 * from, and get the one-time enrolment code (as `pnpm admin agents add` does).
 */
export function EnrolPanel({ onEnrolled }: { onEnrolled: () => void }) {
  const [who, setWho] = useState("");
  const [user, setUser] = useState<AircallUserSummary | null>(null);
  const [numberId, setNumberId] = useState("");
  const [name, setName] = useState("");
  const [admin, setAdmin] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [issued, setIssued] = useState<(CreateAgentResponse & { name: string }) | null>(null);

  const find = async (e: FormEvent) => {
    e.preventDefault();
    const query = who.trim();
    if (!query) return setError("Type the agent's Aircall email or user id.");
    setBusy(true);
    setError("");
    setIssued(null);
    try {
      const found = (await agentsApi.findUser(query)).user;
      setUser(found);
      setName(found.name ?? "");
      setNumberId(found.numbers.length === 1 ? String(found.numbers[0]!.id) : "");
      if (!found.numbers.length) setError(`${found.name ?? query} has no number in Aircall: assign one in Aircall first.`);
    } catch (err) {
      setUser(null);
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const enrol = async (e: FormEvent) => {
    e.preventDefault();
    if (!user) return;
    if (!numberId) return setError("Pick the number this agent dials from.");
    setBusy(true);
    setError("");
    try {
      const label = name.trim() || user.name || `Aircall user ${user.id}`;
      const created = await agentsApi.add({ aircallUserId: user.id, numberId: Number(numberId), name: name.trim() || undefined, role: admin ? "admin" : "agent" });
      setIssued({ ...created, name: label });
      setUser(null);
      setWho("");
      onEnrolled();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card wide" data-testid="enrol-panel">
      <div className="card-head">
        <h2>Enrol an agent</h2>
        <span className="muted">Each agent signs in to the extension once with a one-time code.</span>
      </div>
      <form className="filters" onSubmit={(e) => void find(e)}>
        <label>
          Aircall email or user id{" "}
          <input value={who} onChange={(e) => setWho(e.target.value)} placeholder="maya@example.com" data-testid="enrol-who" />
        </label>
        <button className="secondary" type="submit" disabled={busy} data-testid="enrol-find">
          Find in Aircall
        </button>
      </form>
      {user && (
        <form className="filters" onSubmit={(e) => void enrol(e)} data-testid="enrol-form">
          <label>
            Name <input value={name} onChange={(e) => setName(e.target.value)} data-testid="enrol-name" />
          </label>
          <label>
            Dials from{" "}
            <select value={numberId} onChange={(e) => setNumberId(e.target.value)} data-testid="enrol-number">
              <option value="">Pick a number…</option>
              {user.numbers.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name ?? n.id} {n.digits ? `(${n.digits})` : ""}
                </option>
              ))}
            </select>
          </label>
          <label>
            <input type="checkbox" checked={admin} onChange={(e) => setAdmin(e.target.checked)} /> admin
          </label>
          <button type="submit" disabled={busy || !numberId} data-testid="enrol-submit">
            Enrol and get a code
          </button>
        </form>
      )}
      {error && (
        <div className="banner error" role="alert">
          {error}
        </div>
      )}
      {issued && <IssuedCode name={issued.name} code={issued.enrollmentCode} expiresAt={issued.expiresAt} />}
    </section>
  );
}
