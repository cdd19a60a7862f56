import { docLabel } from "../core/display.js";
import { pageSpan } from "../core/pages.js";
import { cutAtSeams, type PartChoice } from "../core/seams.js";
import type { Citation, DocumentMeta } from "../core/types.js";

/**
 * Where a quote lies in its document: its offsets in the stored text and the document's page map. (The
 * document's seams come with its metadata, `meta.seams`.)
 */
export interface QuoteSpan {
  start: number;
  end: number;
  pages?: readonly number[];
}

/** The cited document as chunks and tasks carry it; `id` is its store id (Citation.docId). */
export interface CitedDoc {
  id?: number;
  name: string;
  meta: DocumentMeta;
}

/** The cited section: its label as the document writes it and its index in the document (Citation.sectionIndex). */
export interface CitedSection {
  label: string;
  index: number;
}

/**
 * A citation: the document (its own title; kind, number, date apart), the section, a verbatim quote, and
 * for a PDF the page the quote is on (given `at`). Given the document's id and the section's index, the
 * citation keeps them, so that nobody finds the document again by its name. A quote that runs across a seam (text cleaning
 * dropped, core/seams.ts) is cut to its longest part between seams, so that it stays a span of the source
 * file. The rule chosen: the longest part, not the part holding the start, because a passage's quote
 * starts where its chunk does (a news page's title line) and its bulk holds what the answer was read
 * from; on the tuning and test questions both rules score alike (2026-12-06).
 */
export function citation(doc: CitedDoc, section: string | CitedSection, quote: string, at?: QuoteSpan): Citation {
  const span = at && keptPart(quote, at, doc.meta.seams);
  return {
    doc: doc.name,
    title: doc.meta.title ?? docLabel(doc.meta, doc.name),
    section: typeof section === "string" ? section : section.label,
    quote: span ? span.quote : quote,
    kind: doc.meta.kind,
    ...(doc.meta.number ? { number: doc.meta.number } : {}),
    ...(doc.meta.date ? { date: doc.meta.date } : {}),
    ...(span ? pageSpan(at.pages, span.start, span.end) : {}),
    ...(doc.id !== undefined ? { docId: doc.id } : {}),
    ...(typeof section === "string" ? {} : { sectionIndex: section.index }),
  };
}

/**
 * The quote cut at the seams of its document it crosses, with its new offsets; the quote starts at
 * `at.start`. Without a `choice`, the longest part (core/seams.ts cutAtSeams).
 */
export function keptPart(quote: string, at: QuoteSpan, seams: readonly number[] | undefined, choice?: PartChoice): { quote: string; start: number; end: number } {
  const inside = (seams ?? []).filter((s) => s > at.start && s < at.start + quote.length).map((s) => s - at.start);
  if (inside.length === 0) return { quote, start: at.start, end: at.end };
  const cut = cutAtSeams(quote, 0, quote.length, inside, choice);
  return { quote: quote.slice(cut.start, cut.end), start: at.start + cut.start, end: at.start + cut.end };
}
