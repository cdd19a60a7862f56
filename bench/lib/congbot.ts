/**
 * The CongBot benchmark from ../shared/ext/congbot: each corpus chunk written as `<chunk_id>.txt` (so a
 * citation maps back to the gold id by file name) and the questions with the gold ids present in the corpus.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { readJsonl } from "./questions.js";

export interface CongbotQuestion {
  qid: string;
  question: string;
  gold: Set<string>;
}

export interface Congbot {
  dir: string;
  chunks: number;
  docs: number;
  questions: CongbotQuestion[];
  /** Questions dropped because none of their gold chunk ids is in the corpus. */
  skipped: number;
  /** File base name (no .txt) -> chunk id. */
  idOf: Map<string, string>;
}

/** A file-system-safe base name that keeps Vietnamese letters (QĐ) and the id's own punctuation. */
export function chunkFileBase(id: string): string {
  return id.normalize("NFC").replace(/[^\p{L}\p{N}._-]+/gu, "_");
}

export function prepareCongbot(congbotDir: string, to: string): Congbot {
  mkdirSync(to, { recursive: true });
  const rows = readJsonl<{ chunk_id: string; doc_id: string; text: string }>(join(congbotDir, "corpus_chunks.jsonl"));
  const idOf = new Map<string, string>();
  for (const r of rows) {
    const base = chunkFileBase(r.chunk_id);
    idOf.set(base, r.chunk_id);
    writeFileSync(join(to, `${base}.txt`), r.text);
  }
  const known = new Set(rows.map((r) => r.chunk_id));
  const raw = readJsonl<{ qid: string; question: string; gold_chunk_ids: string[] }>(join(congbotDir, "qa_benchmark.jsonl"));
  const questions: CongbotQuestion[] = [];
  let skipped = 0;
  for (const q of raw) {
    const gold = new Set(q.gold_chunk_ids.filter((id) => known.has(id)));
    if (gold.size === 0) skipped++;
    else questions.push({ qid: q.qid, question: q.question, gold });
  }
  return { dir: to, chunks: rows.length, docs: new Set(rows.map((r) => r.doc_id)).size, questions, skipped, idOf };
}

/** Document names (as the store or a citation gives them) mapped to chunk ids, first occurrence kept. */
export function rankedIds(docNames: Iterable<string>, idOf: Map<string, string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of docNames) {
    const base = name.replace(/\.txt$/, "");
    const id = idOf.get(base) ?? base;
    if (!seen.has(id)) {
      seen.add(id);
      out.push(id);
    }
  }
  return out;
}


/** A statement to check, written from a CongBot question's gold passage (bench/questions/congbot-statements.jsonl). */
export interface CongbotStatement extends CongbotQuestion {
  split: "tuning" | "test";
  /** The CongBot question it was written from, when that question is in `cb`. */
  original?: string;
}

/** The statements of `file` ("..., đúng hay sai?", "Có đúng là ... không?", "True or false: ..."), with their gold ids. */
export function readStatements(file: string, cb: Congbot): CongbotStatement[] {
  const asked = new Map(cb.questions.map((q) => [q.qid, q.question]));
  return readJsonl<{ qid: string; split: "tuning" | "test"; question: string; gold_chunk_ids: string[] }>(file)
    .map((r) => ({ qid: r.qid, split: r.split, question: r.question, gold: new Set(r.gold_chunk_ids), original: asked.get(r.qid) }));
}
