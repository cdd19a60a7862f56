/**
 * The list marks of Vietnamese official texts, written once: "1.", "1.2.", "1)", "II.", "a)", "a.", "(1)",
 * "(ii)", "(a)", "-", "+", "•". The cleaner (a line that opens an item is not joined to the line above), the
 * section splitter, the assignment outline, the page joiner and quotes all read marks with these; each adds
 * only what its own job needs around a mark (a line's start, the punctuation before an inline mark).
 *
 * Patterns are regular-expression sources, to be composed into a caller's pattern with the `u` flag.
 */

/** A roman numeral of a part: "II" (followed by "." or ")" where it is a mark). */
export const ROMAN = "[IVXLC]{1,6}";
/** A decimal item number: "2.1", "4.1.3" (a trailing "." optional). */
export const DECIMAL = String.raw`\d{1,3}(?:\.\d{1,3}){1,3}`;
/** An item number: "3" (followed by "." or ")"). */
export const NUMBER = String.raw`\d{1,3}`;
/** A list letter: Vietnamese lists run a b c d đ e g h i k ... */
export const LETTER = "[a-zđ]";
/** A lower-case roman numeral, as in "(ii)". */
export const LOWER_ROMAN = "[ivxlc]{1,6}";
/** The number of "(1)", "1)". */
export const SMALL_NUMBER = String.raw`\d{1,2}`;
/** "(1)", "(ii)", "(a)", "a)": the marks an item also carries inside a line ("... như sau: (1) ...; (2) ..."). */
export const INLINE_MARK = String.raw`\(${SMALL_NUMBER}\)|\(${LOWER_ROMAN}\)|\(${LETTER}\)|${LETTER}\)`;
/** A bullet: "-", "–", "+", "•". */
export const BULLET = "[-–+•]";
/**
 * Every mark an item's line may open with (an article "Điều 5" and an appendix are headings, read apart).
 * A letter with a full stop ("a. Chủ trì ...") counts only before a capital: a line may wrap before an
 * abbreviation's letter.
 */
export const LINE_MARK =
  String.raw`${DECIMAL}\.?|${NUMBER}[.)]|${ROMAN}[.)]|${LETTER}\.(?=[ \t]+\p{Lu})|${INLINE_MARK}|${BULLET}`;

/**
 * Ordinals spelled out that open a paragraph as a list's item: "Một là, ...", "Hai là, ..." and "Thứ nhất, ...",
 * "Thứ hai, ..." (Party conclusions, ministers' instructions reported in the news). Each series is its own
 * list; the value of each word is its place in the series.
 */
export const SPELLED_ORDINALS: Readonly<Record<"la" | "thu", readonly string[]>> = {
  la: ["Một là", "Hai là", "Ba là", "Bốn là", "Năm là", "Sáu là", "Bảy là", "Tám là", "Chín là", "Mười là"],
  thu: ["Thứ nhất", "Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Thứ tám", "Thứ chín", "Thứ mười"],
};

/** Position of a list letter in the Vietnamese list order: "a" -> 1, "d" -> 4, "đ" -> 5, "e" -> 6. */
export function letterValue(ch: string): number {
  if (ch === "đ") return 5;
  const n = ch.charCodeAt(0) - 96;
  return n >= 5 ? n + 1 : n;
}
