/**
 * Vietnamese text rules, in one place. Stored text keeps its original spelling; these functions build
 * the keys used to compare it (search, organisation matching, period parsing, quote checks).
 */
import { BODY_NAME_ABBREVIATIONS } from "./abbreviation-lists.js";

/** Old ("hoà", "uỷ") to new ("hòa", "ủy") tone placement, lower case; upper case is derived. */
const TONE_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["oà", "òa"], ["oá", "óa"], ["oả", "ỏa"], ["oã", "õa"], ["oạ", "ọa"],
  ["oè", "òe"], ["oé", "óe"], ["oẻ", "ỏe"], ["oẽ", "õe"], ["oẹ", "ọe"],
  ["uỳ", "ùy"], ["uý", "úy"], ["uỷ", "ủy"], ["uỹ", "ũy"], ["uỵ", "ụy"],
];
const TONE_MAP = new Map<string, string>();
for (const [from, to] of TONE_PAIRS) {
  TONE_MAP.set(from, to);
  TONE_MAP.set(from.toUpperCase(), to.toUpperCase());
  TONE_MAP.set(from[0]!.toUpperCase() + from.slice(1), to[0]!.toUpperCase() + to.slice(1));
}
// In "quý", "quỹ" the u belongs to the consonant "qu": the tone stays on its vowel.
const TONE_RE = new RegExp([...TONE_MAP.keys()].map((k) => (/^u/i.test(k) ? `(?<![qQ])${k}` : k)).join("|"), "g");

/** Unicode NFC: the form every stored and compared string is in. */
export function nfc(text: string): string {
  return text.normalize("NFC");
}

/** One spelling of tone placement ("uỷ" -> "ủy", "hoà" -> "hòa"); length is unchanged. */
export function unifyTone(text: string): string {
  return nfc(text).replace(TONE_RE, (m) => TONE_MAP.get(m) ?? m);
}

/** Lower case without diacritics, with đ -> d (which Unicode decomposition does not do). */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .normalize("NFC");
}

/** The older spelling "qui" ("Quí IV-2025", "qui định") of the syllable "quy", in folded text; length unchanged. */
export function unifyQuy(folded: string): string {
  return folded.replace(/(?<![a-z0-9])qui(?![a-z0-9])/g, "quy");
}

/** Whitespace runs to one space, trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Lower case with one tone placement; the same length as the input for NFC Vietnamese text (offsets hold). */
export function lowKey(text: string): string {
  return unifyTone(text).toLowerCase();
}

/** The key for comparing text as written: NFC, lower case, unified tone placement, squashed spaces. */
export function matchKey(text: string): string {
  return squash(lowKey(text));
}

/** The key for comparing text whatever its diacritics: folded, punctuation to spaces, squashed. */
export function foldKey(text: string): string {
  return squash(fold(text).replace(/[^\p{L}\p{N}/\-.]+/gu, " "));
}

/** True when the text holds any Vietnamese diacritic or đ. */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase().normalize("NFC");
}

/** A short all-capitals word ("BTCTW", "UBND", "TTg", "VPCP"): an abbreviation, never an ordinary word. */
export function isAbbreviation(s: string): boolean {
  return /^[\p{L}\p{N}]{2,10}$/u.test(s) && /^\p{Lu}{2}/u.test(s);
}

/**
 * A folded word that could be one Vietnamese syllable: an initial consonant (or none), one to three vowels
 * and a final consonant (or none): "nghiem", "truong", "khuyen"; not "support", "police", "hanoi".
 */
const VI_SYLLABLE_RE = /^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?$/;
export function isVietnameseSyllable(folded: string): boolean {
  return VI_SYLLABLE_RE.test(folded);
}

