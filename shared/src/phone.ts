import * as z from "zod";

/** E.164: "+" then 7 to 15 digits, no leading zero. */
export const E164 = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, "must be an E.164 phone number such as +15551234567");

/** "+1 800-123-4567" → "18001234567"; "anonymous" → "". Aircall formats numbers for display. */
export function digitsOnly(value: string | null | undefined): string {
  return (value ?? "").replace(/\D+/g, "");
}
