/** The dashboard's calls for dispositions (types only from the shared contract: no zod in the bundle). */
import type { Disposition } from "@dialer/shared";
import { HttpError, session } from "./api";

async function call<T>(method: string, body?: unknown): Promise<T> {
  const res = await fetch("/api/admin/dispositions", {
    method,
    headers: { authorization: `Bearer ${session.get()}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await res.json().catch(() => null)) as { dispositions?: Disposition[]; error?: { code?: string; message?: string } } | null;
  if (!res.ok) throw new HttpError(res.status, json?.error?.message ?? "", json?.error?.code);
  return json as T;
}

export const dispositionsApi = {
  get: () => call<{ dispositions: Disposition[] }>("GET"),
  put: (dispositions: Disposition[]) => call<{ dispositions: Disposition[] }>("PUT", { dispositions }),
};