/** Syllables/words of a text, as written (letters and digits, keeping "/" and "-" inside symbols). */
export function words(text: string): string[] {
  return nfc(text).match(/[\p{L}\p{N}]+(?:[/\-.][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Runs of letters and digits, as the FTS5 unicode61 tokenizer splits text ("229-KL/TW" -> 229, KL, TW). */
export function tokens(text: string): string[] {
  return nfc(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}


/** A body's name as a comparison key: folded, abbreviations spelled out, punctuation and spaces squashed. */
export function nameKey(name: string): string {
  let out = fold(name);
  for (const [re, full] of BODY_NAME_ABBREVIATIONS) out = out.replace(re, full);
  return squash(out.replace(/[^\p{L}\p{N}]+/gu, " "));
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** "IV" -> 4, "xiv" -> 14; undefined when the string is not a roman numeral. */
export function romanToInt(roman: string): number | undefined {
  const s = roman.toUpperCase();
  if (!/^[IVXLCDM]+$/.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const cur = ROMAN[s[i]!]!;
    const next = ROMAN[s[i + 1] ?? ""] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total > 0 && total < 4000 ? total : undefined;
}

/** 4 -> "IV". */
export function intToRoman(n: number): string {
  const table: Array<[number, string]> = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** HTML-escape for Telegram's HTML parse mode (only &, <, > need it there). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** fold() of a text with a way back to the original's offsets (for spans found in folded text). */
export interface FoldedText {
  folded: string;
  /** Offset in the original text of folded offset `i` (0..folded.length). */
  toOriginal(i: number): number;
}

const NOT_ONE = 0xffff;
let foldTable: Uint16Array | undefined;
const foldHigh = new Map<number, number>();
const UTF16 = new TextDecoder("utf-16le");
let lastFolded: { text: string; result: FoldedText } | undefined;

/**
 * fold() of each UTF-16 unit below U+2000, built from fold() itself; NOT_ONE where it is not one unit.
 * One fold() of all the units, one a line, rather than 8,192 calls (about 20 ms at a command's first
 * question): normalisation and case mapping never reach across a line break, so each line folds as its
 * unit alone would (tests/core/text.test.ts compares every unit with fold()).
 */
function table(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(0x2000);
  const lines = new Uint16Array(2 * 0x2000);
  let n = 0;
  for (let c = 0; c < 0x2000; c++) {
    if (c === 0x0a) continue; // the separator, which folds to itself
    lines[n++] = c;
    lines[n++] = 0x0a;
  }
  const folded = fold(UTF16.decode(lines.subarray(0, n)));
  t[0x0a] = 0x0a;
  for (let c = 0, pos = 0; c < 0x2000; c++) {
    if (c === 0x0a) continue;
    const end = folded.indexOf("\n", pos);
    t[c] = end - pos === 1 ? folded.charCodeAt(pos) : NOT_ONE;
    pos = end + 1;
  }
  return (foldTable = t);
}

function foldUnit(t: Uint16Array, c: number): number {
  if (c < 0x2000) return t[c]!;
  if (c >= 0xd800 && c < 0xe000) return c; // surrogate halves: astral characters are kept as they are
  let f = foldHigh.get(c);
  if (f === undefined) {
    const s = fold(String.fromCharCode(c));
    foldHigh.set(c, (f = s.length === 1 ? s.charCodeAt(0) : NOT_ONE));
  }
  return f;
}

/**
 * fold() that keeps positions: matching runs on `folded`, spans are reported on the original. Built
 * with a per-character table (fold() over a whole text is slow: NFD, regex, NFC); for NFC text every
 * character folds to one, so offsets are equal. Combining marks (NFD input) are dropped and mapped.
 * The last result is cached, since the period parser and the organisation finder fold the same text.
 */
export function foldAligned(text: string): FoldedText {
  if (lastFolded && lastFolded.text === text) return lastFolded.result;
  const t = table();
  const n = text.length;
  const out = new Uint16Array(n);
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = c < 0x2000 ? t[c]! : foldUnit(t, c); // inline: the hot path for Vietnamese text
    if (f === NOT_ONE) break;
    out[i] = f;
  }
  let result: FoldedText;
  if (i === n) {
    result = { folded: UTF16.decode(out), toOriginal: (k) => k };
  } else {
    // Rare: some unit folds to nothing (a combining mark) or to several; keep a map from here on.
    const codes: number[] = [];
    const map: number[] = [];
    for (let k = i; k < n; k++) {
      const f = foldUnit(t, text.charCodeAt(k));
      if (f !== NOT_ONE) {
        codes.push(f);
        map.push(k);
        continue;
      }
      for (const u of fold(text[k]!)) {
        codes.push(u.charCodeAt(0));
        map.push(k);
      }
    }
    const head = UTF16.decode(out.subarray(0, i));
    let tail = "";
    for (let k = 0; k < codes.length; k += 8192) tail += String.fromCharCode(...codes.slice(k, k + 8192));
    result = {
      folded: head + tail,
      toOriginal: (k) => (k < i ? k : k - i < map.length ? map[k - i]! : n),
    };
  }
  lastFolded = { text, result };
  return result;
}
