/**
 * One file through the pipeline up to the store: read -> clean -> metadata -> sections -> chunks ->
 * assignments. Pure of side effects apart from reading the file.
 */
import type { OrgRegistry } from "../core/orgs.js";
import type { DocumentDraft } from "../core/types.js";
import type { OcrOptions } from "./ocr/ocr.js";
import { extractAssignments } from "./assignments/extract.js";
import { chunkSections } from "./chunks.js";
import { cleanTextWithSeams } from "./clean.js";
import { readMetadata } from "./metadata.js";
import { carryOffsets } from "./offsets.js";
import { readDocumentFile, type RawDocument } from "./parse/read.js";
import { splitSections } from "./sections.js";
import { sheetSections, type RowStart } from "./sheet-sections.js";
import { readSidecar } from "./sidecar.js";

export async function buildDocument(
  path: string,
  deps: { registry: OrgRegistry; maxBytes: number; ocr?: OcrOptions },
): Promise<DocumentDraft> {
  const raw = await readDocumentFile(path, { maxBytes: deps.maxBytes, ocr: deps.ocr });
  const side = await readSidecar(path, raw.text);
  const { text, seams } = cleanTextWithSeams(side.text, raw.format);
  const meta = { ...readMetadata(text, { name: raw.name, override: side.meta }), ...(seams.length ? { seams } : {}) };
  // Front matter taken off the text moves every offset; only paged and tabular files carry positions.
  const same = side.text === raw.text;
  const rows = same ? rowStarts(raw, text) : [];
  const sections = rows.length > 0 ? sheetSections(text, rows) : splitSections(text, meta.kind);
  const chunks = chunkSections(text, sections, meta);
  const assignments = extractAssignments({ text, sections, meta }, deps.registry);
  const pages = same && raw.pages ? carryOffsets(raw.text, text, raw.pages) : undefined;
  return { name: raw.name, path: raw.path, hash: raw.hash, format: raw.format, text, meta, sections, chunks, assignments, ...(pages ? { pages } : {}) };
}

/** A spreadsheet's rows in the cleaned text (a row without a letter or a digit is left in its sheet's section). */
function rowStarts(raw: RawDocument, text: string): RowStart[] {
  const rows = (raw.rows ?? []).filter((r) => /[\p{L}\p{N}]/u.test(raw.text.slice(r.at, lineEnd(raw.text, r.at))));
  const at = carryOffsets(raw.text, text, rows.map((r) => r.at));
  return rows.map((r, i) => ({ sheet: r.sheet, row: r.row, at: text.lastIndexOf("\n", at[i]! - 1) + 1 }));
}

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf("\n", at);
  return nl < 0 ? text.length : nl;
}

/** The text embedded for a chunk: its context line, then its text. */
export function embeddingText(chunk: { context: string; text: string }): string {
  return chunk.context ? `${chunk.context}\n${chunk.text}` : chunk.text;
}
