/**
 * GET /_sim/: a small page to watch and steer a run. It shows users, calls and recent events
 * (refreshed every second) and steers through the control API: how the next calls end, each
 * user's availability, and faults (a failing dial, a call that never ends, a webhook outage).
 */
import type { SimStateSnapshot } from "./snapshot";
import { AVAILABILITIES } from "./types";

/** A button that POSTs a JSON body to a control route; the inline script below sends it. */
function action(label: string, path: string, body: unknown, testId: string): string {
  return `<button type="button" data-post="${esc(path)}" data-body="${esc(JSON.stringify(body))}" data-testid="${esc(testId)}">${esc(label)}</button>`;
}

const OUTCOMES = [["answered", "Answered"], ["no_answer", "No answer"], ["busy", "Busy"], ["voicemail", "Voicemail"]] as const;
const FAULTS: [string, string, unknown, string][] = [
  ["Next dial refused: 405 user not available", "/_sim/faults", { status: 405 }, "fault-405"],
  ["Next dial fails: 503", "/_sim/faults", { status: 503 }, "fault-503"],
  ["Next dial times out", "/_sim/faults", { timeout: true }, "fault-timeout"],
  ["Next call never ends (stuck)", "/_sim/faults", { webhook: "never_end", mode: "stuck" }, "fault-never-end"],
  ["Drop the next call.ended webhook", "/_sim/faults", { webhook: "drop", event: "call.ended" }, "fault-drop-ended"],
  ["Webhooks down for 30 s", "/_sim/webhooks/outage", { ms: 30_000 }, "fault-outage"],
];

/** Sends a button's POST, says what happened, and refreshes the live part of the page every second. */
const SCRIPT = `
const note = document.getElementById("steer-result");
document.addEventListener("click", async (e) => {
  const b = e.target.closest("button[data-post]");
  if (!b) return;
  const res = await fetch(b.dataset.post, { method: "POST", headers: { "content-type": "application/json" }, body: b.dataset.body });
  const text = await res.text();
  note.textContent = (res.ok ? "Done: " : "Refused (" + res.status + "): ") + b.textContent + (res.ok ? "" : " — " + text);
});
setInterval(async () => {
  const res = await fetch(location.href, { cache: "no-store" }).catch(() => null);
  if (!res || !res.ok) return;
  const doc = new DOMParser().parseFromString(await res.text(), "text/html");
  const live = doc.getElementById("live");
  if (live) document.getElementById("live").replaceWith(live);
}, 1000);
`;

function esc(v: unknown): string {
  return String(v ?? "").replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function time(ms: number): string {
  return new Date(ms).toISOString().slice(11, 23);
}

function table(headers: string[], rows: unknown[][]): string {
  const head = headers.map((h) => `<th>${esc(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body || `<tr><td colspan="${headers.length}">none</td></tr>`}</tbody></table>`;
}

export function renderControlPage(st: SimStateSnapshot): string {
  const users = table(
    ["id", "name", "availability", "status", "wrap-up (s)", "numbers"],
    st.users.map((u) => [u.id, u.name, u.availability, u.availabilityStatus, u.wrapUpTime, u.numberIds.join(", ")]),
  );
  const availability = st.users
    .map((u) => `<p>${esc(u.name)} (${esc(u.id)}): ${AVAILABILITIES.map((a) => action(a.replace(/_/g, " "), `/_sim/users/${u.id}/availability`, { availability: a }, `avail-${u.id}-${a}`)).join(" ")}</p>`)
    .join("");
  const outcomes = OUTCOMES.map(([o, label]) => action(label, "/_sim/script", { default: { outcome: o } }, `outcome-${o}`)).join(" ");
  const faults = FAULTS.map(([label, path, body, id]) => action(label, path, body, id)).join(" ");
  const calls = table(
    ["id", "user", "to", "outcome", "status", "duration", "events"],
    [...st.calls].reverse().slice(0, 50).map((c) => [
      c.id,
      c.userId,
      c.to,
      c.outcome,
      c.stuck ? `${c.status} (stuck)` : c.status,
      c.duration,
      c.events.map((e) => (e.dropped ? `(${e.event} dropped)` : e.event)).join(" → "),
    ]),
  );
  const events = table(
    ["time", "event", "call", "user", "deliveries"],
    [...st.recentEvents].reverse().slice(0, 50).map((e) => [
      time(e.at),
      e.event,
      e.callId ?? "",
      e.userId ?? "",
      e.dropped ? "dropped" : e.deliveries.map((d) => `#${d.attempt} ${d.status ?? d.error}`).join(", "),
    ]),
  );
  const c = st.counters;
  const d = st.script.default;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Aircall simulator</title><style>
body{font:13px system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin-bottom:1.5em}
td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f3f3f3}h2{font-size:15px}
.steer{background:#f6f8fa;border:1px solid #d0d7de;border-radius:8px;padding:4px 14px;margin-bottom:1.5em}
button{font:inherit;margin:2px}#steer-result{font-weight:600}
</style></head><body><h1>Aircall simulator</h1>
<section class="steer" aria-label="Steer"><h2>Steer</h2>
<p>Calls from now on end as: ${outcomes} <span class="hint">(replaces any per-number script)</span></p>
<p>Faults: ${faults}</p>
<h2>Availability in Aircall</h2>${availability}
<p id="steer-result" role="status" data-testid="steer-result"></p></section>
<div id="live"><p>${esc(st.url)} · requests ${c.requests} (429: ${c.rateLimited}) · in window ${st.rate.inWindow}/${st.rate.limit}
 · calls ${c.callsPlaced} · deliveries ${c.webhookDeliveries} (failed ${c.webhookFailures})
 · calls end as <strong data-testid="default-outcome">${esc(d.outcome)}</strong>
 · pending faults ${st.faults.startCall.length + st.faults.webhook.length}</p>
<h2>Users</h2>${users}<h2>Calls</h2>${calls}<h2>Recent events</h2>${events}</div>
<script>${SCRIPT}</script></body></html>`;
}
