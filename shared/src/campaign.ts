import * as z from "zod";
import { E164 } from "./phone";

/**
 * Aircall's own Power Dialer (the agent's dialer campaign): bodies of /api/dialer/campaign.
 * The agent dials these numbers from Aircall Workspace; the worker only fills, reads and clears the list.
 */
export const MAX_CAMPAIGN_ITEMS = 10_000;

/** `name`: kept by the worker so the call the agent makes from Aircall's Power Dialer gets a named history row. */
export const CampaignItem = z.object({ phone: E164, name: z.string().max(200).optional() });
export type CampaignItem = z.infer<typeof CampaignItem>;

export const CampaignPostBody = z.object({ items: z.array(CampaignItem).min(1).max(MAX_CAMPAIGN_ITEMS) });
export type CampaignPostBody = z.infer<typeof CampaignPostBody>;

/** What happened to each number sent: added, already in the campaign, or refused with Aircall's reason. */
export const CampaignPostResult = z.object({
  added: z.number().int().nonnegative(),
  alreadyThere: z.number().int().nonnegative(),
  failed: z.array(z.object({ phone: z.string(), message: z.string() })),
});
export type CampaignPostResult = z.infer<typeof CampaignPostResult>;

export const CampaignNumber = z.object({ phone: z.string(), called: z.boolean(), aircallId: z.string() });
export type CampaignNumber = z.infer<typeof CampaignNumber>;

export const CampaignGetResult = z.object({ numbers: z.array(CampaignNumber) });
export type CampaignGetResult = z.infer<typeof CampaignGetResult>;

/** Aircall's GET /v1/users/:id/dialer_campaign/phone_numbers: items under `numbers` (ids may be big). */
export const AircallCampaignNumbers = z.object({
  numbers: z.array(
    z.looseObject({
      id: z.union([z.number(), z.string(), z.bigint()]).transform(String),
      number: z.string(),
      called: z.boolean().optional().default(false),
    }),
  ),
});
