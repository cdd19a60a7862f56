/**
 * Full text in PostgreSQL the way FTS5 sees it. The store splits text in TypeScript (store/lexical.ts
 * `columnTokens`: runs of letters and digits, as unicode61 splits), so the server's parser ("229-kl/tw"
 * would be one "file" token) never changes what a phrase is. The "raw" column is those tokens as written;
 * the "folded" one is PostgreSQL's `nhiemvu_folded` configuration (unaccent) over the same tokens, which
 * agrees with core/text.ts `fold` (what callers fold their terms with) on every token of the corpora we
 * hold but footnote superscripts, which it drops (tests/store/pg-search.test.ts checks the agreement).
 * The pair columns hold the pair terms of the raw and the folded tokens, built here.
 */
import { columnTokens, pairTerms } from "../lexical.js";

/** tsvector positions stop at 16383 (PostgreSQL clamps larger ones). */
const MAX_POSITION = 16383;

/**
 * A tsvector literal ("'lexeme':1,4 'other':2A") of the tokens in order; positions keep phrases. `head`
 * tokens (store/lexical.ts chunkHead) come first, weighted A (search.ts weighs A as the head weight,
 * the default D as 1); the text's positions follow them.
 */
export function tsvectorLiteral(toks: string[], head: readonly string[] = []): string {
  const positions = new Map<string, string[]>();
  const add = (t: string, i: number, weight: string) => {
    const list = positions.get(t);
    const pos = `${Math.min(i + 1, MAX_POSITION)}${weight}`;
    if (list) list.push(pos);
    else positions.set(t, [pos]);
  };
  head.forEach((t, i) => add(t, i, "A"));
  toks.forEach((t, i) => add(t, head.length + i, ""));
  return [...positions].map(([t, p]) => `'${t}':${p.join(",")}`).join(" ");
}

/** The tsvector literals of a text's pair terms, as written and folded (ts_rank_cd needs their positions). */
export function pairsTsvectors(text: string): { raw: string; folded: string } {
  return {
    raw: tsvectorLiteral(pairTerms(columnTokens("raw", text))),
    folded: tsvectorLiteral(pairTerms(columnTokens("folded", text))),
  };
}

/** What a chunk row holds for full text, from its text and its head (store/lexical.ts chunkHead). */
export interface ChunkFts {
  /** The row's length as FTS5's BM25 counts it (rowLength). */
  length: number;
  raw: string;
  /** The head's and the text's raw tokens, space-joined: the server folds them (foldedTsvectorSql). */
  folded: [string, string];
  rawPairs: string;
  foldedPairs: string;
}

/** Each column of a chunk row, its text and its head tokenized once each (as written and folded). */
export function chunkFts(text: string, head: string): ChunkFts {
  const raw = columnTokens("raw", text);
  const rawHead = columnTokens("raw", head);
  return {
    length: rowLength(raw.length, rawHead.length),
    raw: tsvectorLiteral(raw, rawHead),
    folded: [rawHead.join(" "), raw.join(" ")],
    rawPairs: tsvectorLiteral(pairTerms(raw), pairTerms(rawHead)),
    foldedPairs: tsvectorLiteral(pairTerms(columnTokens("folded", text)), pairTerms(columnTokens("folded", head))),
  };
}

/**
 * The SQL of a chunk's folded tsvector from a parameter holding ChunkFts `folded`: the server folds the
 * tokens (nhiemvu_folded), the head weighted A and first, as tsvectorLiteral places them. (A phrase of
 * three or more tokens could run from the head's last token into the text, where FTS5's columns keep
 * them apart; only an abbreviation's phrase is that long.)
 */
export function foldedTsvectorSql(param: string): string {
  return `setweight(to_tsvector('nhiemvu_folded', (${param}::text[])[1]), 'A') || to_tsvector('nhiemvu_folded', (${param}::text[])[2])`;
}

/**
 * A chunk's length as FTS5's BM25 counts it: the tokens of every column of its row, the text's and the
 * head's, raw and folded, and their pair terms (4n - 2 for n tokens).
 */
function rowLength(textTokens: number, headTokens: number): number {
  const column = (n: number) => (n > 0 ? 4 * n - 2 : 0);
  return column(textTokens) + column(headTokens);
}

/** A tsquery of one lexeme, or of a phrase's lexemes in a row. Tokens hold only letters, digits and '_'. */
export function lexemeQuery(toks: readonly string[]): string {
  const q = toks.map((t) => `'${t}'`).join(" <-> ");
  return toks.length > 1 ? `(${q})` : q;
}
