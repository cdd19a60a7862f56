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

/** A tsvector literal ("'lexeme':1,4 'other':2") of the tokens in order; positions keep phrases. */
export function tsvectorLiteral(toks: string[]): string {
  const positions = new Map<string, number[]>();
  toks.forEach((t, i) => {
    const list = positions.get(t);
    const pos = Math.min(i + 1, MAX_POSITION);
    if (list) list.push(pos);
    else positions.set(t, [pos]);
  });
  return [...positions].map(([t, p]) => `'${t}':${p.join(",")}`).join(" ");
}

/** The tsvector literals of a chunk's pair terms, as written and folded (ts_rank_cd needs their positions). */
export function pairsTsvectors(text: string): { raw: string; folded: string } {
  return {
    raw: tsvectorLiteral(pairTerms(columnTokens("raw", text))),
    folded: tsvectorLiteral(pairTerms(columnTokens("folded", text))),
  };
}

/** A tsquery of one lexeme, or of a phrase's lexemes in a row. Tokens hold only letters, digits and '_'. */
export function lexemeQuery(toks: readonly string[]): string {
  const q = toks.map((t) => `'${t}'`).join(" <-> ");
  return toks.length > 1 ? `(${q})` : q;
}
