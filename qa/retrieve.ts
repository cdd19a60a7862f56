/**
 * Hybrid retrieval: BM25 over syllables and syllable pairs (qa/lexical.ts), plus the vector index, fused
 * by reciprocal rank. Relevance is then judged by how much of the question a passage holds: its words
 * weighted by rarity (IDF from the index), and its pairs of neighbouring words. Near-identical passages
 * from different documents are shown once.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { foldedWords } from "../core/abbreviations.js";
import { isRecipientsLabel } from "../core/sections.js";
import { sentenceSpans } from "../core/sentences.js";
import { fold, tokens } from "../core/text.js";
import type { ChunkFilter, ScoredChunk, Store, StoredChunk, TermStats } from "../store/types.js";
import { conceptMatch } from "./concepts.js";
import { isEmptyQuery, questionQuery } from "./lexical.js";
import { POLICY, type Policy } from "./policy.js";
import type { Understanding } from "./understand.js";

export interface RankedChunk {
  chunk: StoredChunk;
  /** Fused reciprocal-rank score, higher is better. */
  score: number;
  /** Share of the question's content held by the passage, words weighted by rarity (0..1). */
  coverage: number;
  /** Share of the question's neighbouring word pairs found side by side in the passage (0..1). */
  adjacency: number;
  /** The passage's BM25 score as a share of the best passage's (0..1; 0 when BM25 did not rank it). */
  lexicalShare: number;
  /** Share of the question's content anywhere in the passage, its heading path or title, words weighted by rarity (0..1). */
  share: number;
  /** The ordering key: relevance plus the fused rank, scaled. */
  key: number;
}

export async function retrieve(
  u: Understanding,
  deps: { store: Store; embeddings: Embeddings },
  filter: ChunkFilter,
  policy: Policy["ranking"] = POLICY.ranking,
): Promise<RankedChunk[]> {
  const lists: Array<{ weight: number; hits: ScoredChunk[] }> = [];
  const stats = await deps.store.termFrequencies("folded", [...new Set([...u.folded, ...u.words.map(fold)])]);
  const lexical = questionQuery(u, stats);
  const lexicalHits = isEmptyQuery(lexical) ? [] : await deps.store.searchLexical(lexical, filter, policy.depth);
  if (lexicalHits.length > 0) lists.push({ weight: 1, hits: lexicalHits });
  const bestLexical = Math.max(...lexicalHits.map((h) => h.score), Number.MIN_VALUE);
  const lexicalShare = new Map(lexicalHits.map((h) => [h.chunkId, h.score / bestLexical]));
  if (policy.vectorWeight > 0) {
    const query = u.terms.length > 0 ? u.terms.join(" ") : u.question;
    const vector = Float32Array.from(await deps.embeddings.embedQuery(query));
    lists.push({ weight: policy.vectorWeight, hits: await deps.store.searchVector(vector, filter, policy.depth) });
  }

  const fused = new Map<number, number>();
  for (const { weight, hits } of lists) {
    hits.forEach((h, rank) => fused.set(h.chunkId, (fused.get(h.chunkId) ?? 0) + weight / (policy.rrfK + rank + 1)));
  }
  const weights = termWeights(u.folded, stats);
  const wanted = new Set(u.folded);
  const chunks = (await deps.store.getChunks([...fused.keys()])).filter((c) => !isRecipientsLabel(c.sectionLabel));
  const words = new Map<number, readonly string[]>();
  const ranked = chunks.map((chunk) => {
    const { sentences, all } = passageWords(chunk.text);
    words.set(chunk.id, all);
    // The heading path is shortened in `context`; the document's full title is read too.
    const context = contextWords(`${chunk.docMeta.title ?? ""} ${chunk.context}`);
    // An answer stands in one sentence or two: words scattered over a long list do not make one.
    let best = { coverage: 0, adjacency: 0 };
    for (const own of sentenceWindows(sentences, wanted)) {
      // English questions are judged by concept, any of its Vietnamese alternatives (qa/concepts.ts).
      const c = u.concepts
        ? conceptMatch(u.concepts, weights, own, context)
        : { coverage: coverage(u.folded, u.pairs, weights, own, context), adjacency: adjacency(u.pairs, own) };
      if (relevance(c) > relevance(best)) best = c;
    }
    const whole = held(all, wanted);
    const share = u.concepts ? conceptMatch(u.concepts, weights, whole, context).coverage : presentShare(u.folded, weights, whole.words, context);
    return { chunk, score: fused.get(chunk.id) ?? 0, lexicalShare: lexicalShare.get(chunk.id) ?? 0, ...best, share };
  });
  // The fused rank scaled to the best one, plus what a passage holds of the question.
  const top = Math.max(...ranked.map((r) => r.score), Number.MIN_VALUE);
  const weight = u.concepts ? policy.conceptCoverageWeight : policy.coverageWeight;
  const keyed = ranked.map((r) => ({ ...r, key: r.score / top + weight * relevance(r) }));
  keyed.sort((a, b) => b.key - a.key);
  return dedupe(keyed, words);
}

