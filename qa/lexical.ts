import { abbreviationsFor } from "../core/abbreviations.js";
import { fold, nfc, tokens } from "../core/text.js";
import type { LexicalColumn, LexicalQuery, TermStats } from "../store/types.js";
import { POLICY } from "./policy.js";
import type { Understanding } from "./understand.js";

/**
 * The lexical query of a question: BM25 over its syllables and its pairs of neighbouring syllables,
 * OR-ed in one store query (store/types.ts LexicalQuery; a pair is one indexed term). Vietnamese words are
 * compounds of syllables, so a pair ("chế độ", "người có") carries most of the meaning a single syllable
 * lacks: on CongBot syllables alone rank at MRR@10 0.48-0.60, syllables and pairs at 0.73 (bench/lib/bm25.ts).
 * Every syllable of the question counts, question words and function words too ("có được", "bao nhiêu"
 * are pairs that passages hold): BM25's IDF already weighs them down, and leaving them out cost CongBot
 * 0.03 (0.716 with the search words only, 0.746 with every syllable). Every pair is kept (a pair is one
 * indexed term, cheap to look up); only syllables in many chunks are left out (qa/policy.ts `lexical`).
 */
export type { LexicalQuery };

/** True when the query has no word to search for. */
export function isEmptyQuery(q: LexicalQuery): boolean {
  return q.terms.length + q.pairs.length + (q.phrases?.length ?? 0) === 0;
}

/**
 * The column is the text as written when the question has diacritics (they tell "lãi" from "lại"; on
 * CongBot 0.736 against 0.727 folded), else the folded text. English questions search the folded
 * Vietnamese phrases of their concepts; pairs are taken inside each phrase, never across two concepts.
 */
export function questionQuery(u: Understanding, stats?: TermStats): LexicalQuery {
  const { candidates, headWeight } = POLICY.lexical;
  if (u.concepts) {
    const phrases = u.concepts.flatMap((alts) => alts).filter((a) => a.length > 0);
    return { column: "folded", ...expression(phrases, phrases.flat(), stats), candidates, headWeight };
  }
  const column: LexicalColumn = u.hasDiacritics ? "raw" : "folded";
  // A question of question words alone ("là gì?") asks about nothing.
  if (u.folded.length === 0) return { column, terms: [], pairs: [] };
  const syllables = u.words.flatMap((t) => tokens(column === "folded" ? fold(t) : nfc(t).toLowerCase()));
  return { column, ...expression([syllables], column === "folded" ? syllables : syllables.map(fold), stats), candidates, headWeight };
}

/** Every syllable and every neighbouring pair of each run, plus the abbreviations of spelled-out phrases. */
function expression(runs: string[][], folded: string[], stats?: TermStats): Omit<LexicalQuery, "column"> {
  const share = (t: string) => (stats && stats.chunks > 0 ? (stats.df.get(fold(t)) ?? 0) / stats.chunks : 0);
  // The two rarest syllables stay whatever their share: a question of common words still searches.
  const rarest = new Set(runs.flat().sort((a, b) => share(a) - share(b)).slice(0, 2));
  const terms = new Set<string>();
  const pairs = new Set<string>();
  const phrases = new Set<string>();
  for (const run of runs) {
    run.forEach((t, i) => {
      if (share(t) <= POLICY.lexical.commonShare || rarest.has(t)) terms.add(t.toLowerCase());
      const next = run[i + 1];
      if (next !== undefined) pairs.add(`${t} ${next}`.toLowerCase());
    });
  }
  // A passage may write the abbreviation of a phrase the question spells out ("MTQG" for "mục tiêu quốc gia").
  for (const a of abbreviationsFor(folded)) {
    // The store splits "229-kl/tw" into its tokens, as FTS5 split it inside a phrase.
    const n = tokens(a).length;
    (n === 1 ? terms : n === 2 ? pairs : phrases).add(a.toLowerCase());
  }
  return { terms: [...terms], pairs: [...pairs], ...(phrases.size > 0 ? { phrases: [...phrases] } : {}) };
}
