import * as z from "zod";

/**
 * Aircall ids are Int64. Parse JSON with `parseAircallJson` (which turns long integers into
 * strings before JSON.parse can round them) and read ids through this schema: always a string.
 */
export const AircallId = z
  .union([z.string().regex(/^\d+$/, "must be a numeric id"), z.number().int().nonnegative()])
  .transform((v) => (typeof v === "number" ? String(v) : v));

const UnixSeconds = z.number().int().nonnegative();

export const AircallUserRef = z.looseObject({
  id: AircallId,
  name: z.string().nullish(),
  email: z.string().nullish(),
  available: z.boolean().nullish(),
  availability_status: z.string().nullish(),
});

export const AircallNumber = z.looseObject({
  id: AircallId,
  name: z.string().nullish(),
  digits: z.string().nullish(),
  e164_digits: z.string().nullish(),
  country: z.string().nullish(),
});
export type AircallNumber = z.infer<typeof AircallNumber>;

export const AircallUser = z.looseObject({
  id: AircallId,
  direct_link: z.string().nullish(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  available: z.boolean().nullish(),
  availability_status: z.string().nullish(),
  substatus: z.string().nullish(),
  created_at: z.string().nullish(),
  time_zone: z.string().nullish(),
  language: z.string().nullish(),
  wrap_up_time: z.number().nullish(),
  numbers: z.array(AircallNumber).nullish(),
});
export type AircallUser = z.infer<typeof AircallUser>;

/**
 * Lenient where Aircall may surprise us: a value of an unexpected type or a new enum value in a field
 * the dialer only reads for the record becomes null instead of dropping the whole event. Only the id
 * (and the fields we match on, which stay strings) must be right.
 */
const Lenient = <T extends z.ZodType>(t: T) => t.nullish().catch(null);
/** Aircall's times are UNIX seconds; a float or a numeric string is read too. */
const Seconds = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]).transform((v) => Math.floor(Number(v))).pipe(UnixSeconds);

export const AircallCall = z.looseObject({
  id: AircallId,
  direct_link: Lenient(z.string()),
  direction: z.enum(["inbound", "outbound"]).or(z.string()).catch("unknown"),
  status: Lenient(z.string()),
  missed_call_reason: Lenient(z.string()),
  started_at: Lenient(Seconds),
  answered_at: Lenient(Seconds),
  ended_at: Lenient(Seconds),
  duration: Lenient(z.number().transform((n) => Math.round(n))),
  raw_digits: Lenient(z.string()),
  recording: Lenient(z.string()),
  voicemail: Lenient(z.string()),
  hangup_cause: Lenient(z.string()),
  user: Lenient(AircallUserRef),
  number: Lenient(AircallNumber),
  transferred_by: Lenient(AircallUserRef),
  transferred_to: Lenient(AircallUserRef),
  participants: Lenient(
    z.array(z.looseObject({ type: z.string().catch("unknown"), phone_number: Lenient(z.string()), id: Lenient(AircallId) })),
  ),
});
export type AircallCall = z.infer<typeof AircallCall>;

