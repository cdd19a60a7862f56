/**
 * Hybrid retrieval: BM25 over the as-written and the folded text, plus the vector index, fused by
 * reciprocal rank. Relevance is then judged by how much of the question a passage holds: its words
 * weighted by rarity (IDF from the index), and its pairs of neighbouring words. Near-identical passages
 * from different documents are shown once.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { isRecipientsLabel } from "../core/sections.js";
import { sentenceSpans } from "../core/sentences.js";
import { fold, tokens } from "../core/text.js";
import type { ChunkFilter, ScoredChunk, Store, StoredChunk } from "../store/types.js";
import { conceptMatch } from "./concepts.js";
import { matchExpression, type TermStats } from "./lexical.js";
import type { Understanding } from "./understand.js";

export interface RankedChunk {
  chunk: StoredChunk;
  /** Fused reciprocal-rank score, higher is better. */
  score: number;
  /** Share of the question's content held by the passage, words weighted by rarity (0..1). */
  coverage: number;
  /** Share of the question's neighbouring word pairs found side by side in the passage (0..1). */
  adjacency: number;
  /** The ordering key: relevance plus the fused rank, scaled. */
  key: number;
}

const RRF_K = 60;
/**
 * Weight of the fused rank (scaled to the best candidate's) against coverage in the final order. On
 * CongBot (bench) 0.5 raised MRR@10 from 0.624 to 0.652 with the dev and 40-question scores unchanged or
 * better; 1.0 cost a dev question.
 */
const RANK_WEIGHT = 0.5;
const DEPTH = 40;

export async function retrieve(
  u: Understanding,
  deps: { store: Store; embeddings: Embeddings },
  filter: ChunkFilter,
): Promise<RankedChunk[]> {
  const lists: Array<{ weight: number; hits: ScoredChunk[] }> = [];
  const stats = await deps.store.termFrequencies("folded", u.folded);
  const folded = matchExpression(u.folded, stats);
  if (folded) lists.push({ weight: 1, hits: await deps.store.searchLexical("folded", folded, filter, DEPTH) });
  // An English question's terms are the Vietnamese words of its concepts, as written.
  const raw = u.hasDiacritics || u.concepts ? matchExpression(u.terms, stats, fold) : "";
  if (raw) lists.push({ weight: 1.2, hits: await deps.store.searchLexical("raw", raw, filter, DEPTH) });
  const query = u.terms.length > 0 ? u.terms.join(" ") : u.question;
  const vector = Float32Array.from(await deps.embeddings.embedQuery(query));
  lists.push({ weight: 0.8, hits: await deps.store.searchVector(vector, filter, DEPTH) });

  const fused = new Map<number, number>();
  for (const { weight, hits } of lists) {
    hits.forEach((h, rank) => fused.set(h.chunkId, (fused.get(h.chunkId) ?? 0) + weight / (RRF_K + rank + 1)));
  }
  const weights = termWeights(u.folded, stats);
  const chunks = (await deps.store.getChunks([...fused.keys()])).filter((c) => !isRecipientsLabel(c.sectionLabel));
  const ranked = chunks.map((chunk) => {
    // The heading path is shortened in `context`; the document's full title is read too.
    const context = new Set(tokens(fold(`${chunk.docMeta.title ?? ""} ${chunk.context}`)));
    // An answer stands in one sentence or two: words scattered over a long list do not make one.
    let best = { coverage: 0, adjacency: 0 };
    for (const own of sentenceWindows(chunk.text)) {
      const c = u.concepts
        ? conceptMatch(u.concepts, weights, own, context)
        : { coverage: coverage(u.folded, weights, own, context), adjacency: adjacency(u.folded, own) };
      if (relevance(c) > relevance(best)) best = c;
    }
    return { chunk, score: fused.get(chunk.id) ?? 0, ...best };
  });
  // What a passage holds of the question, plus its fused rank scaled to the best one: coverage alone
  // is coarse (many passages hold every word), the rank alone ignores where words stand.
  const top = Math.max(...ranked.map((r) => r.score), Number.MIN_VALUE);
  const keyed = ranked.map((r) => ({ ...r, key: relevance(r) + RANK_WEIGHT * (r.score / top) }));
  keyed.sort((a, b) => b.key - a.key);
  return dedupe(keyed);
}

/** Share of the (folded) words that occur in a text, unweighted: a quick test of one quote or sentence. */
export function wordShare(terms: string[], text: string): number {
  if (terms.length === 0) return 0;
  const present = new Set(tokens(fold(text)));
  return terms.filter((t) => present.has(t)).length / terms.length;
}

/** The ordering key of a passage: weighted coverage, plus a little for words standing together. */
export function relevance(r: Pick<RankedChunk, "coverage" | "adjacency">): number {
  return r.coverage + 0.3 * r.adjacency;
}

/** The folded words of each sentence of a passage, and of each pair of neighbouring sentences. */
function sentenceWindows(text: string): string[][] {
  const folded = fold(text);
  // fold() keeps the length of NFC text, so sentence offsets found on the text slice its folded copy.
  const spans = folded.length === text.length ? sentenceSpans(text) : [];
  if (spans.length <= 1) return [tokens(folded)];
  const each = spans.map((sp) => tokens(folded.slice(sp.start, sp.end)));
  const out: string[][] = [];
  each.forEach((w, i) => {
    out.push(w);
    const next = each[i + 1];
    if (next) out.push(w.concat(next));
  });
  return out;
}

/** IDF weight of each question word (a word missing from the index weighs as much as the rarest). */
function termWeights(terms: string[], { chunks, df }: TermStats): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) out.set(t, Math.log(1 + (chunks + 1) / ((df.get(t) ?? 0) + 1)));
  return out;
}

/**
 * Weighted share of the question's words in the passage. Vietnamese words are compounds of syllables,
 * so a syllable counts fully when it stands next to one of its question neighbours in the passage too
 * ("miễn thị thực"), half when it only occurs elsewhere ("thực" of "thực hiện"); a word found only in the
 * heading path or the title counts half as well.
 */
function coverage(terms: string[], weights: Map<string, number>, own: string[], context: Set<string>): number {
  const present = new Set(own);
  const pairs = pairSet(own);
  let total = 0;
  let held = 0;
  terms.forEach((t, i) => {
    const w = weights.get(t) ?? 0;
    total += w;
    if (present.has(t)) {
      const joined = (i > 0 && pairs.has(`${terms[i - 1]} ${t}`)) || (i + 1 < terms.length && pairs.has(`${t} ${terms[i + 1]}`));
      held += joined || terms.length === 1 ? w : w / 2;
    } else if (context.has(t)) held += w / 2;
  });
  return total > 0 ? held / total : 0;
}

function pairSet(words: string[]): Set<string> {
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < words.length; i++) pairs.add(`${words[i]} ${words[i + 1]}`);
  return pairs;
}

function adjacency(terms: string[], present: string[]): number {
  if (terms.length < 2) return 0;
  const pairs = pairSet(present);
  let n = 0;
  for (let i = 0; i + 1 < terms.length; i++) if (pairs.has(`${terms[i]} ${terms[i + 1]}`)) n++;
  return n / (terms.length - 1);
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
  const w = tokens(fold(text));
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
