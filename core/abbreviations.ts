/**
 * Other ways of writing a phrase, and reading them alike: common administrative abbreviations of
 * Vietnamese documents ("Chương trình MTQG", "vùng đồng bào DTTS", "phát triển KT-XH"), and the phrasings
 * people use for what documents name otherwise ("nhà đất còn thừa" for "nhà đất dôi dư";
 * core/synonym-lists.ts). A question and a document may each write either form, so both directions are
 * served from these lists: in a text, an abbreviation is spelled out and a phrasing read as the group's
 * first phrase for word matching (`expandWritten`, `foldedWords`), and the phrases a
 * question holds are searched in every form (`abbreviationsFor`). Names of bodies (UBND, HĐND, BTCTW) are
 * the organisation registry's business (core/orgs, core/text.ts nameKey), not these lists'. The lists
 * themselves live in core/abbreviation-lists.ts and core/synonym-lists.ts.
 */
import { isFunctionWord } from "./stopwords.js";
import { PHRASE_ABBREVIATIONS as WRITTEN } from "./abbreviation-lists.js";
import { PHRASE_SYNONYMS } from "./synonym-lists.js";
import { fold, lowKey, tokens } from "./text.js";

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
  /**
   * A phrasing (not an abbreviation) is matched as written where the text has diacritics: folded,
   * "dựng lại" would also read "dừng lại", and "cô giáo" "có giao".
   */
  asWritten: boolean;
  /** The form is the phrase itself (a group's first phrase): read, it stays as written. */
  same: boolean;
  /** The form's tokens as matching compares them written: lower case, one tone placement ("xoá" = "xóa"). */
  matchKey: string[];
}

/** An entry reading `form` as `phrase`, found for a question holding `searchKey`. */
function entry(form: string, phrase: string, searchKey: string[], asWritten = false): Entry {
  const forms = tokens(form);
  const words = tokens(phrase);
  const matchKey = forms.map(lowKey);
  return {
    key: forms.map(fold), writtenKey: forms.map((t) => t.toLowerCase()), words, folded: words.map(fold), searchKey,
    asWritten, matchKey, same: matchKey.join(" ") === words.map(lowKey).join(" "),
  };
}

const ENTRIES: readonly Entry[] = [
  ...Object.entries(WRITTEN).map(([abbr, phrase]) => {
    const searchKey = [...new Set(tokens(phrase).filter((w) => !isFunctionWord(w, "vi")).map(fold))];
    return entry(abbr, phrase, searchKey);
  }),
  // Every phrase of a group reads as its first, the first as itself (so that a longer phrase is read
  // whole before a shorter one inside it); a question holding the first is searched in every form.
  ...PHRASE_SYNONYMS.flatMap((group) => group.map((form) => entry(form, group[0]!, tokens(fold(group[0]!)), true))),
];

/**
 * First folded token of a form -> its entries, longest first (so "KHCN&ĐMST" wins over "KHCN"), and the
 * second tokens they need when none is a single token (a phrasing's first syllable, "nhà", "người", is
 * common: most of the time the next one rules it out at once).
 */
const BY_FIRST = new Map<string, { entries: Entry[]; seconds?: Set<string> }>();
for (const e of [...ENTRIES].sort((a, b) => b.key.length - a.key.length)) {
  const slot = BY_FIRST.get(e.key[0]!) ?? { entries: [], seconds: new Set<string>() };
  slot.entries.push(e);
  if (e.key.length === 1) delete slot.seconds;
  else slot.seconds?.add(e.key[1]!);
  BY_FIRST.set(e.key[0]!, slot);
}

/**
 * The entry whose form starts at `i`, if any: in folded tokens, and for a phrasing also in the tokens as
 * written (lowKey), each of which may lack its diacritics (typed without them). `written` is asked for
 * only then, and may be undefined (a text read folded only).
 */
function entryAt(folded: string[], written: () => string[] | undefined, i: number): Entry | undefined {
  const slot = BY_FIRST.get(folded[i]!);
  if (!slot || (slot.seconds && !slot.seconds.has(folded[i + 1]!))) return undefined;
  return slot.entries.find((e) => {
    if (!e.key.every((k, j) => folded[i + j] === k)) return false;
    const w = e.asWritten ? written() : undefined;
    return !w || e.matchKey.every((m, j) => w[i + j] === m || w[i + j] === folded[i + j]);
  });
}

/** Tokens as written, each abbreviation replaced by its phrase as written ("MTQG" -> "mục", "tiêu", "quốc", "gia"). */
export function expandWritten(words: string[]): string[] {
  const written = words.map(lowKey);
  return expand(words.map(fold), () => written, (e) => e.words, (i) => words[i]!);
}

/**
 * The folded words of a text as matching reads them ("mtqg" -> "muc", "tieu", "quoc", "gia"; "còn thừa"
 * -> "doi", "du"): abbreviations spelled out, phrasings read as their group's first. `foldedText` is
 * fold(text), when the caller has it.
 */
export function foldedWords(text: string, foldedText = fold(text)): string[] {
  const folded = tokens(foldedText);
  let written: string[] | undefined | null = null;
  const writtenTokens = () => {
    if (written === null) {
      const w = tokens(lowKey(text));
      // A combining mark NFC cannot compose splits a written token: such a text is read folded only.
      written = w.length === folded.length ? w : undefined;
    }
    return written;
  };
  // Most passages hold no abbreviation: answer without copying.
  for (let i = 0; i < folded.length; i++) {
    if (entryAt(folded, writtenTokens, i)) return expand(folded, writtenTokens, (e) => e.folded, (j) => folded[j]!);
  }
  return folded;
}

function expand(folded: string[], written: () => string[] | undefined, phrase: (e: Entry) => string[], own: (i: number) => string): string[] {
  const out: string[] = [];
  for (let i = 0; i < folded.length; ) {
    const e = entryAt(folded, written, i);
    if (e && !e.same) {
      out.push(...phrase(e));
      i += e.key.length;
    } else if (e) {
      for (const end = i + e.key.length; i < end; i++) out.push(own(i));
    } else {
      out.push(own(i));
      i++;
    }
  }
  return out;
}

/**
 * The other forms of the phrases a question's search words hold, as full-text phrases (folded and as
 * written): "mục tiêu quốc gia" in the question finds passages that write "MTQG", "dôi dư" those that
 * write "còn thừa". `terms` are folded words in question order.
 */
export function abbreviationsFor(terms: string[]): string[] {
  const out = new Set<string>();
  for (const e of ENTRIES) {
    if (e.same) continue;
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
