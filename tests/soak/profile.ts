/** The two soak sizes: `--short` (in `pnpm test`, a few minutes) and the long one (≥ 1,000 calls, by hand). */
import type { FaultRates } from "../aircall-sim";

export interface SoakProfile {
  name: "short" | "long";
  agents: number;
  itemsPerAgent: number;
  /** Numbers each agent's list shares with the next agent's (never twice in one list). */
  sharedWithNext: number;
  delaySeconds: number;
  /** Simulator call timings (ms). */
  timings: { createdDelayMs: number; ringMs: number; talkMs: number; endedDelayMs: number };
  listDelayMs: number;
  listJitterMs: number;
  ratePerMinute: number;
  externalLoadPerMin: number;
  watchdogSeconds: number;
  faultRates: FaultRates;
  webhookDelayMaxMs: number;
  /** Seconds after the runs start: Workspace closes for some agents, the registered webhook fails, the worker restarts. */
  workspaceCloseAt: number;
  workspaceClosedFor: number;
  workspaceAgents: number;
  webhookOutageAt: number;
  /** The outage ends when Aircall disables the webhook, or after this long. */
  webhookOutageMaxSeconds: number;
  restartAt: number;
  /** Runs must complete within this many seconds of their start. */
  deadlineSeconds: number;
  /** A run that shows no progress for this long is stalled. */
  stallSeconds: number;
  /** After the runs: how long the history may take to get every call's final figures. */
  settleSeconds: number;
}

const FAULTS: FaultRates = {
  start5xxPlaced: 0.04,
  start5xxNotPlaced: 0.04,
  startTimeoutPlaced: 0.03,
  startTimeoutNotPlaced: 0.02,
  webhookDrop: 0.05,
  webhookDuplicate: 0.05,
  webhookDelay: 0.1,
  webhookReorder: 0.05,
  transfer: 0.05,
  unknownValues: 0.05,
};

export const SHORT: SoakProfile = {
  name: "short",
  agents: 6,
  itemsPerAgent: 8,
  sharedWithNext: 2,
  delaySeconds: 1,
  timings: { createdDelayMs: 300, ringMs: 1500, talkMs: 2500, endedDelayMs: 4000 },
  listDelayMs: 5000,
  listJitterMs: 5000,
  ratePerMinute: 60,
  externalLoadPerMin: 20,
  watchdogSeconds: 12,
  faultRates: FAULTS,
  webhookDelayMaxMs: 6000,
  workspaceCloseAt: 20,
  workspaceClosedFor: 15,
  workspaceAgents: 1,
  webhookOutageAt: 40,
  webhookOutageMaxSeconds: 40,
  restartAt: 75,
  deadlineSeconds: 165,
  stallSeconds: 90,
  settleSeconds: 40,
};

export const LONG: SoakProfile = {
  ...SHORT,
  name: "long",
  agents: 20,
  itemsPerAgent: 55,
  sharedWithNext: 5,
  listJitterMs: 15_000,
  externalLoadPerMin: 25,
  workspaceCloseAt: 120,
  workspaceClosedFor: 45,
  workspaceAgents: 3,
  webhookOutageAt: 400,
  webhookOutageMaxSeconds: 120,
  restartAt: 700,
  deadlineSeconds: 60 * 60,
  stallSeconds: 240,
  settleSeconds: 180,
};
