/**
 * Full text in PostgreSQL the way FTS5 sees it. The store tokenizes in TypeScript (`tokens`: runs of
 * letters and digits, as unicode61 splits) and hands PostgreSQL literal tsvectors and tsqueries, so
 * neither the server's parser ("229-kl/tw" would be one "file" token), its locale's lower-casing nor
 * its extensions change what matches: the "folded" column holds exactly `fold(text)`'s tokens, the
 * same function the callers fold their terms with.
 */
import { fold, nfc, tokens } from "../../core/text.js";
import type { LexicalColumn } from "../types.js";

/** tsvector positions stop at 16383 (PostgreSQL clamps larger ones). */
const MAX_POSITION = 16383;

/** The tokens of a chunk's text for one column. */
export function columnTokens(column: LexicalColumn, text: string): string[] {
  return tokens(column === "folded" ? fold(text) : nfc(text).toLowerCase());
}

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

/**
 * The tsquery literal for the MATCH subset the callers write (qa/lexical.ts): double-quoted phrases
 * joined by OR. Each phrase becomes its tokens joined by <-> (adjacent, in order, as an FTS5 phrase),
 * the phrases are OR-ed. Anything outside quotes is read as bare words, each its own phrase. Returns
 * undefined when no token is left (the search then finds nothing instead of failing).
 */
export function tsqueryFromMatch(column: LexicalColumn, match: string): string | undefined {
  const phrases: string[][] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  for (let m = re.exec(match); m; m = re.exec(match)) {
    if (m[2] !== undefined && /^(OR|AND|NOT|NEAR)$/.test(m[2])) continue;
    const toks = columnTokens(column, m[1] ?? m[2]!);
    if (toks.length > 0) phrases.push(toks);
  }
  if (phrases.length === 0) return undefined;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const p of phrases) {
    const q = p.map((t) => `'${t}'`).join(" <-> ");
    if (seen.has(q)) continue;
    seen.add(q);
    parts.push(p.length > 1 ? `(${q})` : q);
  }
  return parts.join(" | ");
}

/** The one-token tsquery for a term, or undefined when the term is not a single token (FTS5's
 *  vocabulary holds tokens only, so such a term has no document frequency there either). */
export function termQuery(column: LexicalColumn, term: string): string | undefined {
  const toks = columnTokens(column, term);
  return toks.length === 1 && toks[0] === term ? `'${toks[0]}'` : undefined;
}
