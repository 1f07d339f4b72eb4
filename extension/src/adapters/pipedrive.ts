/**
 * Pipedrive (<company>.pipedrive.com). The person page header holds the name and the linked
 * organization; the persons list is a virtualised grid of `div[role="row"]` rows whose name
 * cell links to `/person/<id>`.
 */
import { rowOrRecord } from "./dom";
import type { CrmAdapter, RowRecordSelectors } from "./types";

export const pipedriveSelectors: RowRecordSelectors = {
  row: '[data-test="grid-row"], .gridRow[role="row"]',
  rowName: '[data-test="grid-cell-name"] a[href*="/person/"], [data-field="name"] a',
  rowCompany: '[data-test="grid-cell-org_id"] a, [data-field="org_id"] a',
  recordName: '[data-test="header-title"] h1, .detailView .personName h1',
  recordCompany: '[data-test="header-organization"] a[href*="/organization/"]',
};

export const pipedrive: CrmAdapter = {
  id: "pipedrive",
  matches: (url) => /(^|\.)pipedrive\.com$/.test(url.hostname),
  contextFor: (element) => rowOrRecord(element, pipedriveSelectors)
};
