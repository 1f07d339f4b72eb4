/** Durable Object stubs: one dialer per Aircall user, one directory, one rate limiter. */
export function dialerFor(env: Env, aircallUserId: number | string) {
  return env.AGENT_DIALER.get(env.AGENT_DIALER.idFromName(`user:${aircallUserId}`));
}

export function directory(env: Env) {
  return env.DIRECTORY.get(env.DIRECTORY.idFromName("directory"));
}
