/**
 * CLI: `pnpm --filter @dialer/tests sim`. Env: SIM_PORT (4010), SIM_WEBHOOK_URL
 * (http://127.0.0.1:8787/webhooks/aircall), SIM_WEBHOOK_TOKEN, SIM_API_ID, SIM_API_TOKEN,
 * SIM_RATE_LIMIT_PER_MIN, SIM_ENDED_DELAY_MS, SIM_RING_MS, SIM_TALK_MS, SIM_WRAP_UP_SECONDS,
 * SIM_LIST_DELAY_MS (5000), SIM_LIST_JITTER_MS, SIM_EXTERNAL_LOAD_PER_MIN, SIM_SEED.
 */
import { DEMO_USER, startSimulator } from "./index";
import type { SimOptions } from "./types";

function intEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return n;
}

function optionsFromEnv(): Partial<SimOptions> {
  const env = process.env;
  const wrapUp = intEnv("SIM_WRAP_UP_SECONDS");
  return {
    port: intEnv("SIM_PORT") ?? 4010,
    webhookUrl: env.SIM_WEBHOOK_URL || "http://127.0.0.1:8787/webhooks/aircall",
    webhookToken: env.SIM_WEBHOOK_TOKEN || undefined,
    apiId: env.SIM_API_ID || undefined,
    apiToken: env.SIM_API_TOKEN || undefined,
    ratePerMinute: intEnv("SIM_RATE_LIMIT_PER_MIN"),
    endedDelayMs: intEnv("SIM_ENDED_DELAY_MS"),
    ringMs: intEnv("SIM_RING_MS"),
    talkMs: intEnv("SIM_TALK_MS"),
    listDelayMs: intEnv("SIM_LIST_DELAY_MS"),
    listJitterMs: intEnv("SIM_LIST_JITTER_MS"),
    externalLoadPerMin: intEnv("SIM_EXTERNAL_LOAD_PER_MIN"),
    seed: intEnv("SIM_SEED"),
    users: wrapUp === undefined ? undefined : [{ ...DEMO_USER, wrapUpTime: wrapUp }],
  };
}

async function main(): Promise<void> {
  const sim = await startSimulator(optionsFromEnv());
  const o = sim.options;
  console.log(`Aircall simulator listening on ${sim.url}`);
  console.log(`  API credentials ${o.apiId}:${o.apiToken}, ${o.ratePerMinute} requests/min`);
  console.log(`  webhooks → ${o.webhookUrl ?? "(none)"}; watch at ${sim.url}/_sim/`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping the simulator`);
    sim.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
