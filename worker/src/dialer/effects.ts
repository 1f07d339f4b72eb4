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
export type WriteEffect = Extract<Effect, { type: "aircall.comment" | "aircall.tag" | "aircall.insight" }>;
export type AircallEffect = Extract<Effect, { type: "dial" | "lookup.dial" | "lookup.call" | "lookup.final" | "check.availability" }> | WriteEffect;
/** `retry`: a write that failed for now (5xx, no answer): sent again later. */
export type EffectOutcome = { event: MachineEvent | null } | { limited: number } | { retry: string };

const AIRCALL_EFFECTS = new Set(["dial", "lookup.dial", "lookup.call", "lookup.final", "check.availability", "aircall.comment", "aircall.tag", "aircall.insight"]);
export const isAircallEffect = (e: Effect): e is AircallEffect => AIRCALL_EFFECTS.has(e.type);
export const isWriteEffect = (e: Effect): e is WriteEffect => e.type === "aircall.comment" || e.type === "aircall.tag" || e.type === "aircall.insight";

/** What the writes need from the agent's object and the Directory. */
export type WriteContext = {
  tagIdFor(dispositionId: string): Promise<number | null>;
  forgetTag(dispositionId: string): Promise<void>;
  lastNote(phone: string): string | null;
};

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
    case "aircall.comment":
      return `comment:${e.callId}:${e.seq}`;
    case "aircall.tag":
      return `tag:${e.callId}:${e.dispositionId}`;
    case "aircall.insight":
      return `insight:${e.callId}`;
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

/** A write's answer: done, or again later (429, 5xx, no answer), or given up (another 4xx: logged). */
function written(r: Once, what: string): EffectOutcome {
  if (r.kind === "limited") return { limited: r.until };
  if (r.kind === "failed") return { retry: r.message };
  if (r.res.status >= 500) return { retry: text(r.res) };
  if (r.res.status >= 400) console.warn(`Aircall refused ${what}: ${text(r.res)}`);
  return { event: null };
}

/** The contact, shown in Aircall Workspace during the call (Aircall's insight card: under 10 KB). */
export function insightCard(e: Extract<Effect, { type: "aircall.insight" }>, lastNote: string | null) {
  const contents: Record<string, string>[] = [{ type: "title", text: (e.item.name ?? e.item.phone).slice(0, 200), ...(e.item.sourceUrl ? { link: e.item.sourceUrl } : {}) }];
  contents.push({ type: "shortText", label: "Number", text: e.item.phone });
  if (e.attempts > 1) contents.push({ type: "shortText", label: "Earlier attempts", text: String(e.attempts - 1) });
  if (lastNote) contents.push({ type: "shortText", label: "Last note", text: lastNote.slice(0, 1000) });
  return { contents };
}

export async function runAircallEffect(http: AircallHttp, agent: AgentRef, effect: AircallEffect, ctx?: WriteContext): Promise<EffectOutcome> {
  const sentAt = Date.now();
  switch (effect.type) {
    case "aircall.comment":
      return written(await http.once("POST", `/v1/calls/${effect.callId}/comments`, { body: { content: effect.content } }), `the note on call ${effect.callId}`);
    case "aircall.tag": {
      let tagId: number | null | undefined;
      try {
        tagId = await ctx?.tagIdFor(effect.dispositionId);
      } catch (err) {
        return { retry: (err as Error).message }; // Aircall could not be asked for the tag: later
      }
      if (tagId === null || tagId === undefined) {
        console.warn(`no Aircall tag for disposition ${effect.dispositionId}: it no longer exists`);
        return { event: null };
      }
      const r = await http.once("POST", `/v1/calls/${effect.callId}/tags`, { body: { tags: [tagId] } });
      const gone = r.kind === "response" && (r.res.status === 404 || (r.res.status === 400 && /tag/i.test(text(r.res))));
      if (gone && ctx) {
        await ctx.forgetTag(effect.dispositionId); // the tag was deleted in Aircall: found or made again next time
        return { retry: "the tag no longer exists in Aircall" };
      }
      return written(r, `the tag on call ${effect.callId}`);
    }
    case "aircall.insight": {
      const r = await http.once("POST", `/v1/calls/${effect.callId}/insight_cards`, { body: insightCard(effect, ctx?.lastNote(effect.item.phone) ?? null) });
      return r.kind === "limited" ? { limited: r.until } : { event: null }; // refused or failed: skipped quietly
    }
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
