import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = fileURLToPath(new URL(".", import.meta.url));

describe("CLI (main.ts)", () => {
  it("starts from env, prints its URL, serves the API and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "main.ts"], {
      cwd: here,
      env: { ...process.env, SIM_PORT: "0", SIM_API_ID: "cli-id", SIM_API_TOKEN: "cli-token", SIM_RATE_LIMIT_PER_MIN: "7", SIM_WEBHOOK_URL: "http://127.0.0.1:9/none", SIM_LIST_DELAY_MS: "1234", SIM_LIST_JITTER_MS: "500", SIM_EXTERNAL_LOAD_PER_MIN: "3", SIM_SEED: "9" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 10_000);
      child.stdout.on("data", () => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
    });
    const res = await fetch(`${url}/v1/ping`, { headers: { authorization: `Basic ${Buffer.from("cli-id:cli-token").toString("base64")}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-aircallapi-limit")).toBe("7");
    const { options } = (await (await fetch(`${url}/_sim/state`)).json()) as { options: Record<string, unknown> };
    expect(options).toMatchObject({ listDelayMs: 1234, listJitterMs: 500, externalLoadPerMin: 3, seed: 9 });
    const code = await new Promise<number | null>((resolve) => {
      child.on("exit", (c) => resolve(c));
      child.kill("SIGTERM");
    });
    expect(code).toBe(0);
  });
});
