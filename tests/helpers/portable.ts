/** What the export/import tests compare between two stores: answers to the same questions, and vectors. */
import type { App } from "../../app/types.js";
import { embedChunks } from "../../ingest/pipeline.js";
import { readDumpFile } from "../../store/dump-file.js";
import { importRecords, type ImportClock, type ImportCounts } from "../../store/portable.js";

export const QUESTIONS = [
  "Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?",
  "Bộ Quốc phòng được giao nhiệm vụ gì?",
  "Những nhiệm vụ nào phải hoàn thành trong tháng 9/2025?",
];

/** The app's answers (text, found, citations) to QUESTIONS, extractive. */
export async function answers(app: App): Promise<unknown[]> {
  const out = [];
  for (const q of QUESTIONS) {
    const a = await app.answerer.ask(q, { llm: false });
    out.push({ answer: a.answer, found: a.found, citations: a.citations });
  }
  return out;
}

/** Equal up to float rounding (hnswlib re-normalises a unit vector). */
export function closeVectors(a: Float32Array[], b: Float32Array[]): boolean {
  return a.length === b.length && a.every((v, i) => v.length === b[i]!.length && v.every((x, j) => Math.abs(x - b[i]![j]!) < 1e-6));
}

/** Imports a dump file into the app's store as `nhiemvu import` does. */
export async function importInto(app: App, file: string, clock?: ImportClock): Promise<ImportCounts> {
  return importRecords(app.store, readDumpFile(file), {
    embedder: (await app.store.embedderInfo())!,
    embed: (chunks) => embedChunks(app.embeddings, chunks),
    clock,
  });
}
