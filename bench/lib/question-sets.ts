/**
 * The project's own held-out questions (bench/questions/): written from ../shared by people who had not
 * read the answering code, and split into a tuning half and a test half before any answer was looked at
 * (`import` below). The documents' licence is unknown, so the repo keeps no text of theirs: each piece of
 * expected evidence is a document name and a character span, and `materialise` reads the phrase back
 * from ../shared into a question file in the scorer's format (../shared/eval/README.md).
 *
 *   npx tsx bench/lib/question-sets.ts import FILE.jsonl...   # (once) split writers' files into the two halves
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readJsonl } from "./questions.js";

export type SetName = "tuning" | "test";
export const SETS: readonly SetName[] = ["tuning", "test"];
const HERE = join(dirname(fileURLToPath(import.meta.url)), "..", "questions");

/** Evidence as the repo keeps it: the first file's name, and the phrase's span in that file. */
interface StoredEvidence { doc: string | string[]; at: number; len: number }
interface StoredQuestion { id: string; kind: string; q: string; expect?: StoredEvidence[]; also?: StoredEvidence[]; none?: true }
/** Evidence as the scorer reads it. */
interface Evidence { doc: string | string[]; key: string }

/** The folders the question writers drew from, in the order a document name is looked up. */
function corpusDirs(shared: string): string[] {
  return [join(shared, "corpus"), join(shared, "ext", "directives"), join(shared, "ext", "news")];
}

function readDoc(shared: string, name: string): string {
  for (const dir of corpusDirs(shared)) {
    const path = join(dir, name);
    if (existsSync(path)) return readFileSync(path, "utf8");
  }
  throw new Error(`question sets: ${name} is in none of ${corpusDirs(shared).join(", ")}`);
}

export function setPath(name: SetName): string {
  return join(HERE, `${name}.jsonl`);
}

/** Writes `name` in the scorer's format to `to`, reading each phrase from ../shared; returns the count. */
export function materialise(name: SetName, shared: string, to: string): number {
  const cache = new Map<string, string>();
  const text = (doc: string) => cache.get(doc) ?? cache.set(doc, readDoc(shared, doc)).get(doc)!;
  const key = (e: StoredEvidence): Evidence => ({ doc: e.doc, key: text([e.doc].flat()[0]!).slice(e.at, e.at + e.len) });
  const rows = readJsonl<StoredQuestion>(setPath(name)).map((q) => ({
    id: q.id, kind: q.kind, q: q.q,
    ...(q.none ? { none: true } : { expect: (q.expect ?? []).map(key), ...(q.also ? { also: q.also.map(key) } : {}) }),
  }));
  writeFileSync(to, rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
  return rows.length;
}

/**
 * Turns writers' files (scorer format, phrases as keys) into stored questions and deals them into the two
 * halves: within each file and kind, ordered by a hash of the id, alternately; so both halves hold every
 * kind and nobody chooses which question lands where. Questions already in a half are kept as they are.
 */
function importFiles(files: string[], shared: string): void {
  const halves: Record<SetName, StoredQuestion[]> = { tuning: [], test: [] };
  for (const name of SETS) if (existsSync(setPath(name))) halves[name] = readJsonl<StoredQuestion>(setPath(name));
  const known = new Set(SETS.flatMap((n) => halves[n].map((q) => q.id)));
  for (const file of files) {
    const stored: StoredQuestion[] = [];
    for (const q of readJsonl<{ id: string; kind: string; q: string; expect?: Evidence[]; also?: Evidence[]; none?: boolean }>(file)) {
      if (known.has(q.id)) continue;
      const span = (e: Evidence): StoredEvidence => {
        const first = [e.doc].flat()[0]!;
        const at = readDoc(shared, first).indexOf(e.key);
        if (at < 0) throw new Error(`${q.id}: "${e.key}" is not in ${first}`);
        return { doc: e.doc, at, len: e.key.length };
      };
      stored.push(q.none
        ? { id: q.id, kind: "none", q: q.q, none: true }
        : { id: q.id, kind: q.kind, q: q.q, expect: (q.expect ?? []).map(span), ...(q.also?.length ? { also: q.also.map(span) } : {}) });
    }
    // Dealt per file and kind, so a later writer's file never moves an earlier question.
    const hash = (id: string) => createHash("sha256").update(`nhiemvu-split:${id}`).digest("hex");
    for (const kind of [...new Set(stored.map((q) => q.kind))].sort()) {
      stored.filter((q) => q.kind === kind).sort((a, b) => hash(a.id).localeCompare(hash(b.id)))
        .forEach((q, i) => halves[i % 2 === 0 ? "tuning" : "test"].push(q));
    }
  }
  for (const name of SETS) {
    const rows = halves[name].sort((a, b) => a.id.localeCompare(b.id));
    writeFileSync(setPath(name), rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
    console.log(`${basename(setPath(name))}: ${rows.length} questions, ${rows.filter((r) => r.none).length} with no answer`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && process.argv[2] === "import") {
  importFiles(process.argv.slice(3), join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared"));
}
