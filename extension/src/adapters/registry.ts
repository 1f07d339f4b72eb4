/**
 * Picks the adapter for a page. Known CRM hosts map to their adapter; on local test servers
 * (localhost, 127.0.0.1) a file named `<crm>-….html` gets that CRM's adapter, so saved
 * fixtures behave like the real pages. Everything else uses the generic adapter.
 */
import { attio } from "./attio";
import { close } from "./close";
import { generic } from "./generic";
import { hubspot } from "./hubspot";
import { pipedrive } from "./pipedrive";
import { salesforce } from "./salesforce";
import type { CrmAdapter } from "./types";
import { zoho } from "./zoho";

export const adapters: readonly CrmAdapter[] = [hubspot, salesforce, pipedrive, zoho, close, attio];

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);

function fromFixtureName(url: URL): CrmAdapter | undefined {
  const file = url.pathname.split("/").pop() ?? "";
  const prefix = file.split("-")[0]?.toLowerCase();
  return adapters.find((adapter) => adapter.id === prefix);
}

export function pickAdapter(location: string | URL): CrmAdapter {
  const url = new URL(location);
  const byHost = adapters.find((adapter) => adapter.matches(url));
  if (byHost) return byHost;
  if (LOCAL_HOSTS.has(url.hostname)) return fromFixtureName(url) ?? generic;
  return generic;
}
