import { docLabel } from "../core/display.js";
import { pageSpan } from "../core/pages.js";
import type { Citation, DocumentMeta } from "../core/types.js";

/** Where a quote lies in its document: its offsets in the stored text and the document's page map. */
export interface QuoteSpan {
  start: number;
  end: number;
  pages?: readonly number[];
}

/**
 * A citation: the document (its own title; kind, number, date apart), the section, a verbatim quote, and
 * for a PDF the page the quote is on (given `at`).
 */
export function citation(doc: { name: string; meta: DocumentMeta }, section: string, quote: string, at?: QuoteSpan): Citation {
  return {
    doc: doc.name,
    title: doc.meta.title ?? docLabel(doc.meta, doc.name),
    section,
    quote,
    kind: doc.meta.kind,
    ...(doc.meta.number ? { number: doc.meta.number } : {}),
    ...(doc.meta.date ? { date: doc.meta.date } : {}),
    ...(at ? pageSpan(at.pages, at.start, at.end) : {}),
  };
}
