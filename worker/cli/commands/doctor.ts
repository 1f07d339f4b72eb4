import { AgentsResponse, DoctorAgentResponse, DoctorReport, type DoctorAgent } from "@dialer/shared";
import type { Args } from "../args";
import { CliError, type AdminApi } from "../client";
import * as d from "../doctor-checks";

/** GET /health without the token: reachable, and the worker's clock against this computer's. */
async function health(url: string): Promise<{ ok: boolean; detail: string; skewMs: number | null }> {
  const sentAt = Date.now();
  let res: Response;
  try {
    res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(15_000) });
  } catch (err) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message;
    return { ok: false, detail: `no answer from ${url}/health (${cause})`, skewMs: null };
  }
  const body = (await res.json().catch(() => null)) as { ok?: boolean; time?: string; error?: { code?: string; message?: string } } | null;
  if (res.status === 503 && body?.error?.code === "misconfigured") return { ok: true, detail: `${url} answers (but is misconfigured)`, skewMs: null };
  if (!res.ok || body?.ok !== true) return { ok: false, detail: `${url}/health answered HTTP ${res.status}: not the power dialer's worker`, skewMs: null };
  const time = Date.parse(body.time ?? "");
  return { ok: true, detail: `${url}/health answered in ${Date.now() - sentAt} ms`, skewMs: Number.isFinite(time) ? time - (sentAt + Date.now()) / 2 : null };
}

/**
 * `doctor`: checks a deployment end to end and says what to fix. Reads only (nothing is repaired);
 * exit code 1 when any check fails, 0 with warnings.
 */
export async function doctor(api: AdminApi, args: Args): Promise<{ code: number; out: string }> {
  const checks: d.Check[] = [d.checkAddress(api.url)];
  const h = await health(api.url);
  checks.push(d.checkReachable(h));
  if (!h.ok) return finish(checks, args, null, []);
  checks.push(d.checkLocalClock(h.skewMs));

  let report: DoctorReport;
  try {
    report = await api.call(DoctorReport, "GET", "/api/admin/doctor");
  } catch (err) {
    if (err instanceof CliError && err.code === "misconfigured") {
      checks.push(d.misconfigured(err.message.replace(/^.*misconfigured: /, "")));
      return finish(checks, args, null, []);
    }
    if (err instanceof CliError && err.code === "not_found") throw new CliError(`${api.url} has no /api/admin/doctor: deploy this version of the worker first.`);
    throw err;
  }
  checks.push(...d.checkSecrets(report), d.checkOrigins(report), d.checkAircallKey(report), d.checkRateLimit(report), d.checkAircallClock(report), d.checkWebhook(report));

  const agents: DoctorAgent[] = [];
  if (report.aircall.keyValid) {
    const { agents: enrolled } = await api.call(AgentsResponse, "GET", "/api/admin/agents");
    if (!enrolled.length) checks.push(d.noAgents());
    for (const a of enrolled) {
      const { agent } = await api.call(DoctorAgentResponse, "GET", `/api/admin/doctor/agents/${encodeURIComponent(a.agentId)}`);
      agents.push(agent);
      checks.push(d.checkAgent(agent));
    }
  }
  return finish(checks, args, report, agents);
}

function finish(checks: d.Check[], args: Args, report: DoctorReport | null, agents: DoctorAgent[]) {
  const code = d.exitCode(checks);
  return { code, out: args.json ? JSON.stringify({ ok: code === 0, checks, report, agents }, null, 2) : d.render(checks) };
}
