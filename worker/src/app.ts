import { ERROR_STATUS, type ErrorCode } from "@dialer/shared";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./app-env";
import { ApiError, errorBody } from "./lib/errors";
import { allowedOrigins, settings, settingsProblem } from "./settings";
import { registerAdmin } from "./routes/admin";
import { registerAuth } from "./routes/auth";
import { registerCampaign } from "./routes/campaign";
import { registerDialer } from "./routes/dialer";
import { registerDialerCheck } from "./routes/dialer-check";
import { registerHistory } from "./routes/history";
import { registerWebhooks } from "./routes/webhooks";
import { registerWs } from "./routes/ws";

const CODE_BY_STATUS: Record<number, ErrorCode> = { 400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 413: "payload_too_large" };

export function createApp() {
  const app = new Hono<AppEnv>();
  app.use("*", secureHeaders());
  // Weak or missing secrets: every request gets the same clear answer naming the setting.
  app.use("*", async (c, next) => {
    const problem = settingsProblem(c.env);
    if (problem) {
      console.error(`worker misconfigured: ${problem}`);
      return c.json(errorBody("misconfigured", problem), 503);
    }
    await next();
  });
  app.use(
    "/api/*",
    cors({
      origin: (origin, c) => (allowedOrigins(settings(c.env)).some((re) => re.test(origin)) ? origin : null),
      allowHeaders: ["authorization", "content-type"],
      allowMethods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"],
      maxAge: 600,
    }),
  );
  // 10,000 queue items fit in 4 MB; everything else is far smaller.
  app.use("/api/*", bodyLimit({ maxSize: 4 * 1024 * 1024, onError: () => { throw new ApiError("payload_too_large", "request body over 4 MB"); } }));

  app.get("/health", (c) => c.json({ ok: true, time: new Date().toISOString() }));
  registerWebhooks(app);
  registerAuth(app);
  registerDialer(app);
  registerDialerCheck(app);
  registerCampaign(app);
  registerHistory(app);
  registerWs(app);
  registerAdmin(app);

  app.notFound((c) => c.json(errorBody("not_found", `no route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(errorBody(err.code, err.message), err.status);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = CODE_BY_STATUS[status] ?? (status < 500 ? "bad_request" : "internal");
      return c.json(errorBody(code, err.message || "bad request"), status);
    }
    console.error("unhandled error", err);
    return c.json(errorBody("internal", "internal error"), ERROR_STATUS.internal);
  });
  return app;
}
