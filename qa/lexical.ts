import { abbreviationsFor } from "../core/abbreviations.js";

/**
 * FTS5 MATCH expressions from a question's words: the selective words, and pairs of neighbouring words
 * as phrases, OR-ed, so that passages holding the words together rank first under BM25.
 */

/** A word in more than this share of chunks is left out of the query (it would make BM25 score nearly
 *  every chunk); the ranking after retrieval still weighs it. */
const COMMON_SHARE = 0.05;
/** A pair is kept while its rarer word is in at most this share of chunks. */
const COMMON_PAIR_SHARE = 0.1;

export interface TermStats {
  chunks: number;
  df: Map<string, number>;
}

/**
 * The MATCH expression for `terms`. With document frequencies (`stats`, keyed by the folded word as
 * `key(term)` gives it), words too common to select anything are dropped; the three rarest are always kept.
 */
export function matchExpression(terms: string[], stats?: TermStats, key: (t: string) => string = (t) => t): string {
  const clean = terms.map((t) => t.toLowerCase().replace(/"/g, "")).filter((t) => t.length > 0);
  if (clean.length === 0) return "";
  const share = (t: string) => (stats && stats.chunks > 0 ? (stats.df.get(key(t)) ?? 0) / stats.chunks : 0);
  const rarest = new Set([...clean].sort((a, b) => share(a) - share(b)).slice(0, 3));
  const parts = new Set<string>();
  for (let i = 0; i < clean.length; i++) {
    const t = clean[i]!;
    if (share(t) <= COMMON_SHARE || rarest.has(t)) parts.add(quote(t));
    const next = clean[i + 1];
    if (next && Math.min(share(t), share(next)) <= COMMON_PAIR_SHARE) parts.add(quote(`${t} ${next}`));
  }
  // A passage may write the abbreviation of a phrase the question spells out ("MTQG" for "mục tiêu quốc gia").
  for (const a of abbreviationsFor(clean.map(key))) parts.add(quote(a));
  return [...parts].join(" OR ");
}

function quote(term: string): string {
  // FTS5 strings are double-quoted; the tokenizer splits "229-kl/tw" into its parts inside the phrase.
  return `"${term}"`;
}
