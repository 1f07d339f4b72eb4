/** GET /_sim/: a small self-refreshing page to watch a run (users, calls, recent events). */
import type { SimStateSnapshot } from "./snapshot";

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
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="refresh" content="1">
<title>Aircall simulator</title><style>
body{font:13px system-ui,sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse;margin-bottom:1.5em}
td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}th{background:#f3f3f3}h2{font-size:15px}
</style></head><body><h1>Aircall simulator</h1>
<p>${esc(st.url)} · requests ${c.requests} (429: ${c.rateLimited}) · in window ${st.rate.inWindow}/${st.rate.limit}
 · calls ${c.callsPlaced} · deliveries ${c.webhookDeliveries} (failed ${c.webhookFailures})</p>
<h2>Users</h2>${users}<h2>Calls</h2>${calls}<h2>Recent events</h2>${events}</body></html>`;
}
