/**
 * Fallback for pages no adapter knows: a table or list row's first link (or first cell) is
 * the name, otherwise the page's main heading; the URL is the row's link or the page itself.
 */
import { rowOrRecord } from "./dom";
import type { CrmAdapter, RowRecordSelectors } from "./types";

export const genericSelectors: RowRecordSelectors = {
  row: 'tr, [role="row"], li',
  rowName: 'a[href]:not([href^="tel:"]):not([href^="mailto:"]), [itemprop="name"], td:first-child, th',
  rowCompany: '[itemprop="worksFor"], [data-field="company"], .company',
  recordName: '[itemprop="name"], h1',
  recordCompany: '[itemprop="worksFor"], [data-field="company"]',
};

export const generic: CrmAdapter = {
  id: "generic",
  matches: () => true,
  contextFor: (element) => rowOrRecord(element, genericSelectors)
};
