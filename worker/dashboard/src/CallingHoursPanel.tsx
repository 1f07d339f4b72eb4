/**
 * Calling hours and local presence (company settings). The window is the callee's local time and
 * must hold in every time zone the number may be in; changes are audited by the worker.
 */
import type { AdminSettings } from "@dialer/shared";
import { useEffect, useState } from "react";
import { complianceApi } from "./api";
import { errorText } from "./errors";
import { weekdayShort } from "./format";
import { useT } from "./i18n";

const DAYS = [1, 2, 3, 4, 5, 6, 7]; // ISO: Monday is 1

export function CallingHoursPanel() {
  const { t, locale } = useT();
  const [saved, setSaved] = useState<AdminSettings | null>(null);
  const [start, setStart] = useState("08:00");
  const [end, setEnd] = useState("21:00");
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5, 6, 7]);
  const [localPresence, setLocalPresence] = useState(false);
  const [savedNow, setSavedNow] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const show = (s: AdminSettings) => {
    setSaved(s);
    setStart(s.callingHours.start);
    setEnd(s.callingHours.end);
    setDays(s.callingHours.days);
    setLocalPresence(s.localPresence);
  };
  useEffect(() => {
    complianceApi.settings().then((r) => show(r.settings), (err: unknown) => setError(err));
  }, []);

  const toggle = (d: number) => setDays((old) => (old.includes(d) ? old.filter((x) => x !== d) : [...old, d].sort((a, b) => a - b)));
  const save = () =>
    complianceApi.putSettings({ callingHours: { start, end, days }, localPresence }).then(
      (r) => (show(r.settings), setSavedNow(true), setError(null)),
      (err: unknown) => (setError(err), setSavedNow(false)),
    );

  return (
    <section className="card" aria-label={t("hours.title")} data-testid="calling-hours">
      <div className="card-head">
        <h2>{t("hours.title")}</h2>
        <button onClick={save} disabled={!saved} data-testid="calling-hours-save">
          {t("common.save")}
        </button>
      </div>
      <div className="filters">
        <label>
          {t("hours.from")} <input type="time" value={start} onChange={(e) => setStart(e.target.value)} data-testid="calling-hours-start" />
        </label>
        <label>
          {t("hours.to")} <input type="time" value={end === "24:00" ? "23:59" : end} onChange={(e) => setEnd(e.target.value === "23:59" ? "24:00" : e.target.value)} data-testid="calling-hours-end" />
        </label>
        <span className="muted">{t("hours.calleeTime")}</span>
      </div>
      <div className="filters" role="group" aria-label={t("hours.days")}>
        {DAYS.map((d) => (
          <label key={d}>
            <input type="checkbox" checked={days.includes(d)} onChange={() => toggle(d)} /> {weekdayShort(locale, d)}
          </label>
        ))}
      </div>
      <div className="filters">
        <label>
          <input type="checkbox" checked={localPresence} onChange={(e) => setLocalPresence(e.target.checked)} data-testid="local-presence" /> {t("hours.localPresence")}
        </label>
      </div>
      {savedNow && <div className="banner">{t("common.saved")}</div>}
      {error !== null && <div className="banner error">{errorText(t, error)}</div>}
      <p className="fine">{t("hours.explain")}</p>
    </section>
  );
}