/** Share of the (folded) words that occur in a text, unweighted: a quick test of one quote or sentence. */
export function wordShare(terms: string[], text: string): number {
  if (terms.length === 0) return 0;
  const present = new Set(foldedWords(text));
  return terms.filter((t) => present.has(t)).length / terms.length;
}

/**
 * Weighted share of the (folded) words in a text, each weighted (termWeights) and counted as coverage
 * counts it: fully beside a word it stands beside in `pairs`, half alone ("thanh" of "thanh tra" for
 * "Thanh Hóa").
 */
export function weightedWordShare(terms: string[], pairs: string[], weights: Map<string, number>, text: string): number {
  return coverage(terms, pairs, weights, held(foldedWords(text), new Set(terms)), new Set());
}

/** The ordering key of a passage: weighted coverage, plus a little for words standing together. */
export function relevance(r: Pick<RankedChunk, "coverage" | "adjacency">): number {
  return r.coverage + 0.3 * r.adjacency;
}

/** Cached readings are dropped past this many, oldest first (a bound on memory: about 13 KB a passage). */
const READ_CACHE_MAX = 2_000;

/**
 * `read`, remembered by its argument. The passages of a topic recur from question to question (200
 * CongBot and dev questions over 64k chunks rank 7,494 passages, 4,049 distinct; a third of the readings
 * are found here), and reading a passage's words is most of ranking's own time (about 0.1 ms a passage).
 * A reading is a function of the text alone, so nothing goes stale when the store changes; callers must
 * not change what they get.
 */
function remembered<T>(read: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = read(key);
    if (cache.size >= READ_CACHE_MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, value);
    return value;
  };
}

const passageWords = remembered(chunkWords);

/** The words of a passage's title and heading path, as a set (coverage counts a word found only there half). */
const contextWords = remembered((text): ReadonlySet<string> => new Set(foldedWords(text)));

/**
 * The folded words of a passage: of each sentence (the whole text as one when it has a single sentence),
 * and all of them in order.
 */
function chunkWords(text: string): { sentences: ReadonlyArray<readonly string[]>; all: readonly string[] } {
  const folded = fold(text);
  const all = foldedWords(text, folded);
  // fold() keeps the length of NFC text, so sentence offsets found on the text slice its folded copy.
  const spans = folded.length === text.length ? sentenceSpans(text) : [];
  if (spans.length <= 1) return { sentences: [all], all };
  return { sentences: spans.map((sp) => foldedWords(text.slice(sp.start, sp.end), folded.slice(sp.start, sp.end))), all };
}

/**
 * What each sentence of a passage, and each pair of neighbouring sentences, holds of the question: its
 * question words, and its pairs of neighbouring words that are both question words. Scoring asks only
 * about question words, so the rest of a sentence is left out here (the answers are the same).
 */