/** The five-field envelope of every webhook delivery; `data` is checked per event below. */
export const WebhookEnvelope = z.looseObject({
  resource: z.string().min(1),
  event: z.string().min(1),
  timestamp: z.number(),
  token: z.string(),
  data: z.looseObject({}),
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelope>;

export const DIALER_CALL_EVENTS = [
  "call.created",
  "call.ringing_on_agent",
  "call.answered",
  "call.transferred",
  "call.hungup",
  "call.ended",
] as const;
export type DialerCallEvent = (typeof DIALER_CALL_EVENTS)[number];

export const DIALER_USER_EVENTS = [
  "user.opened",
  "user.closed",
  "user.connected",
  "user.disconnected",
  "user.wut_start",
  "user.wut_end",
] as const;
export type DialerUserEvent = (typeof DIALER_USER_EVENTS)[number];

/** The events the webhook subscribes to: call events plus both spellings of user events. */
export const SUBSCRIBED_EVENTS: string[] = [
  ...DIALER_CALL_EVENTS,
  ...DIALER_USER_EVENTS,
  ...DIALER_USER_EVENTS.map((e) => `${e}.v2`),
];

/** "user.opened.v2" → "user.opened"; other names unchanged. */
export function normalizeEventName(event: string): string {
  return event.endsWith(".v2") ? event.slice(0, -3) : event;
}

export function isDialerCallEvent(event: string): event is DialerCallEvent {
  return (DIALER_CALL_EVENTS as readonly string[]).includes(event);
}
export function isDialerUserEvent(event: string): event is DialerUserEvent {
  return (DIALER_USER_EVENTS as readonly string[]).includes(event);
}

// ---------- REST bodies ----------
export const StartCallBody = z.object({ number_id: z.number().int().positive(), to: z.string() });
export type StartCallBody = z.infer<typeof StartCallBody>;

/** Aircall's two error shapes: application `{error, troubleshoot}` and gateway `{message}`. */
export const AircallErrorBody = z.union([
  z.looseObject({ error: z.string(), troubleshoot: z.string().optional() }),
  z.looseObject({ message: z.string() }),
]);
export function aircallErrorText(body: unknown): string {
  const parsed = AircallErrorBody.safeParse(body);
  if (!parsed.success) return "";
  const b = parsed.data as { error?: string; troubleshoot?: string; message?: string };
  return [b.error ?? b.message, b.troubleshoot].filter(Boolean).join(": ");
}

export const PageMeta = z.looseObject({
  count: z.number().int().optional(),
  total: z.number().int().optional(),
  current_page: z.number().int().optional(),
  per_page: z.number().int().optional(),
  next_page_link: z.string().nullish(),
  previous_page_link: z.string().nullish(),
});

export const CallResponse = z.looseObject({ call: AircallCall });
/** One odd call in a list (say, an id that is not a number) is left out; it never fails the whole list. */
export const CallsList = z.looseObject({
  meta: PageMeta.optional(),
  calls: z.array(z.unknown()).transform((calls) =>
    calls.flatMap((c) => {
      const r = AircallCall.safeParse(c);
      return r.success ? [r.data] : [];
    }),
  ),
});
export const UserResponse = z.looseObject({ user: AircallUser });
export const UsersList = z.looseObject({ meta: PageMeta.optional(), users: z.array(AircallUser) });
export const NumbersList = z.looseObject({ meta: PageMeta.optional(), numbers: z.array(AircallNumber) });
export const AvailabilityResponse = z.looseObject({ availability: z.string() });

// ---------- users V2 (the V1 list/read endpoints are retired since 2026-09-30) ----------
/** GET /v2/users/:id_or_email and GET /v2/users rows: the V1 fields without `numbers`. */
export const AircallUserV2 = AircallUser.omit({ numbers: true });
export type AircallUserV2 = z.infer<typeof AircallUserV2>;
export const UserV2Response = z.looseObject({ user: AircallUserV2 });
export const UsersV2List = z.looseObject({ meta: PageMeta.optional(), users: z.array(AircallUserV2) });
/** GET /v2/users/:id/numbers: the numbers a user may call from, paginated under `numbers`. */
export const UserNumber = AircallNumber.extend({ flow_editor_enabled: z.boolean().nullish() });
export type UserNumber = z.infer<typeof UserNumber>;
export const UserNumbersList = z.looseObject({ meta: PageMeta.optional(), numbers: z.array(UserNumber) });
/** A number of GET /v1/numbers, which may list the users assigned to it. */
export const NumberWithUsers = AircallNumber.extend({ users: z.array(z.looseObject({ id: AircallId })).nullish() });
export type NumberWithUsers = z.infer<typeof NumberWithUsers>;
export const NumbersWithUsersList = z.looseObject({ meta: PageMeta.optional(), numbers: z.array(NumberWithUsers) });

export const AircallWebhook = z.looseObject({
  webhook_id: z.string(),
  url: z.string(),
  active: z.boolean(),
  events: z.array(z.string()),
  token: z.string(),
  custom_name: z.string().nullish(),
});
export type AircallWebhook = z.infer<typeof AircallWebhook>;
export const WebhookResponse = z.looseObject({ webhook: AircallWebhook });
export const WebhooksList = z.looseObject({ meta: PageMeta.optional(), webhooks: z.array(AircallWebhook) });

/**
 * JSON.parse that keeps integers too long for a double (Aircall's Int64 ids) as exact strings.
 * Only bare integer literals of 16+ digits outside strings are touched.
 */
export function parseAircallJson(text: string): unknown {
  let out = "";
  let i = 0;
  let last = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i += 2;
        else if (c === 34) break;
        else i++;
      }
      i++;
      continue;
    }
    if ((ch >= 48 && ch <= 57) || ch === 45 /* - */) {
      const start = i;
      i++;
      while (i < n) {
        const c = text.charCodeAt(i);
        if ((c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45) i++;
        else break;
      }
      const literal = text.slice(start, i);
      if (/^\d{16,}$/.test(literal)) {
        out += text.slice(last, start) + '"' + literal + '"';
        last = i;
      }
      continue;
    }
    i++;
  }
  return JSON.parse(last === 0 ? text : out + text.slice(last));
}
