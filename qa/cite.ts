import { docLabel } from "../core/display.js";
import type { Citation, DocumentMeta } from "../core/types.js";

/** A citation: the document (its own title; kind, number, date apart), the section, a verbatim quote. */
export function citation(doc: { name: string; meta: DocumentMeta }, section: string, quote: string): Citation {
  return {
    doc: doc.name,
    title: doc.meta.title ?? docLabel(doc.meta, doc.name),
    section,
    quote,
    kind: doc.meta.kind,
    ...(doc.meta.number ? { number: doc.meta.number } : {}),
    ...(doc.meta.date ? { date: doc.meta.date } : {}),
  };
}
