/** Request-log lines and call records behind a failed invariant, for the engineer who fixes it. */
import { digitsOnly } from "@dialer/shared";
import type { RequestLogEntry, SimCallSnapshot } from "../aircall-sim";

const time = (ms: number) => new Date(ms).toISOString().slice(11, 23);

function about(r: RequestLogEntry, userId: number, phone: string, callIds: string[]): boolean {
  const digits = digitsOnly(phone);
  if (r.path === `/v1/users/${userId}/calls`) {
    const to = (r.body as { to?: unknown } | null)?.to;
    return typeof to === "string" && digitsOnly(to) === digits;
  }
  if (r.path === "/v1/calls/search") {
    const q = r.query;
    return String(q.user_id) === String(userId) && typeof q.phone_number === "string" && digitsOnly(q.phone_number) === digits;
  }
  return callIds.some((id) => r.path.startsWith(`/v1/calls/${id}`));
}

export function requestLines(log: RequestLogEntry[], userId: number, phone: string, callIds: string[] = []): string[] {
  return log
    .filter((r) => about(r, userId, phone, callIds))
    .map((r) => {
      const q = Object.keys(r.query).length ? `?${new URLSearchParams(r.query as Record<string, string>).toString()}` : "";
      const body = r.method === "POST" && r.body !== undefined ? ` ${JSON.stringify(r.body)}` : "";
      return `${time(r.receivedAt)} ${r.method} ${r.path}${q}${body} → ${r.status} (${Math.round(r.durationMs)} ms)`;
    });
}

export function callLines(calls: SimCallSnapshot[], ids: string[]): string[] {
  return calls
    .filter((c) => ids.includes(c.id))
    .map((c) => {
      const faults = c.faults.map((f) => f.webhook).join(",") || "none";
      const events = c.events.map((e) => `${e.event.replace("call.", "")}${e.dropped ? "(dropped)" : ""}${e.delayedMs ? `(+${e.delayedMs}ms)` : ""}@${time(e.at)}`).join(" ");
      return `call ${c.id} user ${c.userId} to ${c.to}: ${c.outcome}, ${c.status}, started ${time(c.startedAt * 1000)}, webhook faults ${faults}${c.transfer ? ", transferred" : ""}; events ${events}`;
    });
}
