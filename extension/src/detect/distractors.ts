/**
 * Context heuristics that veto a candidate libphonenumber accepted. libphonenumber already
 * rejects most dates, ids and prices on its own; these catch the look-alikes it lets through
 * (a 10-digit order number, a price in an unusual format, a number glued to a longer token).
 */

/** Words that, right before a bare digit run, mean "this is a reference, not a phone". */
const REFERENCE_WORDS =
  /(?:order|invoice|inv|ref(?:erence)?|id|account|acct|ticket|case|tracking|po|sku|serial|no\.?|nr\.?|number|#)\s*[:#-]?\s*$/i;
const PHONE_WORDS = /(?:phone|tel|mobile|cell|fax|call|direct|office|work|home|ph)\.?\s*[:#-]?\s*$/i;
const CURRENCY_BEFORE = /[$€£¥₹]\s*$|\b(?:USD|EUR|GBP|CAD|AUD|CHF)\s*$/;
const CURRENCY_AFTER = /^\s*(?:[$€£¥₹]|(?:USD|EUR|GBP|CAD|AUD|CHF)\b)/;
/** A token character glued to the candidate: part of an IP, version, UUID or long id. */
const GLUED_BEFORE = /[\p{L}\d_./:-]$/u;
const GLUED_AFTER = /^(?:[\p{L}\d_]|[./:-]\d)/u;
const DATE = /\b(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})\b/;
const TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\b/;
const THOUSANDS = /\d{1,3}(?:[,.]\d{3}){2,}(?:[.,]\d{2})?\b/;
/** 13–19 digits in groups of four: a payment card, not a phone. */
const CARD_LIKE = /^\d{4}([ -]?)\d{4}\1\d{4}\1\d{1,7}$/;

export type Candidate = {
  /** The matched text as it appears on the page. */
  raw: string;
  /** Text before the match (within the same block of text). */
  before: string;
  /** Text after the match (within the same block of text). */
  after: string;
  /** True when the number was written with a leading "+" or international prefix. */
  international: boolean;
};

/** Returns the reason a candidate looks like something other than a phone number, or null. */
export function distractorReason(candidate: Candidate): string | null {
  const { raw, before, after } = candidate;
  const trimmed = raw.trim();
  if (GLUED_BEFORE.test(before) && !/[(+]$/.test(before)) return "glued-before";
  if (GLUED_AFTER.test(after)) return "glued-after";
  if (CURRENCY_BEFORE.test(before) || CURRENCY_AFTER.test(after)) return "price";
  if (DATE.test(trimmed) && !candidate.international) return "date";
  if (TIME.test(trimmed)) return "time";
  if (THOUSANDS.test(trimmed) && !candidate.international) return "price";
  if (CARD_LIKE.test(trimmed)) return "card";
  const bare = /^\d+$/.test(trimmed);
  const lead = before.slice(-24);
  if (/#\s*$/.test(lead)) return "reference";
  if (bare && REFERENCE_WORDS.test(lead) && !PHONE_WORDS.test(lead)) return "reference";
  return null;
}
