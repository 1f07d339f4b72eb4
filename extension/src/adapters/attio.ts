/**
 * Attio (app.attio.com). Record pages show the person's name in the record header and the
 * company as a linked record chip; table views are `div[role="row"]` grids whose name cell
 * links to `/<workspace>/person/<id>`.
 */
import { rowOrRecord } from "./dom";
import type { CrmAdapter, RowRecordSelectors } from "./types";

export const attioSelectors: RowRecordSelectors = {
  row: '[role="rowgroup"] [role="row"]',
  rowName: '[role="gridcell"][data-column-slug="name"] a',
  rowCompany: '[role="gridcell"][data-column-slug="company"] [data-testid="record-chip-label"]',
  recordName: '[data-testid="record-header-title"]',
  recordCompany: '[data-testid="record-header"] a[href*="/company/"] [data-testid="record-chip-label"]',
};

export const attio: CrmAdapter = {
  id: "attio",
  matches: (url) => url.hostname === "app.attio.com",
  contextFor: (element) => rowOrRecord(element, attioSelectors)
};
