import { formatZodError } from "@dialer/shared";
import { validator } from "hono/validator";
import type * as z from "zod";
import { ApiError } from "./errors";

/** hono's validator with a zod schema: a bad body or query is a 400 with zod's message. */
export function valid<T extends z.ZodType>(target: "json" | "query" | "param", schema: T) {
  return validator(target, (value): z.infer<T> => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new ApiError("validation_failed", formatZodError(parsed.error));
    return parsed.data;
  });
}

type OkOrError<T> = { ok: true; value: T } | { ok: false; code: ConstructorParameters<typeof ApiError>[0]; message: string };

/** A Durable Object's Result as a value, or the matching API error. */
export function unwrap<T>(result: OkOrError<T>): T {
  if (!result.ok) throw new ApiError(result.code, result.message);
  return result.value;
}
