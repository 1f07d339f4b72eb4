/** Turns an Aircall webhook envelope into a machine event and a dedupe key. */
import {
  AircallCall,
  AircallUser,
  digitsOnly,
  isDialerCallEvent,
  isDialerUserEvent,
  normalizeEventName,
  type WebhookEnvelope,
} from "@dialer/shared";
import type { CallInfo, MachineEvent } from "./machine-types";

const ms = (s: number | null | undefined) => (s === null || s === undefined ? null : s * 1000);

/** `ownUserId`: the agent's Aircall user, to notice a call read from REST now belongs to someone else. */
export function toCallInfo(call: AircallCall, ownUserId?: number): CallInfo {
  const external = call.participants?.find((p) => p.type === "external")?.phone_number;
  const owner = call.user?.id;
  return {
    id: call.id,
    direction: call.direction,
    digits: digitsOnly(call.raw_digits && call.raw_digits !== "anonymous" ? call.raw_digits : external),
    startedAt: ms(call.started_at),
    answeredAt: ms(call.answered_at),
    endedAt: ms(call.ended_at),
    duration: call.duration ?? null,
    recording: call.recording ?? null,
    status: call.status ?? null,
    ...(ownUserId !== undefined && owner !== undefined && owner !== String(ownUserId) ? { transferredAway: true } : {}),
  };
}

export type RoutedEvent = { key: string; event: MachineEvent } | { ignored: string };

/** `now` is the arrival time. Unknown events are acknowledged and ignored. */
export function fromEnvelope(env: WebhookEnvelope, now: number): RoutedEvent {
  const name = normalizeEventName(env.event);
  if (isDialerCallEvent(name)) {
    const parsed = AircallCall.safeParse(env.data);
    if (!parsed.success) return { ignored: `malformed ${env.event} data` };
    const call = toCallInfo(parsed.data);
    return { key: `${name}:${call.id}`, event: { type: "call", event: name, call, now } };
  }
  if (isDialerUserEvent(name)) {
    const parsed = AircallUser.safeParse(env.data);
    if (!parsed.success) return { ignored: `malformed ${env.event} data` };
    // Several user.opened can legitimately arrive (one per session): dedupe on the delivery itself.
    const key = `${name}:${parsed.data.id}:${env.timestamp}:${parsed.data.substatus ?? ""}`;
    return { key, event: { type: "user", event: name, availability: parsed.data.availability_status ?? null, now } };
  }
  return { ignored: `event ${env.event} is not used by the dialer` };
}

/**
 * Which agent's Durable Object an event belongs to: data.user.id for calls, data.id for users. A
 * transfer goes to the agent who transferred (`transferred_by`), whose run must move on; `user` may
 * already name the receiver.
 */
export function routeUserId(env: WebhookEnvelope): string | null {
  const data = env.data as { id?: unknown; user?: { id?: unknown } | null; transferred_by?: { id?: unknown } | null };
  const isUser = env.resource === "user" || env.event.startsWith("user.");
  const raw = isUser ? data.id : (env.event === "call.transferred" && data.transferred_by?.id) || data.user?.id;
  if (typeof raw === "number" && Number.isInteger(raw)) return String(raw);
  if (typeof raw === "string" && /^\d+$/.test(raw)) return raw;
  return null;
}
