/** Aircall simulator: a local stand-in for Aircall's Public API that plays calls via webhooks. */
export { startSimulator } from "./simulator";
export type { Simulator, SimEvents, TimingsUpdate } from "./simulator";
export type {
  Availability,
  CallOutcome,
  Fault,
  FaultRates,
  Script,
  ScriptEntry,
  SimNumberSpec,
  SimOptions,
  SimTimings,
  SimUserSpec,
  StartCallFault,
  WebhookFault,
} from "./types";
export type { RequestLogEntry, SentEventRecord, DeliveryRecord } from "./records";
export type { SimCallSnapshot, SimStateSnapshot, SimUserSnapshot } from "./snapshot";
export type { PressureSnapshot, BeforeResetViolation } from "./pressure";
export type { WebhookDeliveryEvent } from "./webhook-sender";
export { DEMO_USER, defaultOptions } from "./options";
export { basicAuthHeader } from "./auth";
export { displayFormat } from "./phone";
export { ALL_EVENTS } from "./event-names";
