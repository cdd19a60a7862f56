import { abbreviationsFor } from "../core/abbreviations.js";
import { fold, nfc, tokens } from "../core/text.js";
import type { LexicalColumn } from "../store/types.js";
import type { Understanding } from "./understand.js";

/**
 * The lexical query of a question: BM25 over its syllables and its pairs of neighbouring syllables,
 * OR-ed in one FTS5 expression (a pair is a phrase). Vietnamese words are compounds of syllables, so a
 * pair ("chế độ", "người có") carries most of the meaning a single syllable lacks: on CongBot syllables
 * alone rank at MRR@10 0.48-0.60, syllables and pairs at 0.73 (bench/lib/bm25.ts). No word is dropped
 * as too common: BM25's IDF already gives it almost no weight.
 */
export interface LexicalQuery {
  column: LexicalColumn;
  /** FTS5 MATCH expression; empty when the question has no word to search for. */
  match: string;
}

/**
 * The column is the text as written when the question has diacritics (they tell "lãi" from "lại"; on
 * CongBot 0.736 against 0.727 folded), else the folded text. English questions search the Vietnamese
 * phrases of their concepts as written; pairs are taken inside each phrase, never across two concepts.
 */
export function questionQuery(u: Understanding): LexicalQuery {
  if (u.concepts) {
    const phrases = u.concepts.flatMap((alts) => alts).filter((a) => a.length > 0);
    return { column: "folded", match: expression(phrases, phrases.flat()) };
  }
  const column: LexicalColumn = u.hasDiacritics ? "raw" : "folded";
  const syllables = u.terms.flatMap((t) => tokens(column === "folded" ? fold(t) : nfc(t).toLowerCase()));
  return { column, match: expression([syllables], column === "folded" ? syllables : syllables.map(fold)) };
}

/** Every syllable and every neighbouring pair of each run, plus the abbreviations of spelled-out phrases. */
function expression(runs: string[][], folded: string[]): string {
  const parts = new Set<string>();
  for (const run of runs) {
    run.forEach((t, i) => {
      parts.add(quote(t));
      const next = run[i + 1];
      if (next !== undefined) parts.add(quote(`${t} ${next}`));
    });
  }
  // A passage may write the abbreviation of a phrase the question spells out ("MTQG" for "mục tiêu quốc gia").
  for (const a of abbreviationsFor(folded)) parts.add(quote(a));
  return [...parts].join(" OR ");
}

function quote(term: string): string {
  // FTS5 strings are double-quoted; the tokenizer splits "229-kl/tw" into its parts inside the phrase.
  return `"${term.toLowerCase().replace(/"/g, "")}"`;
}
