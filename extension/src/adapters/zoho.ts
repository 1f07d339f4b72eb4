/**
 * Zoho CRM (crm.zoho.com, crm.zoho.eu). Pages are built from Lyte components with
 * `data-zcqa` hooks: the detail view header names the record (`dv_recordName`) and its
 * account; list views are `lyte-exptable-tr` rows with a `Full_Name` cell linking to the record.
 */
import { rowOrRecord } from "./dom";
import type { CrmAdapter, RowRecordSelectors } from "./types";

export const zohoSelectors: RowRecordSelectors = {
  row: "lyte-exptable-tr.lyteExpTableRow, tr.customViewRow",
  rowName: 'lyte-exptable-td[data-zcqa="Full_Name"] a, td[data-zcqa="Full_Name"] a',
  rowCompany: 'lyte-exptable-td[data-zcqa="Account_Name"] a, td[data-zcqa="Account_Name"] a',
  recordName: '[data-zcqa="dv_recordName"], #subvalue_Full_Name',
  recordCompany: '[data-zcqa="dv_Account_Name"] a, #subvalue_Account_Name a',
};

export const zoho: CrmAdapter = {
  id: "zoho",
  matches: (url) => /^crm\.zoho\.(com|eu|in|com\.au|jp|ca)$/.test(url.hostname),
  contextFor: (element) => rowOrRecord(element, zohoSelectors)
};
