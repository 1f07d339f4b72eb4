import type { AccessClaims } from "@dialer/shared";

export type AppEnv = { Bindings: Env; Variables: { agent: AccessClaims; actor: string } };
