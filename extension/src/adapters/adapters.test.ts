/**
 * Each adapter against its saved record and list pages: which numbers get a control (count
 * and E.164), and the name / company / record URL captured for each — selectors paired with
 * expectations, like refined-github's selector tests, but on committed fixtures.
 */
import { afterEach, describe, expect, it } from "vitest";

import { scanNow } from "~detect/scanner";
import { captureFor } from "~page/capture";
import { ControlLayer } from "~page/control-layer";

import { loadFixture, queryAllDeep } from "./fixtures/load-fixture";
import { pickAdapter } from "./registry";
import { EXPECTATIONS } from "./adapters.expectations";

async function scanPage(country = "US" as const) {
  const layer = new ControlLayer({ isQueued: () => false, onActivate: () => undefined, onChange: () => undefined });
  scanNow(document.body, country, layer);
  await layer.settled(); // controls go into the page in batches
  return queryAllDeep(document, "[data-dialer-number]");
}

afterEach(() => {
  document.body.replaceChildren();
});

describe.each(EXPECTATIONS)("$file", ({ file, url, crm, captured }) => {
  it(`is handled by the ${crm} adapter`, () => {
    expect(pickAdapter(url).id).toBe(crm);
  });

  it(`finds ${captured.length} numbers with their contact details`, async () => {
    loadFixture(file, url);
    const adapter = pickAdapter(url);
    const controls = await scanPage();
    expect(controls.map((control) => captureFor(control, adapter))).toEqual(
      captured.map((item) => ({ crm, ...item }))
    );
  });

  it("adds no control on a second scan, before or after the first batch is placed", async () => {
    loadFixture(file, url);
    const layer = new ControlLayer({ isQueued: () => false, onActivate: () => undefined, onChange: () => undefined });
    scanNow(document.body, "US", layer);
    scanNow(document.body, "US", layer);
    await layer.settled();
    scanNow(document.body, "US", layer);
    await layer.settled();
    expect(queryAllDeep(document, "[data-dialer-number]")).toHaveLength(captured.length);
  });
});

describe("registry", () => {
  it.each([
    ["https://app.hubspot.com/contacts/1/record/0-1/2", "hubspot"],
    ["https://app-eu1.hubspot.com/contacts/1/objects/0-1/views/all/list", "hubspot"],
    ["https://acme.lightning.force.com/lightning/r/Contact/003/view", "salesforce"],
    ["https://acme.my.salesforce.com/003", "salesforce"],
    ["https://acme.pipedrive.com/person/1", "pipedrive"],
    ["https://crm.zoho.eu/crm/org1/tab/Contacts/2", "zoho"],
    ["https://app.close.com/lead/lead_1/", "close"],
    ["https://app.attio.com/acme/person/1/overview", "attio"],
    ["http://127.0.0.1:4173/hubspot-contacts-list.html", "hubspot"],
    ["http://localhost:4173/salesforce-contact.html", "salesforce"],
    ["http://127.0.0.1:4173/generic-list.html", "generic"],
    ["https://example.com/contacts", "generic"]
  ])("%s → %s", (url, id) => {
    expect(pickAdapter(url).id).toBe(id);
  });
});
