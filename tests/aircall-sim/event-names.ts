/**
 * Webhook event names a webhook created without `events` subscribes to (aircall-api.md §8).
 * The message, conversation-intelligence, AI-voice-agent and analytics families are left out:
 * the simulator never generates them.
 */
const CALL_EVENTS = [
  "call.created",
  "call.ringing_on_agent",
  "call.agent_declined",
  "call.answered",
  "call.transferred",
  "call.external_transferred",
  "call.unsuccessful_transfer",
  "call.hungup",
  "call.ended",
  "call.hold",
  "call.unhold",
  "call.ivr_option_selected",
  "call.comm_assets_generated",
  "call.voicemail_left",
  "call.assigned",
  "call.archived",
  "call.tagged",
  "call.untagged",
  "call.commented",
];

const USER_EVENTS = [
  "user.created",
  "user.deleted",
  "user.connected",
  "user.disconnected",
  "user.opened",
  "user.closed",
  "user.wut_start",
  "user.wut_end",
];

const OTHER_EVENTS = [
  "number.created",
  "number.opened",
  "number.closed",
  "number.deleted",
  "contact.created",
  "contact.updated",
  "contact.deleted",
];

export const ALL_EVENTS: readonly string[] = [
  ...CALL_EVENTS,
  ...USER_EVENTS.map((e) => `${e}.v2`),
  ...USER_EVENTS,
  ...OTHER_EVENTS,
];

export const MAX_WEBHOOKS = 100;
/** A registered webhook is disabled after this many failed deliveries in a row. */
export const DISABLE_AFTER_FAILURES = 10;
