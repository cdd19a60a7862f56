/**
 * One file through the pipeline up to the store: read -> clean -> metadata -> sections -> chunks ->
 * assignments. Pure of side effects apart from reading the file.
 */
import type { OrgRegistry } from "../core/orgs.js";
import type { DocumentDraft } from "../core/types.js";
import type { OcrOptions } from "./ocr/ocr.js";
import { extractAssignments } from "./assignments/extract.js";
import { chunkSections } from "./chunks.js";
import { cleanText } from "./clean.js";
import { readMetadata } from "./metadata.js";
import { readDocumentFile } from "./parse/read.js";
import { splitSections } from "./sections.js";
import { readSidecar } from "./sidecar.js";

export async function buildDocument(
  path: string,
  deps: { registry: OrgRegistry; maxBytes: number; ocr?: OcrOptions },
): Promise<DocumentDraft> {
  const raw = await readDocumentFile(path, { maxBytes: deps.maxBytes, ocr: deps.ocr });
  const side = await readSidecar(path, raw.text);
  const text = cleanText(side.text, raw.format);
  const meta = readMetadata(text, { name: raw.name, override: side.meta });
  const sections = splitSections(text, meta.kind);
  const chunks = chunkSections(text, sections, meta);
  const assignments = extractAssignments({ text, sections, meta }, deps.registry);
  return { name: raw.name, path: raw.path, hash: raw.hash, format: raw.format, text, meta, sections, chunks, assignments };
}

/** The text embedded for a chunk: its context line, then its text. */
export function embeddingText(chunk: { context: string; text: string }): string {
  return chunk.context ? `${chunk.context}\n${chunk.text}` : chunk.text;
}
