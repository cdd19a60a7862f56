/**
 * Vietnamese text rules, in one place. Stored text keeps its original spelling; these functions build
 * the keys used to compare it (search, organisation matching, period parsing, quote checks).
 */

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
const TONE_RE = new RegExp([...TONE_MAP.keys()].join("|"), "g");

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

/** Whitespace runs to one space, trimmed. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The key for comparing text as written: NFC, lower case, unified tone placement, squashed spaces. */
export function matchKey(text: string): string {
  return squash(unifyTone(text).toLowerCase());
}

/** The key for comparing text whatever its diacritics: folded, punctuation to spaces, squashed. */
export function foldKey(text: string): string {
  return squash(fold(text).replace(/[^\p{L}\p{N}/\-.]+/gu, " "));
}

/** True when the text holds any Vietnamese diacritic or đ. */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.toLowerCase().normalize("NFC");
}

/** Syllables/words of a text, as written (letters and digits, keeping "/" and "-" inside symbols). */
export function words(text: string): string[] {
  return nfc(text).match(/[\p{L}\p{N}]+(?:[/\-.][\p{L}\p{N}]+)*/gu) ?? [];
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

/**
 * fold() that keeps positions: matching runs on `folded`, spans are reported on the original. For NFC
 * text (the usual case) every character folds to exactly one, so offsets are the same and no map is built.
 */
export function foldAligned(text: string): FoldedText {
  const whole = fold(text);
  if (whole.length === text.length) return { folded: whole, toOriginal: (i) => i };
  const parts: string[] = [];
  const map: number[] = [];
  let pos = 0;
  for (const ch of text) {
    const f = fold(ch);
    parts.push(f);
    for (let k = 0; k < f.length; k++) map.push(pos);
    pos += ch.length;
  }
  map.push(pos);
  return { folded: parts.join(""), toOriginal: (i) => map[i] ?? pos };
}
