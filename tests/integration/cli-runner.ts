import { execFile } from "node:child_process";
import { join } from "node:path";
import { LOCAL, ROOT } from "../system/start-system";

/** What `pnpm admin …` printed and returned. */
export type CliRun = { code: number; stdout: string; stderr: string };

/**
 * Runs the admin CLI (`worker/cli/main.ts`) as a process against a worker, as an admin would:
 * the local admin token, no colours, `env` on top. Never throws; a non-zero exit is in `code`.
 */
export function runCli(workerUrl: string, args: string[], env: Record<string, string> = {}, timeoutMs = 60_000): Promise<CliRun> {
  const tsx = join(ROOT, "worker/node_modules/.bin/tsx");
  const fullEnv = { ...process.env, DIALER_URL: workerUrl, DIALER_ADMIN_TOKEN: LOCAL.adminToken, NO_COLOR: "1", ...env };
  return new Promise((resolve) => {
    execFile(tsx, [join(ROOT, "worker/cli/main.ts"), ...args], { env: fullEnv, timeout: timeoutMs }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}
