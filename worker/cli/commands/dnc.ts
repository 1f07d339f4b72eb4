import { readFile, writeFile } from "node:fs/promises";
import { DncAddBody, DncAddResponse, DncListResponse, MAX_DNC_ADD, type DncEntry } from "@dialer/shared";
import * as z from "zod";
import { dncCsv, parseDncCsv, toE164 } from "../../src/compliance/dnc-csv";
import { intOption, UsageError, type Args } from "../args";
import type { AdminApi } from "../client";
import { table, when } from "../format";

const PATH = "/api/admin/dnc";
const E164 = /^\+[1-9]\d{6,14}$/;

function phonesFrom(values: string[], what: string): string[] {
  if (!values.length) throw new UsageError(`dnc ${what} needs at least one number in E.164, e.g. +12125550143`);
  return values.map((v) => {
    const phone = toE164(v);
    if (!phone) throw new UsageError(`"${v}" is not a phone number in E.164 (it needs its country code, e.g. +12125550143)`);
    return phone;
  });
}

/** POSTs the rows in requests of at most MAX_DNC_ADD numbers (one reason per request). */
async function addAll(api: AdminApi, rows: { phone: string; reason: string | null }[]) {
  const byReason = new Map<string | null, string[]>();
  for (const r of rows) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r.phone]);
  const total = { added: 0, alreadyListed: 0 };
  for (const [reason, phones] of byReason) {
    for (let i = 0; i < phones.length; i += MAX_DNC_ADD) {
      const body = DncAddBody.parse({ phones: phones.slice(i, i + MAX_DNC_ADD), ...(reason ? { reason } : {}) });
      const r = await api.call(DncAddResponse, "POST", PATH, body);
      total.added += r.added;
      total.alreadyListed += r.alreadyListed;
    }
  }
  return total;
}

async function every(api: AdminApi, q?: string): Promise<DncEntry[]> {
  const out: DncEntry[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: "1000", ...(q ? { q } : {}), ...(cursor ? { cursor } : {}) });
    const page: z.infer<typeof DncListResponse> = await api.call(DncListResponse, "GET", `${PATH}?${query}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * `dnc list [--q DIGITS] [--limit N] [--cursor PHONE]`, `dnc add <phone…> [--reason R]`,
 * `dnc remove <phone>`, `dnc import <file.csv> [--reason R] [--skip-invalid]`, `dnc export [file.csv]`:
 * the company's do-not-call list.
 */
export async function dnc(api: AdminApi, args: Args): Promise<string> {
  const [, sub = "list", ...rest] = args.positionals;
  switch (sub) {
    case "list": {
      const limit = intOption("limit", args.limit) ?? 100;
      if (limit > 1000) throw new UsageError("--limit must be at most 1000");
      if (args.cursor !== undefined && !E164.test(args.cursor)) throw new UsageError("--cursor must be the E.164 number the previous page ended with");
      const query = new URLSearchParams({ limit: String(limit), ...(args.q ? { q: args.q } : {}), ...(args.cursor ? { cursor: args.cursor } : {}) });
      const page = await api.call(DncListResponse, "GET", `${PATH}?${query}`);
      if (args.json) return JSON.stringify(page, null, 2);
      if (!page.items.length) return args.q ? `No number on the do-not-call list matches "${args.q}".` : "The do-not-call list is empty.";
      const rows = page.items.map((e) => [e.phone, e.reason, when(e.addedAt), e.addedBy]);
      const more = page.nextCursor ? `\nMore: pnpm admin dnc list --cursor ${page.nextCursor}${args.q ? ` --q ${args.q}` : ""}` : "";
      return table(["phone", "reason", "added", "by"], rows) + more;
    }
    case "add": {
      const r = await addAll(api, phonesFrom(rest, "add").map((phone) => ({ phone, reason: args.reason ?? null })));
      return args.json ? JSON.stringify(r) : `Added ${r.added}; ${r.alreadyListed} already on the list.`;
    }
    case "remove": {
      const [phone] = phonesFrom(rest.slice(0, 1), "remove");
      await api.call(z.unknown(), "DELETE", `${PATH}/${encodeURIComponent(phone!)}`);
      return `${phone} is off the do-not-call list.`;
    }
    case "import": {
      const file = rest[0];
      if (!file) throw new UsageError("dnc import needs a CSV file: phone[,reason] per line (a header row naming a phone column is fine)");
      const parsed = parseDncCsv(await readFile(file, "utf8"));
      if (parsed.invalid.length && !args["skip-invalid"]) {
        const shown = parsed.invalid.slice(0, 10).map((b) => `  line ${b.line}: "${b.value}"`).join("\n");
        throw new UsageError(`${file}: ${parsed.invalid.length} line(s) are not E.164 phone numbers (nothing imported):\n${shown}\nFix them, or pass --skip-invalid to import the rest.`);
      }
      if (!parsed.rows.length) throw new UsageError(`${file} has no phone numbers`);
      const rows = parsed.rows.map((r) => ({ phone: r.phone, reason: r.reason ?? args.reason ?? null }));
      const r = await addAll(api, rows);
      if (args.json) return JSON.stringify({ ...r, skipped: parsed.invalid.length });
      return `Imported ${file}: ${r.added} added, ${r.alreadyListed} already on the list${parsed.invalid.length ? `, ${parsed.invalid.length} line(s) skipped` : ""}.`;
    }
    case "export": {
      const entries = await every(api);
      const csv = dncCsv(entries);
      if (!rest[0]) return csv.trimEnd();
      await writeFile(rest[0], csv);
      return `Wrote ${entries.length} number(s) to ${rest[0]}.`;
    }
    default:
      throw new UsageError(`unknown dnc command "${sub}" (list, add, remove, import, export)`);
  }
}
