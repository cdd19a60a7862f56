/**
 * Common administrative abbreviations of Vietnamese documents ("Chương trình MTQG", "vùng đồng bào DTTS",
 * "phát triển KT-XH"). A question and a document may each write either form, so both directions are
 * served from this one list: abbreviations in a text are spelled out for word matching
 * (`expandWritten`, `expandFolded`), and the spelled-out phrases a question holds are turned back into
 * their abbreviations for full-text search (`abbreviationsFor`). Names of bodies (UBND, HĐND, BTCTW) are
 * the organisation registry's business (core/orgs, core/text.ts nameKey), not this list's. The lists
 * themselves live in core/abbreviation-lists.ts.
 */
import { isFunctionWord } from "./stopwords.js";
import { PHRASE_ABBREVIATIONS as WRITTEN } from "./abbreviation-lists.js";
import { fold, tokens } from "./text.js";


interface Entry {
  /** The abbreviation's folded tokens ("KT-XH" -> ["kt", "xh"]). */
  key: string[];
  /** Its tokens as written, lower case ("đbscl"): the as-written full-text index holds these. */
  writtenKey: string[];
  /** The phrase's tokens as written, and folded. */
  words: string[];
  folded: string[];
  /** The phrase as a question's search words read it: folded, function words out, each once. */
  searchKey: string[];
}

const ENTRIES: readonly Entry[] = Object.entries(WRITTEN).map(([abbr, phrase]) => {
  const words = tokens(phrase);
  const folded = words.map(fold);
  const searchKey = [...new Set(words.filter((w) => !isFunctionWord(w, "vi")).map(fold))];
  return { key: tokens(abbr).map(fold), writtenKey: tokens(abbr).map((t) => t.toLowerCase()), words, folded, searchKey };
});

/** First folded token of an abbreviation -> its entries, longest first (so "KHCN&ĐMST" wins over "KHCN"). */
const BY_FIRST = new Map<string, Entry[]>();
for (const e of [...ENTRIES].sort((a, b) => b.key.length - a.key.length)) {
  const list = BY_FIRST.get(e.key[0]!) ?? [];
  list.push(e);
  BY_FIRST.set(e.key[0]!, list);
}

/** The entry whose abbreviation starts at `i` in folded tokens, if any. */
function entryAt(folded: string[], i: number): Entry | undefined {
  const list = BY_FIRST.get(folded[i]!);
  return list?.find((e) => e.key.every((k, j) => folded[i + j] === k));
}

/** Tokens as written, each abbreviation replaced by its phrase as written ("MTQG" -> "mục", "tiêu", "quốc", "gia"). */
export function expandWritten(words: string[]): string[] {
  const folded = words.map(fold);
  return expand(folded, (e) => e.words, (i) => words[i]!);
}

/** Folded tokens, each abbreviation replaced by its folded phrase ("mtqg" -> "muc", "tieu", "quoc", "gia"). */
export function expandFolded(folded: string[]): string[] {
  // Most passages hold none: answer without copying.
  if (!folded.some((t) => BY_FIRST.has(t))) return folded;
  return expand(folded, (e) => e.folded, (i) => folded[i]!);
}

function expand(folded: string[], phrase: (e: Entry) => string[], own: (i: number) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < folded.length; ) {
    const e = entryAt(folded, i);
    if (e) {
      out.push(...phrase(e));
      i += e.key.length;
    } else {
      out.push(own(i));
      i++;
    }
  }
  return out;
}

/**
 * The abbreviations of the phrases a question's search words hold, as full-text phrases (folded and as
 * written): "mục tiêu quốc gia" in the question finds passages that write "MTQG". `terms` are folded
 * search words in question order (function words already out, each once).
 */
export function abbreviationsFor(terms: string[]): string[] {
  const out = new Set<string>();
  for (const e of ENTRIES) {
    const n = e.searchKey.length;
    for (let i = 0; i + n <= terms.length; i++) {
      if (e.searchKey.every((k, j) => terms[i + j] === k)) {
        out.add(e.key.join(" "));
        out.add(e.writtenKey.join(" "));
        break;
      }
    }
  }
  return [...out];
}

/** Every abbreviation with its phrase, for tests and reports. */
export function abbreviationList(): ReadonlyArray<readonly [string, string]> {
  return Object.entries(WRITTEN);
}
