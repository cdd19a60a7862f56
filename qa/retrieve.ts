/**
 * Hybrid retrieval: BM25 over the as-written and the folded text, plus the vector index, fused by
 * reciprocal rank; then coverage of the question's words decides relevance, and near-identical passages
 * from different documents are shown once.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { fold, words } from "../core/text.js";
import type { ChunkFilter, ScoredChunk, Store, StoredChunk } from "../store/types.js";
import { matchExpression } from "./lexical.js";
import type { Understanding } from "./understand.js";

export interface RankedChunk {
  chunk: StoredChunk;
  /** Fused reciprocal-rank score, higher is better. */
  score: number;
  /** Share of the question's distinct content words found in the passage (0..1). */
  coverage: number;
}

const RRF_K = 60;
const DEPTH = 40;

export async function retrieve(
  u: Understanding,
  deps: { store: Store; embeddings: Embeddings },
  filter: ChunkFilter,
  /** Added to a passage's coverage when ranking (e.g. holding a deadline, for "when" questions). */
  bonus: (chunk: StoredChunk) => number = () => 0,
): Promise<RankedChunk[]> {
  const lists: Array<{ weight: number; hits: ScoredChunk[] }> = [];
  const folded = matchExpression(u.folded);
  if (folded) lists.push({ weight: 1, hits: await deps.store.searchLexical("folded", folded, filter, DEPTH) });
  const raw = u.hasDiacritics ? matchExpression(u.terms) : "";
  if (raw) lists.push({ weight: 1.2, hits: await deps.store.searchLexical("raw", raw, filter, DEPTH) });
  const query = u.terms.length > 0 ? u.terms.join(" ") : u.question;
  const vector = Float32Array.from(await deps.embeddings.embedQuery(query));
  lists.push({ weight: 0.8, hits: await deps.store.searchVector(vector, filter, DEPTH) });

  const fused = new Map<number, number>();
  for (const { weight, hits } of lists) {
    hits.forEach((h, rank) => fused.set(h.chunkId, (fused.get(h.chunkId) ?? 0) + weight / (RRF_K + rank + 1)));
  }
  const chunks = await deps.store.getChunks([...fused.keys()]);
  const ranked = chunks.map((chunk) => ({ chunk, score: fused.get(chunk.id) ?? 0, coverage: coverage(u.folded, chunk) }));
  const key = new Map(ranked.map((r) => [r.chunk.id, r.coverage + bonus(r.chunk)]));
  // Coverage first (a passage holding every asked word beats a passage ranked high for one rare word).
  ranked.sort((a, b) => key.get(b.chunk.id)! - key.get(a.chunk.id)! || b.score - a.score);
  return dedupe(ranked);
}

/** Share of the distinct content words (folded) that occur in the passage or its section heading. */
export function coverage(terms: string[], chunk: Pick<StoredChunk, "text" | "context">): number {
  if (terms.length === 0) return 0;
  const present = new Set(words(fold(`${chunk.context} ${chunk.text}`)));
  return terms.filter((t) => present.has(t)).length / terms.length;
}

/** Drops passages whose words are nearly all those of a better-ranked passage (the same appendix twice). */
function dedupe(ranked: RankedChunk[]): RankedChunk[] {
  const kept: Array<{ r: RankedChunk; shingles: Set<string> }> = [];
  for (const r of ranked) {
    const shingles = shingleSet(r.chunk.text);
    const dup = kept.some((k) => k.r.chunk.docId !== r.chunk.docId && jaccard(k.shingles, shingles) >= 0.8);
    if (!dup) kept.push({ r, shingles });
  }
  return kept.map((k) => k.r);
}

function shingleSet(text: string): Set<string> {
  const w = words(fold(text));
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}