function sentenceWindows(sentences: ReadonlyArray<readonly string[]>, wanted: Set<string>): Held[] {
  const each = sentences.map((w) => held(w, wanted));
  if (each.length === 1) return each;
  const out: Held[] = [];
  each.forEach((h, i) => {
    out.push(h);
    const next = each[i + 1];
    if (!next) return;
    const words = new Set([...h.words, ...next.words]);
    const pairs = new Set([...h.pairs, ...next.pairs]);
    // The pair across the two sentences: the last word of one and the first of the next.
    const last = sentences[i]!.at(-1), first = sentences[i + 1]![0];
    if (last !== undefined && first !== undefined && wanted.has(last) && wanted.has(first)) pairs.add(`${last} ${first}`);
    out.push({ words, pairs });
  });
  return out;
}

interface Held {
  /** The question words a text holds. */
  words: Set<string>;
  /** Its neighbouring word pairs "a b" where a and b are both question words. */
  pairs: Set<string>;
}

function held(words: readonly string[], wanted: Set<string>): Held {
  const out: Held = { words: new Set(), pairs: new Set() };
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!wanted.has(w)) continue;
    out.words.add(w);
    const next = words[i + 1];
    if (next !== undefined && wanted.has(next)) out.pairs.add(`${w} ${next}`);
  }
  return out;
}

/** IDF weight of each question word (a word missing from the index weighs as much as the rarest). */
export function termWeights(terms: string[], { chunks, df }: TermStats): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of terms) out.set(t, Math.log(1 + (chunks + 1) / ((df.get(t) ?? 0) + 1)));
  return out;
}

/**
 * Weighted share of the question's words in the passage. Vietnamese words are compounds of syllables,
 * so a syllable counts fully when it stands in the passage beside a word it stands beside in the question
 * ("miễn thị thực"), half when it only occurs elsewhere ("thực" of "thực hiện"); a word found only in the
 * heading path or the title counts half as well.
 */
function coverage(terms: string[], pairs: string[], weights: Map<string, number>, own: Held, context: ReadonlySet<string>): number {
  const joined = new Set(pairs.filter((p) => own.pairs.has(p)).flatMap((p) => p.split(" ")));
  let total = 0;
  let held = 0;
  for (const t of terms) {
    const w = weights.get(t) ?? 0;
    total += w;
    if (own.words.has(t)) held += joined.has(t) || terms.length === 1 ? w : w / 2;
    else if (context.has(t)) held += w / 2;
  }
  return total > 0 ? held / total : 0;
}

/** Weighted share of the question's words found anywhere in the passage or its context. */
function presentShare(terms: string[], weights: Map<string, number>, words: Set<string>, context: ReadonlySet<string>): number {
  let total = 0;
  let held = 0;
  for (const t of terms) {
    const w = weights.get(t) ?? 0;
    total += w;
    if (words.has(t) || context.has(t)) held += w;
  }
  return total > 0 ? held / total : 0;
}

/** Share of the question's neighbouring pairs that stand side by side in the passage. */
function adjacency(pairs: string[], own: Held): number {
  return pairs.length === 0 ? 0 : pairs.filter((p) => own.pairs.has(p)).length / pairs.length;
}

/** Drops passages whose words are nearly all those of a better-ranked passage (the same appendix twice). */
function dedupe(ranked: RankedChunk[], words: Map<number, readonly string[]>): RankedChunk[] {
  const kept: Array<{ r: RankedChunk; shingles: Set<string> }> = [];
  for (const r of ranked) {
    const shingles = shingleSet(words.get(r.chunk.id)!);
    const dup = kept.some((k) => k.r.chunk.docId !== r.chunk.docId && similar(k.shingles, shingles));
    if (!dup) kept.push({ r, shingles });
  }
  return kept.map((k) => k.r);
}

function shingleSet(w: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

const DUPLICATE_JACCARD = 0.8;

/**
 * Jaccard similarity of two shingle sets at least DUPLICATE_JACCARD. Counting stops as soon as even
 * every remaining shingle shared could not reach it (most pairs of passages differ at once).
 */
function similar(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const jaccard = (inter: number) => inter / (a.size + b.size - inter);
  if (jaccard(small.size) < DUPLICATE_JACCARD) return false;
  let inter = 0;
  let left = small.size;
  for (const x of small) {
    left--;
    if (large.has(x)) inter++;
    else if (jaccard(inter + left) < DUPLICATE_JACCARD) return false;
  }
  return jaccard(inter) >= DUPLICATE_JACCARD;
}
