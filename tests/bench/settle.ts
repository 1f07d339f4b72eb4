/**
 * `wrangler dev` builds the dashboard (worker/dashboard → public/admin) as it starts, and once its
 * file watcher is ready it builds it again, by design, and restarts the worker (the log says "The
 * file dashboard changed, restarting build..."): seconds after the first /health answers, up to a
 * minute on a busy machine. A POST in flight then gets a 503 "Your worker restarted mid-request".
 * The ingest figures wait for that second build and its restart before they start (or go on after
 * `timeoutMs` if it never comes).
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../system/start-system";
import { sleep } from "./lib";

const BUILT = join(ROOT, "worker/public/admin/app.js");
const mtime = () => {
  try {
    return statSync(BUILT).mtimeMs;
  } catch {
    return 0;
  }
};

export async function settleAfterStart(workerUrl: string, timeoutMs = 60_000): Promise<"rebuilt" | "quiet"> {
  const first = mtime();
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (mtime() !== first) {
      await sleep(3000); // the reload after the build
      for (let i = 0; i < 100 && !(await fetch(`${workerUrl}/health`).then((r) => r.ok, () => false)); i++) await sleep(200);
      return "rebuilt";
    }
    await sleep(200);
  }
  return "quiet";
}
