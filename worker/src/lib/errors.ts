import { ERROR_STATUS, type ErrorCode } from "@dialer/shared";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Throw from anywhere in a request: the app's error handler renders `{ error: { code, message } }`. */
export class ApiError extends HTTPException {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(ERROR_STATUS[code] as ContentfulStatusCode, { message });
  }
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
