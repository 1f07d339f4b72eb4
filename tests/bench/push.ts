/**
 * Push latency: the simulator sending `call.hungup` to the worker → a WebSocket client receiving
 * the `call.ended` message for that call. Primary: a Node `ws` client (api-client's socket), in the
 * simulator's process (one clock). Also, when Chromium and the e2e build exist: a WebSocket opened
 * inside the extension's service worker (its clock offset measured and removed).
 */
import type { WebhookDeliveryEvent } from "../aircall-sim";
import { AdminClient, request } from "../system/api-client";
import { baseline, enrollAgents, hrNow, items, simUsers, startBenchSystem, waitFor, type Bench } from "./lib";
import { browserUnavailable, clockOffset, launchWithExtension, type ExtensionBrowser } from "./browser";
import { percentile } from "./stats";

const CALLS = 100;

export const push: Bench = {
  id: "push",
  title: "Push latency (hang-up webhook → WebSocket call.ended)",
  async run(ctx) {
    const users = simUsers(1);
    const system = await startBenchSystem({ sim: { users, ratePerMinute: 10_000, createdDelayMs: 2, ringMs: 3, talkMs: 3, endedDelayMs: 300 } });
    const noBrowser = browserUnavailable();
    let browser: ExtensionBrowser | undefined;
    try {
      const { sim, workerUrl } = system;
      sim.setScript({ default: { outcome: "answered" } });
      const [agent] = await enrollAgents(workerUrl, users);
      const hungupAt = new Map<string, number>();
      sim.on("webhook", (e: WebhookDeliveryEvent) => {
        if (e.event !== "call.hungup" || e.attempt !== 1) return;
        const id = /"id":(\d+)/.exec(e.body)?.[1];
        if (id) hungupAt.set(id, e.sentAt);
      });
      const nodeAt = new Map<string, number>();
      const ws = await agent!.socket((m) => {
        if (m.type === "call.ended" && m.callId) nodeAt.set(m.callId, hrNow());
      });

      let offset = 0;
      if (noBrowser) ctx.log(`service-worker figure skipped: ${noBrowser}`);
      else {
        browser = await launchWithExtension();
        // A second session of the same agent, for the service worker's socket.
        const admin = new AdminClient(workerUrl);
        const agentId = (await admin.listAgents()).agents.find((a) => a.aircallUserId === users[0]!.id)!.agentId;
        const { enrollmentCode } = await admin.newCode(agentId);
        const { accessToken } = await request<{ accessToken: string }>(`${workerUrl}/api/auth/enroll`, { method: "POST", json: { code: enrollmentCode } });
        const { ticket } = await request<{ ticket: string }>(`${workerUrl}/api/auth/ws-ticket`, { method: "POST", token: accessToken });
        const wsUrl = `${workerUrl.replace(/^http/, "ws")}/api/ws?ticket=${encodeURIComponent(ticket)}`;
        await browser.sw.evaluate(async (url) => {
          const g = globalThis as unknown as { __benchPush: [string, number][]; __benchWs: WebSocket };
          g.__benchPush = [];
          const socket = new WebSocket(url);
          g.__benchWs = socket;
          socket.onmessage = (e) => {
            const at = performance.timeOrigin + performance.now();
            const m = JSON.parse(String(e.data)) as { type: string; callId?: string };
            if (m.type === "call.ended" && m.callId) g.__benchPush.push([m.callId, at]);
          };
          await new Promise((res, rej) => {
            socket.onopen = res;
            socket.onerror = () => rej(new Error("service worker WebSocket failed"));
          });
        }, wsUrl);
        const c = await clockOffset(browser.sw);
        offset = c.offset;
        ctx.log(`service worker clock offset ${c.offset.toFixed(2)} ms (round trip ${c.rtt.toFixed(2)} ms)`);
      }

      // Warm-up (not measured).
      await agent!.start(items(30, "warm"), 0);
      await waitFor("the warm-up run", async () => (await agent!.state()).status === "completed", 60_000, 100);
      for (let run = 0; run < ctx.runs; run++) {
        hungupAt.clear();
        nodeAt.clear();
        if (browser) await browser.sw.evaluate(() => void ((globalThis as unknown as { __benchPush: unknown[] }).__benchPush.length = 0));
        const base = await baseline(workerUrl);
        await agent!.start(items(CALLS, `r${run}`), 0);
        await waitFor("the run to complete", async () => (await agent!.state()).status === "completed", 120_000, 100);
        await waitFor("every call.ended message", () => nodeAt.size >= CALLS, 5000);
        const node = [...nodeAt].map(([id, at]) => at - hungupAt.get(id)!).filter(Number.isFinite);
        if (node.length !== CALLS) throw new Error(`paired ${node.length} of ${CALLS} pushes`);
        ctx.log(`run ${run + 1}: node ws p50 ${percentile(node, 50).toFixed(1)} p99 ${percentile(node, 99).toFixed(1)} ms; /health ${base.toFixed(2)} ms`);
        ctx.record({ name: "push_latency_ws_p50", value: percentile(node, 50), unit: "ms", baselineMs: base });
        ctx.record({ name: "push_latency_ws_p99", value: percentile(node, 99), unit: "ms", baselineMs: base, target: { op: "<", value: 50 } });
        if (browser) {
          const got = await browser.sw.evaluate(() => (globalThis as unknown as { __benchPush: [string, number][] }).__benchPush);
          const sw = got.map(([id, at]) => at - offset - hungupAt.get(id)!).filter(Number.isFinite);
          if (sw.length < CALLS) throw new Error(`service worker received ${sw.length} of ${CALLS} pushes`);
          ctx.log(`run ${run + 1}: service worker p50 ${percentile(sw, 50).toFixed(1)} p99 ${percentile(sw, 99).toFixed(1)} ms`);
          ctx.record({ name: "push_latency_sw_p50", value: percentile(sw, 50), unit: "ms", baselineMs: base });
          ctx.record({ name: "push_latency_sw_p99", value: percentile(sw, 99), unit: "ms", baselineMs: base, target: { op: "<", value: 50 } });
        }
      }
      ws.close();
    } finally {
      await browser?.close();
      await system.stop();
    }
  },
};
