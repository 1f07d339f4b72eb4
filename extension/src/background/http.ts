import type * as z from "zod"

import { ErrorBody } from "@dialer/shared"

/** A failed call to the worker, carrying the worker's own message for the UI. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = "ApiError"
  }
}

export type Fetch = typeof fetch

/** Join the worker URL and a path without doubling slashes. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}${path.startsWith("/") ? path : `/${path}`}`
}

/** Read a worker response: errors become ApiError with the worker's message, bodies are validated. */
export async function readResponse<S extends z.ZodType>(res: Response, schema: S): Promise<z.infer<S>> {
  const text = await res.text()
  let body: unknown = null
  if (text) {
    try {
      body = JSON.parse(text)
    } catch (error) {
      throw new ApiError(res.status, "bad_response", `The worker answered ${res.status} with a body that is not JSON`)
    }
  }
  if (!res.ok) {
    const parsed = ErrorBody.safeParse(body)
    if (parsed.success) throw new ApiError(res.status, parsed.data.error.code, parsed.data.error.message)
    throw new ApiError(res.status, "http_error", `The worker answered ${res.status} ${res.statusText}`.trim())
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    throw new ApiError(res.status, "bad_response", `Unexpected answer from the worker: ${parsed.error.issues[0]?.message ?? "invalid"}`)
  }
  return parsed.data
}

/** Network failures (worker down, bad URL) as an ApiError too, so callers handle one type. */
export async function send(fetchFn: Fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetchFn(url, init)
  } catch (error) {
    throw new ApiError(0, "network", `Cannot reach the worker at ${new URL(url).origin} (${String(error)})`)
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
