/**
 * HubSpot (app.hubspot.com, app-eu1.hubspot.com). Record pages show the contact in the left
 * sidebar highlight (`data-selenium-test="highlightTitle"`) with the primary company chicklet;
 * index pages are a table whose name cell is `td[data-table-external-id^="name-"]`.
 */
import { rowOrRecord } from "./dom";
import type { CrmAdapter, RowRecordSelectors } from "./types";

export const hubspotSelectors: RowRecordSelectors = {
  row: 'table[data-test-id="crm-object-table"] tbody tr, tr[data-test-id^="row-"]',
  rowName: 'td[data-table-external-id^="name-"] [data-test-id="label-cell-formatted-property-name"], td[data-table-external-id^="name-"] a',
  rowLink: 'td[data-table-external-id^="name-"] a[href]',
  rowCompany: 'td[data-table-external-id^="associatedcompanyid-"] [data-test-id="truncated-object-label"]',
  recordName: '[data-selenium-test="highlightTitle"]',
  recordCompany: '[data-selenium-test="company-chicklet-title-link"]',
};

export const hubspot: CrmAdapter = {
  id: "hubspot",
  matches: (url) => /(^|\.)app(-[a-z0-9]+)?\.hubspot\.com$/.test(url.hostname),
  contextFor: (element) => rowOrRecord(element, hubspotSelectors)
};
