import { createApp } from "./app";

export { AgentDialer } from "./dialer/agent-dialer";
export { Directory } from "./directory/directory";
export { RateLimiter } from "./aircall/rate-limiter";

const app = createApp();
export default app;
