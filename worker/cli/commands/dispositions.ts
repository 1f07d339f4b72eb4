import { readFile } from "node:fs/promises";
import { Disposition, DISPOSITION_KINDS, DispositionsBody, DispositionsResponse, formatZodError, type Disposition as D } from "@dialer/shared";
import { intOption, UsageError, type Args } from "../args";
import type { AdminApi } from "../client";
import { table } from "../format";

const PATH = "/api/admin/dispositions";

function render(list: D[], saved: string): string {
  const rows = list.map((d, i) => [i + 1, d.id, d.label, d.kind, d.tag ?? d.label, d.retry ? `after ${d.retry.afterMinutes} min, ${d.retry.maxAttempts} attempts` : null]);
  return [saved, table(["key", "id", "label", "kind", "Aircall tag", "retry"], rows)].filter(Boolean).join("\n");
}

/** The list as a file gives it: `{ dispositions: [...] }` or a bare array. */
export function listFromFile(text: string, file: string): D[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file} is not JSON: ${(err as Error).message}`);
  }
  const parsed = DispositionsBody.safeParse(Array.isArray(json) ? { dispositions: json } : json);
  if (!parsed.success) throw new UsageError(`${file}: ${formatZodError(parsed.error)}`);
  return parsed.data.dispositions;
}

/** `dispositions add <id> --label L --kind K [--tag T] [--retry-after MIN --max-attempts N]`: the new one, checked. */
export function newDisposition(args: Args): D {
  const id = args.positionals[2];
  if (!id) throw new UsageError("dispositions add needs an id, e.g. dispositions add interested --label Interested --kind connected");
  const kind = args.kind;
  if (!kind || !(DISPOSITION_KINDS as readonly string[]).includes(kind)) throw new UsageError(`--kind must be one of ${DISPOSITION_KINDS.join(", ")}`);
  const after = intOption("retry-after", args["retry-after"]);
  const attempts = intOption("max-attempts", args["max-attempts"]);
  if ((after === undefined) !== (attempts === undefined)) throw new UsageError("--retry-after and --max-attempts go together");
  const parsed = Disposition.safeParse({ id, label: args.label ?? id, kind, tag: args.tag, retry: after === undefined ? undefined : { afterMinutes: after, maxAttempts: attempts } });
  if (!parsed.success) throw new UsageError(formatZodError(parsed.error));
  return parsed.data;
}

/** `dispositions [list|set <file.json>|add <id> …|remove <id>]`: the wrap-up choices agents pick from. */
export async function dispositions(api: AdminApi, args: Args): Promise<string> {
  const sub = args.positionals[1] ?? "list";
  const current = async () => (await api.call(DispositionsResponse, "GET", PATH)).dispositions;
  const save = async (list: D[]) => (await api.call(DispositionsResponse, "PUT", PATH, { dispositions: list })).dispositions;
  let list: D[];
  let saved = "";
  if (sub === "list") list = await current();
  else if (sub === "set") {
    const file = args.positionals[2];
    if (!file) throw new UsageError("dispositions set needs a JSON file: { \"dispositions\": [...] }");
    const text = await readFile(file, "utf8").catch((err: Error) => {
      throw new UsageError(`cannot read ${file}: ${err.message}`);
    });
    list = await save(listFromFile(text, file));
    saved = `Saved ${list.length} dispositions.`;
  } else if (sub === "add") {
    const d = newDisposition(args);
    const before = await current();
    const replaced = before.some((x) => x.id === d.id);
    list = await save(replaced ? before.map((x) => (x.id === d.id ? d : x)) : [...before, d]);
    saved = `${replaced ? "Updated" : "Added"} "${d.id}".`;
  } else if (sub === "remove") {
    const id = args.positionals[2];
    if (!id) throw new UsageError("dispositions remove needs an id (see: pnpm admin dispositions list)");
    const before = await current();
    if (!before.some((d) => d.id === id)) throw new UsageError(`no disposition "${id}" (have: ${before.map((d) => d.id).join(", ")})`);
    if (before.length === 1) throw new UsageError("the last disposition cannot be removed: agents need at least one choice");
    list = await save(before.filter((d) => d.id !== id));
    saved = `Removed "${id}". Calls already wrapped up with it keep it in their history.`;
  } else throw new UsageError(`dispositions ${sub}: use list, set <file.json>, add <id> or remove <id>`);
  return args.json ? JSON.stringify({ dispositions: list }, null, 2) : render(list, saved);
}
