/**
 * Calling hours and local presence (company settings). The window is the callee's local time and
 * must hold in every time zone the number may be in; changes are audited by the worker.
 */
import type { AdminSettings } from "@dialer/shared";
import { useEffect, useState } from "react";
import { complianceApi } from "./api";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function CallingHoursPanel() {
  const [saved, setSaved] = useState<AdminSettings | null>(null);
  const [start, setStart] = useState("08:00");
  const [end, setEnd] = useState("21:00");
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5, 6, 7]);
  const [localPresence, setLocalPresence] = useState(false);
  const [message, setMessage] = useState("");
  const [error, setError] = useState("");

  const show = (s: AdminSettings) => {
    setSaved(s);
    setStart(s.callingHours.start);
    setEnd(s.callingHours.end);
    setDays(s.callingHours.days);
    setLocalPresence(s.localPresence);
  };
  useEffect(() => {
    complianceApi.settings().then((r) => show(r.settings), (err: Error) => setError(err.message));
  }, []);

  const toggle = (d: number) => setDays((old) => (old.includes(d) ? old.filter((x) => x !== d) : [...old, d].sort((a, b) => a - b)));
  const save = () =>
    complianceApi.putSettings({ callingHours: { start, end, days }, localPresence }).then(
      (r) => (show(r.settings), setMessage("Saved."), setError("")),
      (err: Error) => (setError(err.message), setMessage("")),
    );

  return (
    <section className="card" aria-label="Calling hours" data-testid="calling-hours">
      <div className="card-head">
        <h2>Calling hours</h2>
        <button onClick={save} disabled={!saved} data-testid="calling-hours-save">
          Save
        </button>
      </div>
      <div className="filters">
        <label>
          From <input type="time" value={start} onChange={(e) => setStart(e.target.value)} data-testid="calling-hours-start" />
        </label>
        <label>
          to <input type="time" value={end === "24:00" ? "23:59" : end} onChange={(e) => setEnd(e.target.value === "23:59" ? "24:00" : e.target.value)} data-testid="calling-hours-end" />
        </label>
        <span className="muted">the callee's local time</span>
      </div>
      <div className="filters" role="group" aria-label="Days">
        {DAYS.map((name, i) => (
          <label key={name}>
            <input type="checkbox" checked={days.includes(i + 1)} onChange={() => toggle(i + 1)} /> {name}
          </label>
        ))}
      </div>
      <div className="filters">
        <label>
          <input type="checkbox" checked={localPresence} onChange={(e) => setLocalPresence(e.target.checked)} data-testid="local-presence" /> Local presence: call from
          the agent's Aircall number that best matches the callee (country, area code)
        </label>
      </div>
      {message && <div className="banner">{message}</div>}
      {error && <div className="banner error">{error}</div>}
      <p className="fine">
        A number is dialed only when its local time is inside this window in every time zone it may be in (numbers of a country with several zones, like the
        US or Australia, are placed by area code; when unsure, all of the country's zones count). Numbers whose zone is unknown are not dialed.
      </p>
    </section>
  );
}
