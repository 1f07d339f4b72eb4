/**
 * The agent's Aircall dialer campaign (Aircall's own Power Dialer, aircall-api facts §6): one per
 * Aircall user, a list of numbers the agent dials from Workspace. Every request goes through the
 * company rate limiter (AircallHttp waits for its slot).
 */
import { AircallCampaignNumbers, aircallErrorText, type CampaignNumber, type CampaignPostResult } from "@dialer/shared";
import { AircallError, describe, type AircallHttp, type AircallResponse } from "./client";

/** One integration sends batches of 100; Aircall documents no maximum. */
export const CAMPAIGN_BATCH = 100;

/**
 * Clearing is one DELETE per number (Aircall has no bulk clear), each taking a slot of the company's
 * 60-a-minute budget. Past this many numbers the campaign itself is deleted in one request instead:
 * 10,000 single DELETEs would hold the budget for hours and exceed a Worker's subrequest limit.
 */
export const CLEAR_ONE_BY_ONE_MAX = 50;

type AircallNumber = { id: string; number: string; called: boolean };

/** "+33 1 42-68…" and "+33142…" are the same number: compare digits with the leading plus. */
export const samePhone = (raw: string) => raw.replace(/[^\d+]/g, "");

const isAlreadyImported = (res: AircallResponse) =>
  res.status === 422 && /already imported/i.test(typeof res.body === "string" ? res.body : JSON.stringify(res.body ?? ""));

const ok = (res: AircallResponse) => res.status >= 200 && res.status < 300;

export class DialerCampaign {
  private readonly base: string;
  constructor(
    private readonly http: AircallHttp,
    userId: number | string,
  ) {
    this.base = `/v1/users/${encodeURIComponent(String(userId))}/dialer_campaign`;
  }

  /** The campaign's numbers, or null when the user has no campaign (Aircall answers 404). */
  async numbers(): Promise<AircallNumber[] | null> {
    const res = await this.http.request("GET", `${this.base}/phone_numbers`, { safe: true });
    if (res.status === 404) return null;
    if (!ok(res)) throw new AircallError(res.status, describe(res), res.body);
    return AircallCampaignNumbers.parse(res.body).numbers;
  }

  async list(): Promise<CampaignNumber[] | null> {
    const rows = await this.numbers();
    return rows && rows.map((r) => ({ phone: samePhone(r.number), called: r.called, aircallId: r.id }));
  }

  /**
   * Puts `phones` into the campaign, creating it with the first batch when missing. Numbers already
   * there are not sent again; a 422 "already imported" (a number added meanwhile) sends that batch's
   * numbers one by one so each is counted where it belongs.
   */
  async add(phones: string[]): Promise<CampaignPostResult> {
    const result: CampaignPostResult = { added: 0, alreadyThere: 0, failed: [] };
    const unique = [...new Set(phones)];
    const current = await this.numbers();
    const there = new Set((current ?? []).map((r) => samePhone(r.number)));
    const fresh = unique.filter((p) => !there.has(p));
    result.alreadyThere = unique.length - fresh.length;
    let exists = current !== null;
    for (let i = 0; i < fresh.length; i += CAMPAIGN_BATCH) {
      const batch = fresh.slice(i, i + CAMPAIGN_BATCH);
      if (!exists) {
        const created = await this.send("POST", this.base, batch);
        exists = true;
        if (ok(created)) {
          result.added += batch.length;
          continue;
        }
        // Created meanwhile (or refused): fall through to adding this batch to the campaign.
      }
      const res = await this.send("POST", `${this.base}/phone_numbers`, batch);
      if (ok(res)) result.added += batch.length;
      else if (isAlreadyImported(res) || (res.status === 422 && batch.length > 1)) await this.oneByOne(batch, result);
      else for (const phone of batch) result.failed.push({ phone, message: failure(res) });
    }
    return result;
  }

  private async oneByOne(batch: string[], result: CampaignPostResult) {
    for (const phone of batch) {
      const res = await this.send("POST", `${this.base}/phone_numbers`, [phone]);
      if (ok(res)) result.added++;
      else if (isAlreadyImported(res)) result.alreadyThere++;
      else result.failed.push({ phone, message: failure(res) });
    }
  }

  /**
   * Empty the campaign: one DELETE per number (its id from the list), or, for a big campaign, one
   * DELETE of the campaign (the next add creates it again). Null when there was none.
   */
  async clear(): Promise<{ removed: number; failed: number } | null> {
    const rows = await this.numbers();
    if (!rows) return null;
    if (rows.length > CLEAR_ONE_BY_ONE_MAX) {
      const res = await this.http.request("DELETE", this.base, { safe: true });
      if (ok(res) || res.status === 404) return { removed: rows.length, failed: 0 };
      throw new AircallError(res.status, describe(res), res.body);
    }
    let removed = 0;
    let failed = 0;
    for (const row of rows) {
      const res = await this.http.request("DELETE", `${this.base}/phone_numbers/${encodeURIComponent(row.id)}`, { safe: true });
      if (ok(res) || res.status === 404) removed++;
      else failed++;
    }
    return { removed, failed };
  }

  private async send(method: string, path: string, phones: string[]): Promise<AircallResponse> {
    try {
      return await this.http.request(method, path, { safe: false, body: { phone_numbers: phones } });
    } catch (err) {
      if (err instanceof AircallError) return { status: err.status, body: err.message, headers: new Headers() };
      throw err;
    }
  }
}

function failure(res: AircallResponse): string {
  if (res.status === 0) return typeof res.body === "string" ? res.body : "Aircall did not answer";
  const text = typeof res.body === "string" ? res.body.slice(0, 200) : aircallErrorText(res.body);
  return `Aircall answered ${res.status}${text ? `: ${text}` : ""}`;
}
