/**
 * DOM helpers for adapters. Controls can sit inside open shadow roots (Salesforce), so lookups
 * climb through shadow hosts and search open shadow roots as well as the light DOM.
 */
import { httpUrl } from "~lib/safe-url";

import type { ContactContext, RowRecordSelectors } from "./types";

/** Element.closest that continues through shadow hosts. */
export function closestAcross(element: Element, selector: string): Element | null {
  let current: Element | null = element;
  while (current) {
    const found: Element | null = current.closest(selector);
    if (found) return found;
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}

/** querySelector over a tree and the open shadow roots inside it. */
export function queryDeep(root: ParentNode, selector: string): Element | null {
  const direct = root.querySelector(selector);
  if (direct) return direct;
  for (const element of root.querySelectorAll("*")) {
    if (element.shadowRoot) {
      const found = queryDeep(element.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

export function cleanText(element: Element | null | undefined): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, " ").trim();
  return text ? text : undefined;
}

/** The absolute http(s) URL of an element's href (the element itself or its first link). */
export function linkOf(element: Element | null | undefined): string | undefined {
  if (!element) return undefined;
  const link = element.matches("a[href]") ? element : element.querySelector("a[href]");
  const href = link?.getAttribute("href");
  if (!href || href === "#") return undefined;
  return httpUrl(href, element.ownerDocument?.baseURI ?? location.href); // no tel:, mailto:, javascript:
}

function canonicalUrl(doc: Document): string | undefined {
  return linkOf(doc.querySelector('link[rel="canonical"]')) ?? httpUrl(doc.location?.href);
}

function withoutEmpty(context: ContactContext): ContactContext {
  const result: ContactContext = {};
  if (context.name) result.name = context.name;
  if (context.company) result.company = context.company;
  if (context.sourceUrl) result.sourceUrl = context.sourceUrl;
  return result;
}

/** The usual lookup: the row's cells on a list page, else the record header. */
export function rowOrRecord(element: Element, selectors: RowRecordSelectors): ContactContext {
  const row = closestAcross(element, selectors.row);
  if (row) {
    const name = row.querySelector(selectors.rowName);
    const link = selectors.rowLink ? row.querySelector(selectors.rowLink) : name;
    return withoutEmpty({
      name: cleanText(name),
      company: selectors.rowCompany ? cleanText(row.querySelector(selectors.rowCompany)) : undefined,
      sourceUrl: linkOf(link) ?? linkOf(name)
    });
  }
  const doc = element.ownerDocument;
  const record = selectors.recordLink ? linkOf(queryDeep(doc, selectors.recordLink)) : undefined;
  return withoutEmpty({
    name: cleanText(queryDeep(doc, selectors.recordName)),
    company: selectors.recordCompany ? cleanText(queryDeep(doc, selectors.recordCompany)) : undefined,
    sourceUrl: record ?? canonicalUrl(doc)
  });
}
