/**
 * The admin's dispositions (stored in the directory's SQLite) and the Aircall tag each one writes on
 * a call: found by name in GET /v1/tags (all pages) or created with POST /v1/tags, then kept by id.
 * The tag name is the disposition's `tag`, else its label; ids are kept per name, so renaming a
 * disposition finds (or creates) the new tag.
 */
import { DEFAULT_DISPOSITIONS, type Disposition, type DispositionKind } from "@dialer/shared";
import * as z from "zod";
import { AircallError, type AircallHttp } from "../aircall/client";

const DISPOSITIONS_KEY = "admin.dispositions";
const PER_PAGE = 50;
const MAX_PAGES = 40;

const SCHEMA = `CREATE TABLE IF NOT EXISTS aircall_tags (name TEXT PRIMARY KEY, tag_id INTEGER NOT NULL, found_at INTEGER NOT NULL);`;

/** A color per kind for the tags the worker creates (Aircall asks for one). */
export const TAG_COLORS: Record<DispositionKind, string> = {
  connected: "#00B388",
  voicemail: "#7A5AF8",
  no_answer: "#F5A623",
  bad_number: "#8E8E93",
  do_not_call: "#D0021B",
  callback: "#2F80ED",
};

const TagRow = z.looseObject({ id: z.coerce.number().int(), name: z.string() });
const TagsPage = z.looseObject({ tags: z.array(TagRow), meta: z.looseObject({ next_page_link: z.string().nullish() }).nullish() });
const TagCreated = z.looseObject({ tag: TagRow });

export const tagNameOf = (d: Disposition) => (d.tag ?? d.label).trim();
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export class DispositionStore {
  /** One look-up per tag name at a time: concurrent wrap-ups share it (and never create it twice). */
  private readonly finding = new Map<string, Promise<number>>();

  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  list(): Disposition[] {
    const row = this.sql.exec<{ value: string }>("SELECT value FROM kv WHERE key = ?", DISPOSITIONS_KEY).toArray()[0];
    return row ? (JSON.parse(row.value) as Disposition[]) : DEFAULT_DISPOSITIONS;
  }

  /** Whether the admin saved a list (else the default set is in use). */
  configured(): boolean {
    return this.sql.exec("SELECT 1 FROM kv WHERE key = ?", DISPOSITIONS_KEY).toArray().length > 0;
  }

  /** Replaces the list (validated by the caller). */
  put(list: Disposition[]) {
    this.sql.exec("INSERT OR REPLACE INTO kv (key, value) VALUES (?, ?)", DISPOSITIONS_KEY, JSON.stringify(list));
  }

  find(id: string): Disposition | undefined {
    return this.list().find((d) => d.id === id);
  }

  keptTagId(name: string): number | null {
    const row = this.sql.exec<{ tag_id: number }>("SELECT tag_id FROM aircall_tags WHERE name = ?", name.toLowerCase()).toArray()[0];
    return row ? row.tag_id : null;
  }

  /** Aircall said the kept tag is gone (404): the next tagIdFor finds or creates it again. */
  forget(name: string) {
    this.sql.exec("DELETE FROM aircall_tags WHERE name = ?", name.toLowerCase());
  }

  /** The Aircall tag id for a disposition: kept, found or created. Throws an AircallError when Aircall fails. */
  async tagId(d: Disposition, http: AircallHttp): Promise<number> {
    const name = tagNameOf(d);
    const kept = this.keptTagId(name);
    if (kept !== null) return kept;
    const key = name.toLowerCase();
    let pending = this.finding.get(key);
    if (!pending) {
      pending = this.findOrCreate(name, TAG_COLORS[d.kind], http).finally(() => this.finding.delete(key));
      this.finding.set(key, pending);
    }
    const id = await pending;
    this.sql.exec("INSERT OR REPLACE INTO aircall_tags (name, tag_id, found_at) VALUES (?, ?, ?)", key, id, Date.now());
    return id;
  }

  private async findOrCreate(name: string, color: string, http: AircallHttp): Promise<number> {
    const found = await findTag(name, http);
    if (found !== null) return found;
    const res = await http.request("POST", "/v1/tags", { safe: false, body: { name, color } });
    if (res.status === 200 || res.status === 201) return TagCreated.parse(res.body).tag.id;
    if (res.status === 400 || res.status === 422) {
      // Names are unique company-wide: someone created it meanwhile.
      const again = await findTag(name, http);
      if (again !== null) return again;
    }
    throw new AircallError(res.status, `creating the Aircall tag "${name}": ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`, res.body);
  }
}

async function findTag(name: string, http: AircallHttp): Promise<number | null> {
  for (let page = 1; page <= MAX_PAGES; page++) {
    const body = TagsPage.parse(await http.json("GET", "/v1/tags", { safe: true, query: { per_page: PER_PAGE, page } }));
    const hit = body.tags.find((t) => sameName(t.name, name));
    if (hit) return hit.id;
    if (!body.meta?.next_page_link || body.tags.length < PER_PAGE) return null;
  }
  return null;
}

/** What changed between two lists, for the audit trail. */
export function dispositionChanges(before: Disposition[], after: Disposition[]) {
  const ids = (l: Disposition[]) => new Set(l.map((d) => d.id));
  const b = ids(before);
  const a = ids(after);
  const byId = new Map(before.map((d) => [d.id, JSON.stringify(d)]));
  return {
    added: after.filter((d) => !b.has(d.id)).map((d) => d.id),
    removed: before.filter((d) => !a.has(d.id)).map((d) => d.id),
    changed: after.filter((d) => b.has(d.id) && byId.get(d.id) !== JSON.stringify(d)).map((d) => d.id),
  };
}
