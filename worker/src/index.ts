import { createApp } from "./app";
import { scheduled } from "./retention/cleanup";

export { AgentDialer } from "./dialer/agent-dialer";
export { Directory } from "./directory/directory";
export { RateLimiter } from "./aircall/rate-limiter";

const app = createApp();
/** HTTP (the Hono app) and the nightly retention cron (wrangler.jsonc `triggers.crons`). */
export default { fetch: app.fetch, scheduled } satisfies ExportedHandler<Env>;
