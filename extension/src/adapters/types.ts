/**
 * A CRM adapter knows where its CRM shows who a phone number belongs to: the record header on
 * a record page, the row's name cell on a list page. Selectors stay in each adapter's file.
 */
export type ContactContext = {
  name?: string;
  company?: string;
  /** The record's URL in the CRM (canonical record link, or the row's link). */
  sourceUrl?: string;
};

export type CrmAdapter = {
  /** Adapter id, sent as `CapturedNumber.crm`. */
  id: string;
  /** True when this adapter handles the page at `url`. */
  matches(url: URL): boolean;
  /** What the page says about the contact whose number is shown at `element`. */
  contextFor(element: Element): ContactContext;
};

/** Row-or-record adapters: most CRMs share this shape, differing only in selectors. */
export type RowRecordSelectors = {
  /** A list row containing the number. */
  row: string;
  /** Inside a row: the contact's name (and, if it is a link, the record URL). */
  rowName: string;
  rowCompany?: string;
  /** Inside a row: the record link when it is not the name itself. */
  rowLink?: string;
  /** On a record page: the contact's name in the header. */
  recordName: string;
  recordCompany?: string;
  /** On a record page: the canonical link to the record, when the page has one. */
  recordLink?: string;
};
