/**
 * The effects that talk to Aircall, each sent once (the AgentDialer took the rate-limit slot and keeps
 * any wait in durable state). Each answers with the event to feed back to the machine, or `limited`
 * when Aircall said 429: nothing happened, send it again after `until`.
 */
import { aircallErrorText, AvailabilityResponse, CallResponse, CallsList, type StartCallBody } from "@dialer/shared";
import type { AircallHttp, AircallResponse, Once } from "../aircall/client";
import type { DialResult, Effect, MachineEvent } from "./machine-types";
import { toCallInfo } from "./webhook-event";

export type AgentRef = { aircallUserId: number; numberId: number };
export type AircallEffect = Extract<Effect, { type: "dial" | "lookup.dial" | "lookup.call" | "lookup.final" | "check.availability" }>;
export type EffectOutcome = { event: MachineEvent | null } | { limited: number };

export const isAircallEffect = (e: Effect): e is AircallEffect =>
  e.type === "dial" || e.type === "lookup.dial" || e.type === "lookup.call" || e.type === "lookup.final" || e.type === "check.availability";

/** One durable key per piece of work: a newer request for the same work replaces a waiting one. */
export function effectKey(e: AircallEffect): string {
  switch (e.type) {
    case "dial":
      return `dial:${e.dialId}:${e.attempt}`;
    case "lookup.dial":
    case "lookup.call":
      return `lookup:${e.dialId}`;
    case "lookup.final":
      return `final:${e.callId}`;
    case "check.availability":
      return "availability";
  }
}

function text(res: AircallResponse): string {
  const t = typeof res.body === "string" ? res.body.slice(0, 200) : aircallErrorText(res.body);
  return `${res.status}${t ? ` ${t}` : ""}`;
}

/** POST /v1/users/:id/calls, classified. A 429 placed nothing; a timeout or 5xx may have. */
export function classifyStart(r: Once): DialResult | { limited: number } {
  if (r.kind === "limited") return { limited: r.until };
  if (r.kind === "failed") return { kind: "uncertain", message: r.message };
  const { res } = r;
  const message = text(res);
  if (res.status >= 200 && res.status < 300) return { kind: "sent" };
  if (res.status === 400 || res.status === 422) return { kind: "rejected", message };
  if (res.status === 405) return { kind: "unavailable", message };
  if (res.status === 401 || res.status === 403 || res.status === 404) return { kind: "refused", message };
  return { kind: "uncertain", message };
}

export async function runAircallEffect(http: AircallHttp, agent: AgentRef, effect: AircallEffect): Promise<EffectOutcome> {
  const sentAt = Date.now();
  switch (effect.type) {
    case "dial": {
      const body: StartCallBody = { number_id: agent.numberId, to: effect.phone };
      const result = classifyStart(await http.once("POST", `/v1/users/${agent.aircallUserId}/calls`, { body }));
      if ("limited" in result) return result;
      if (result.kind !== "sent") console.warn(`start call ${effect.dialId}/${effect.attempt}: ${result.kind} ${"message" in result ? result.message : ""}`);
      return { event: { type: "dial.result", dialId: effect.dialId, attempt: effect.attempt, result, now: Date.now() } };
    }
    case "lookup.dial": {
      const r = await http.once("GET", "/v1/calls/search", {
        query: { user_id: agent.aircallUserId, phone_number: effect.phone, direction: "outbound", from: Math.floor(effect.fromMs / 1000), order: "desc", per_page: 10 },
      });
      if (r.kind === "limited") return { limited: r.until };
      const base = { type: "lookup.result" as const, dialId: effect.dialId, seq: effect.seq, searchedAt: sentAt, now: Date.now() };
      if (r.kind === "failed") return { event: { ...base, error: r.message } };
      if (r.res.status !== 200) return { event: { ...base, error: `search answered ${text(r.res)}` } };
      const parsed = CallsList.safeParse(r.res.body);
      if (!parsed.success) return { event: { ...base, error: "search answered something that is not a list of calls" } };
      return { event: { ...base, calls: parsed.data.calls.map((c) => toCallInfo(c, agent.aircallUserId)) } };
    }
    case "lookup.call":
    case "lookup.final": {
      const callId = effect.callId;
      const r = await http.once("GET", `/v1/calls/${callId}`, {});
      if (r.kind === "limited") return { limited: r.until };
      const parsed = r.kind === "response" && r.res.status === 200 ? CallResponse.safeParse(r.res.body) : null;
      const call = parsed?.success ? toCallInfo(parsed.data.call, agent.aircallUserId) : null;
      if (effect.type === "lookup.final") return { event: { type: "final.result", callId, call, now: Date.now() } };
      const base = { type: "lookup.result" as const, dialId: effect.dialId, seq: effect.seq, searchedAt: sentAt, now: Date.now() };
      if (r.kind === "failed") return { event: { ...base, error: r.message } };
      if (r.res.status === 404) return { event: { ...base, calls: [] } }; // Aircall no longer knows the call
      if (!call) return { event: { ...base, error: r.res.status === 200 ? "the call read is not a call" : `reading the call answered ${text(r.res)}` } };
      return { event: { ...base, calls: [call] } };
    }
    case "check.availability": {
      const r = await http.once("GET", `/v1/users/${agent.aircallUserId}/availability`, {});
      if (r.kind === "limited") return { limited: r.until };
      const parsed = r.kind === "response" && r.res.status === 200 ? AvailabilityResponse.safeParse(r.res.body) : null;
      if (!parsed?.success) return { event: null }; // asked again at the next re-check
      return { event: { type: "availability", availability: parsed.data.availability, now: Date.now() } };
    }
  }
}
