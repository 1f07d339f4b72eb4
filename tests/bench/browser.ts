/** Chromium (Debian's /usr/bin/chromium) with the unpacked e2e build, as TOOLCHAIN.md describes. */
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Worker } from "@playwright/test";
import { CHROMIUM, withExtension } from "../system/chromium";
import { ROOT } from "../system/start-system";

export { CHROMIUM };
/** E2E_EXTENSION_DIR: a copy of the e2e build, when another build may rewrite extension/build mid-run. */
export const E2E_BUILD = process.env.E2E_EXTENSION_DIR ?? join(ROOT, "extension/build/chrome-mv3-e2e");
export const PROD_BUILD = join(ROOT, "extension/build/chrome-mv3-prod");

/** Why the browser benchmarks cannot run here, or null when they can. */
export function browserUnavailable(): string | null {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found (apt-get install -y chromium)`;
  if (!existsSync(join(E2E_BUILD, "manifest.json"))) return "extension/build/chrome-mv3-e2e missing (run pnpm build:e2e)";
  return null;
}

export type ExtensionBrowser = { context: BrowserContext; sw: Worker; extensionId: string; close(): Promise<void> };

export async function launchWithExtension(dir = E2E_BUILD): Promise<ExtensionBrowser> {
  const profile = await mkdtemp(join(tmpdir(), "dialer-bench-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: withExtension(dir),
  });
  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker", { timeout: 20_000 }));
  return {
    context,
    sw,
    extensionId: new URL(sw.url()).host,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Offset of the service worker's clock from ours (sw − node, ms), from the tightest of n round trips. */
export async function clockOffset(sw: Worker, n = 20): Promise<{ offset: number; rtt: number }> {
  let best = { offset: 0, rtt: Infinity };
  for (let i = 0; i < n; i++) {
    const t0 = performance.timeOrigin + performance.now();
    const remote = await sw.evaluate(() => performance.timeOrigin + performance.now());
    const t1 = performance.timeOrigin + performance.now();
    if (t1 - t0 < best.rtt) best = { offset: remote - (t0 + t1) / 2, rtt: t1 - t0 };
  }
  return best;
}
