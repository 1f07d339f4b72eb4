/**
 * Salesforce Lightning (*.lightning.force.com, *.my.salesforce.com). Record pages render the
 * highlights panel (`records-highlights2`) — inside a shadow root when LWC runs native
 * shadow — with the name in `lightning-formatted-name` and the account in a
 * `records-highlights-details-item` lookup. List views are `table[role="grid"]` rows whose
 * `th[scope="row"]` links to the record.
 */
import { rowOrRecord } from "./dom";
import type { CrmAdapter, RowRecordSelectors } from "./types";

export const salesforceSelectors: RowRecordSelectors = {
  row: 'table[role="grid"] tbody tr, lightning-datatable tr[data-row-key-value]',
  rowName: 'th[scope="row"] a',
  rowCompany: 'td[data-label="Account Name"] a, td[data-label="Company"] lightning-base-formatted-text',
  recordName:
    'h1.slds-page-header__title lightning-formatted-name, [slot="primaryField"] lightning-formatted-name, h1 [slot="primaryField"]',
  recordCompany:
    'records-highlights-details-item force-lookup a, records-highlights-details-item records-hoverable-link a',
};

export const salesforce: CrmAdapter = {
  id: "salesforce",
  matches: (url) => /\.(lightning\.force|my\.salesforce)\.com$/.test(url.hostname),
  contextFor: (element) => rowOrRecord(element, salesforceSelectors)
};
