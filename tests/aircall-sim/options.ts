/** Default options and the seed data they describe. */
import type { SimOptions, SimUserSpec } from "./types";
import type { NumberRecord, TagRecord, UserRecord } from "./records";
import { countryOf, toE164 } from "./phone";
import { FaultRatesSchema } from "./schemas";

export const DEMO_USER: SimUserSpec = {
  id: 1001,
  name: "Demo Agent",
  email: "demo.agent@example.com",
  numbers: [{ id: 2001, digits: "+1 555-010-0000", name: "Sales line" }],
  wrapUpTime: 0,
};

export function defaultOptions(): SimOptions {
  return {
    port: 0,
    apiId: "sim-api-id",
    apiToken: "sim-api-token",
    webhookUrl: undefined,
    webhookToken: "sim-webhook-token",
    ratePerMinute: 60,
    resetUnit: "seconds",
    createdDelayMs: 150,
    ringMs: 2000,
    talkMs: 3000,
    endedDelayMs: 30_000,
    wrapUpMs: undefined,
    reorderGapMs: 50,
    webhookTimeoutMs: 5000,
    webhookRetries: 3,
    webhookRetryBaseMs: 200,
    users: [DEMO_USER],
    firstCallId: "9007199254740993",
    userEventSpelling: "v2",
    listDelayMs: 5000,
    listJitterMs: 0,
    getCallDelayMs: 0,
    startTimeoutMs: 12_000,
    webhookDelayMaxMs: 5000,
    externalLoadPerMin: 0,
    seed: 1,
    faultRates: {},
    beforeResetGraceMs: 250,
  };
}

export function resolveOptions(opts: Partial<SimOptions> = {}): SimOptions {
  const merged = { ...defaultOptions() };
  for (const [k, v] of Object.entries(opts)) {
    if (v !== undefined || k === "webhookUrl") (merged as Record<string, unknown>)[k] = v;
  }
  if (!/^\d+$/.test(merged.firstCallId)) throw new Error("firstCallId must be a decimal integer");
  merged.faultRates = FaultRatesSchema.parse(merged.faultRates);
  return merged;
}

const SEED_TIME = "2024-01-15T09:30:00.000Z";

export function seedUsers(specs: SimUserSpec[]): { users: UserRecord[]; numbers: NumberRecord[] } {
  const numbers = new Map<number, NumberRecord>();
  const users = specs.map((s): UserRecord => {
    for (const n of s.numbers) {
      if (numbers.has(n.id)) continue;
      const e164 = toE164(n.digits);
      numbers.set(n.id, {
        id: n.id,
        name: n.name ?? `Line ${n.id}`,
        e164,
        createdAt: SEED_TIME,
        country: countryOf(e164) ?? (e164.startsWith("+1") ? "US" : null),
        timeZone: s.timeZone ?? "America/New_York",
      });
    }
    return {
      id: s.id,
      name: s.name,
      email: s.email,
      createdAt: SEED_TIME,
      timeZone: s.timeZone ?? "America/New_York",
      language: "en-US",
      wrapUpTime: s.wrapUpTime ?? 0,
      numberIds: s.numbers.map((n) => n.id),
      connected: s.availability !== "offline",
      open: s.availability !== "do_not_disturb",
      activity: null,
      wrapUpSeq: 0,
      substatus: null,
    };
  });
  return { users, numbers: [...numbers.values()] };
}

export function seedTags(): TagRecord[] {
  return [
    { id: 1, name: "Interested", color: "#00B388" },
    { id: 2, name: "Not interested", color: "#FF5C5C" },
    { id: 3, name: "Call back", color: "#F5A623" },
  ];
}
