/** Records → Aircall JSON objects (field sets from aircall-api.md §3, §4, §7, §8). */
import { availabilityOf, type CallRecord, type NumberRecord, type UserRecord } from "./records";
import { displayFormat } from "./phone";
import type { SimState } from "./state";

type Json = Record<string, unknown>;

function userCore(s: SimState, u: UserRecord, version: "v1" | "v2"): Json {
  return {
    id: u.id,
    direct_link: `${s.baseUrl}/${version}/users/${u.id}`,
    name: u.name,
    email: u.email,
    available: u.open,
    availability_status: u.open ? "available" : "unavailable",
  };
}

/** Full user; V1 carries `numbers`, V2 does not. */
export function userObject(s: SimState, u: UserRecord, version: "v1" | "v2"): Json {
  const full: Json = {
    ...userCore(s, u, version),
    substatus: u.substatus,
    created_at: u.createdAt,
    time_zone: u.timeZone,
    language: u.language,
    wrap_up_time: u.wrapUpTime,
  };
  if (version === "v1") full.numbers = userNumbers(s, u).map((n) => numberObject(s, n));
  return full;
}

/** The shortened user nested in a call: no substatus, no wrap_up_time. */
export function userShort(s: SimState, u: UserRecord): Json {
  return { ...userCore(s, u, "v1"), created_at: u.createdAt, time_zone: u.timeZone, language: u.language };
}

export function userNumbers(s: SimState, u: UserRecord): NumberRecord[] {
  return u.numberIds.flatMap((id) => s.numbers.get(id) ?? []);
}

export function numberObject(s: SimState, n: NumberRecord, withUsers = false): Json {
  const obj: Json = {
    id: n.id,
    direct_link: `${s.baseUrl}/v1/numbers/${n.id}`,
    name: n.name,
    digits: displayFormat(n.e164),
    created_at: n.createdAt,
    country: n.country,
    time_zone: n.timeZone,
    open: true,
    availability_status: "open",
    is_ivr: false,
    live_recording_activated: true,
    priority: null,
    messages: {},
  };
  if (withUsers) {
    obj.users = [...s.users.values()]
      .filter((u) => u.numberIds.includes(n.id))
      .map((u) => ({ ...userCore(s, u, "v1"), language: u.language }));
  }
  return obj;
}

export function availabilityRow(u: UserRecord): Json {
  return { id: u.id, availability: availabilityOf(u) };
}

/** The short user of a transfer target that is not one of the simulated users. */
function transferTarget(s: SimState, t: NonNullable<CallRecord["transfer"]>): Json {
  return {
    id: t.toUserId,
    direct_link: `${s.baseUrl}/v1/users/${t.toUserId}`,
    name: t.toName,
    email: "transfer.desk@example.com",
    available: true,
    availability_status: "available",
  };
}

function callCore(s: SimState, c: CallRecord): Json {
  const user = s.users.get(c.userId);
  const agent = user ? userShort(s, user) : null;
  return {
    id: c.id,
    direct_link: `${s.baseUrl}/v1/calls/${c.id.toString()}`,
    direction: "outbound",
    status: c.status,
    missed_call_reason: null,
    started_at: c.startedAt,
    answered_at: c.answeredAt,
    ended_at: c.endedAt,
    duration: c.duration,
    cost: "0",
    voicemail: null,
    recording: c.recording,
    asset: c.completed && c.answeredAt !== null ? `${s.baseUrl}/_sim/assets/${c.id.toString()}` : null,
    raw_digits: displayFormat(c.to),
    // After a transfer the call is the target's; the agent who placed it is transferred_by.
    user: c.transfer ? transferTarget(s, c.transfer) : agent,
    contact: null,
    archived: false,
    assigned_to: null,
    transferred_by: c.transfer ? agent : null,
    transferred_to: c.transfer ? transferTarget(s, c.transfer) : null,
    teams: [],
    comments: c.comments.map((m) => ({ id: m.id, content: m.content, posted_at: m.postedAt, posted_by: null })),
    tags: c.tagIds.flatMap((id) => s.tags.filter((t) => t.id === id)),
  };
}

/** The call as GET /v1/calls/:id shows it. */
export function callObject(s: SimState, c: CallRecord): Json {
  const n = s.numbers.get(c.numberId);
  return { ...callCore(s, c), sid: c.sid, number: n ? numberObject(s, n) : null };
}

/** Values Aircall never documented, sent under an "unknown_values" fault. */
export const UNKNOWN = { hangupCause: "sim_new_cause", createdStatus: "queued", field: "sim_new_field" } as const;

/**
 * The call as webhook `data`: `call_uuid`, `participants`, `hangup_cause`, `number.e164_digits`.
 * Under an "unknown_values" fault: a new hangup_cause once the call is done, an unexpected status
 * on call.created, and a field nobody knows.
 */
export function callWebhookData(s: SimState, c: CallRecord, event?: string): Json {
  const n = s.numbers.get(c.numberId);
  const user = s.users.get(c.userId);
  const participants: Json[] = [{ type: "external", phone_number: displayFormat(c.to) }];
  if (user) participants.push({ type: "user", id: user.id, name: user.name });
  const data: Json = {
    ...callCore(s, c),
    call_uuid: c.sid,
    hangup_cause: c.hangupCause,
    participants,
    number: n ? { ...numberObject(s, n), e164_digits: n.e164 } : null,
  };
  if (c.faults.some((f) => f.webhook === "unknown_values")) {
    if (c.status === "done") data.hangup_cause = UNKNOWN.hangupCause;
    if (event === "call.created") data.status = UNKNOWN.createdStatus;
    data[UNKNOWN.field] = { note: "a field this client does not know" };
  }
  return data;
}
