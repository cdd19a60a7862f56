/**
 * What both stores index and search for full text, written once: a column's tokens (core/text.ts
 * `tokens`: runs of letters and digits, as FTS5's unicode61 splits), the neighbouring pairs of those
 * tokens as single index terms ("trợ_cấp"), and a LexicalQuery read into the items each store searches.
 * A pair is one term lookup where a two-word phrase needs both words' doclists and their positions
 * (on the 426 documents a question's query of syllables and pairs went from p50/p95 18/40 ms to the
 * figures in the commit that brought pair columns).
 */
import { docLabel } from "../core/display.js";
import { fold, nfc, tokens } from "../core/text.js";
import type { DocumentMeta } from "../core/types.js";
import type { LexicalColumn, LexicalQuery } from "./types.js";

/** Joins the two syllables of a pair term: not a letter or digit, so no syllable holds it. */
export const PAIR_JOINER = "_";

/** The tokens of a text for one column. */
export function columnTokens(column: LexicalColumn, text: string): string[] {
  return tokens(column === "folded" ? fold(text) : nfc(text).toLowerCase());
}

/**
 * Where a chunk sits, indexed beside its text in columns of their own (the head columns): its document's
 * kind and number ("Kế hoạch 141/KH-UBND"), issuer and title, and its heading path (the chunk's
 * `context`, which opens with the title). A question names the plan, the province or the regulation an
 * item belongs to ("Theo Quy định 383-QĐ/TW, hồ sơ phải nộp ..."), and the item's own text seldom repeats
 * it. Searched as one field of the row with its own weight (LexicalQuery `headWeight`), as BM25F weighs
 * a title.
 */
export function chunkHead(meta: Pick<DocumentMeta, "kind" | "number" | "issuer">, context: string): string {
  return [meta.number ? docLabel(meta, "") : "", meta.issuer ?? "", context].filter(Boolean).join(" ");
}

/** The pair terms of a token sequence: each token joined to the next. */
export function pairTerms(toks: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < toks.length; i++) out.push(`${toks[i]}${PAIR_JOINER}${toks[i + 1]}`);
  return out;
}

/** A query read into what the index holds: single tokens, pair terms and longer phrases (as tokens), each once. */
export interface LexicalItems {
  terms: string[];
  pairs: string[];
  phrases: string[][];
}

/**
 * Each item of `query` tokenized as its column is: one token is a term, two a pair term, more a phrase
 * (whatever list it came in); an item without tokens is dropped. Order is kept, duplicates go.
 */
export function lexicalItems(query: LexicalQuery): LexicalItems {
  const terms = new Set<string>();
  const pairs = new Set<string>();
  const phrases = new Map<string, string[]>();
  for (const item of [...query.terms, ...query.pairs, ...(query.phrases ?? [])]) {
    const toks = columnTokens(query.column, item);
    if (toks.length === 1) terms.add(toks[0]!);
    else if (toks.length === 2) pairs.add(pairTerms(toks)[0]!);
    else if (toks.length > 2) phrases.set(toks.join(" "), toks);
  }
  return { terms: [...terms], pairs: [...pairs], phrases: [...phrases.values()] };
}

/** True when a query has nothing to search for. */
export function isEmptyLexical(items: LexicalItems): boolean {
  return items.terms.length + items.pairs.length + items.phrases.length === 0;
}

/**
 * The items of a query a candidate chunk must hold (LexicalQuery `candidates`): those in at most `share`
 * of the `chunks`, and the two rarest whatever their share; undefined when every item is rare (nothing
 * to leave out). Both stores split a query by this one rule.
 */
export function rareItems<T extends { df: number }>(items: readonly T[], share: number, chunks: number): { rare: T[]; common: T[] } | undefined {
  const rarest = new Set([...items].sort((a, b) => a.df - b.df).slice(0, 2));
  const rare = items.filter((x) => x.df <= share * chunks || rarest.has(x));
  if (rare.length === items.length) return undefined;
  return { rare, common: items.filter((x) => !rare.includes(x)) };
}
