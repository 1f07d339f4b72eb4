/**
 * Close (app.close.com). A lead page is a company with several contacts: each contact card
 * has its own name and phones, the lead's name is the company. Smart views and the leads list
 * are `[role="row"]` rows whose lead-name cell links to `/lead/<id>/`.
 */
import { cleanText, closestAcross, rowOrRecord } from "./dom";
import type { ContactContext, CrmAdapter, RowRecordSelectors } from "./types";

export const closeSelectors: RowRecordSelectors & { contactCard: string; contactName: string } = {
  row: '[data-testid="table-row"], [role="row"][data-lead-id]',
  rowName: '[data-testid="contact-name-cell"]',
  rowLink: '[data-testid="lead-name-cell"] a[href*="/lead/"]',
  rowCompany: '[data-testid="lead-name-cell"] a',
  recordName: '[data-testid="lead-header-name"]',
  recordCompany: '[data-testid="lead-header-name"]',
  contactCard: '[data-testid="contact-card"]',
  contactName: '[data-testid="contact-card-name"]'
};

function contactCardContext(card: Element): ContactContext {
  const lead = rowOrRecord(card, closeSelectors);
  const name = cleanText(card.querySelector(closeSelectors.contactName));
  return { ...lead, ...(name ? { name } : {}) };
}

export const close: CrmAdapter = {
  id: "close",
  matches: (url) => url.hostname === "app.close.com",
  contextFor(element) {
    const card = closestAcross(element, closeSelectors.contactCard);
    return card ? contactCardContext(card) : rowOrRecord(element, closeSelectors);
  }
};
