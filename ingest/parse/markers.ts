/**
 * The numbering marks of Vietnamese official texts, and which mark may follow which. Used by
 * splitSections to recognise items at the start of a line or inline ("... Trung ương: (i) ... (ii) ...").
 */
import { DECIMAL, INLINE_MARK, LETTER, LOWER_ROMAN, NUMBER, ROMAN, SMALL_NUMBER, letterValue } from "../../core/list-marks.js";
import { romanToInt } from "../../core/text.js";

export type MarkerType =
  | "appendix" | "roman" | "article" | "num" | `dec${number}` | "numparen" | "letter" | "pnum" | "proman" | "pletter";

export interface MarkerCandidate {
  type: MarkerType;
  /** Position in its sequence: 1 for "1."/"I."/"a)"/"(i)". */
  value: number;
  /** The mark as written, without a trailing ".": "3", "(ii)", "II", "4.1", "a)", "Điều 5". */
  text: string;
  /** Length of the mark plus the spaces after it. */
  length: number;
}

/** Vietnamese list letters run a b c d đ e g h i k l m n o p q r s t u v x y; Latin ones are tolerated. */
const LETTERS = "abcdđefghijklmnopqrstuvwxyz";
const VN_NEXT: Record<string, string> = { d: "đ", đ: "e", e: "g", h: "i", i: "k" };

/** Whether `next` may follow `prev` in a sequence of this type. */
export function follows(type: MarkerType, prev: number, next: number, prevText: string, nextText: string): boolean {
  if (type === "letter" || type === "pletter") {
    const a = prevText.replace(/[()]/g, "");
    const b = nextText.replace(/[()]/g, "");
    return VN_NEXT[a] === b || LETTERS.indexOf(b) === LETTERS.indexOf(a) + 1 || (a === "d" && b === "e");
  }
  return next === prev + 1;
}

const LINE_PATTERNS: Array<[RegExp, (m: RegExpExecArray) => MarkerCandidate[]]> = [
  [/^PHỤ LỤC(?:\s+([IVXLC]+|\d+))?(?=\s|$)[ \t]*/u, (m) => [{ type: "appendix", value: 0, text: m[1] ? `Phụ lục ${m[1]}` : "Phụ lục", length: m[0].length }]],
  [/^Điều\s+(\d{1,3})\s*[.:]?(?:[ \t]+|$)/u, (m) => [{ type: "article", value: Number(m[1]), text: `Điều ${m[1]}`, length: m[0].length }]],
  // A Markdown-escaped full stop ("1\\.") and a hyphen ("I- ", "1- ") end marks too.
  [new RegExp(String.raw`^(${ROMAN})\\?[.-][ \t]+`, "u"), (m) => {
    const v = romanToInt(m[1]!);
    return v ? [{ type: "roman", value: v, text: m[1]!, length: m[0].length }] : [];
  }],
  [new RegExp(String.raw`^(${DECIMAL})\\?[.-]?[ \t]+`, "u"), (m) => {
    const parts = m[1]!.split(".");
    return [{ type: `dec${parts.length}`, value: Number(parts[parts.length - 1]), text: m[1]!, length: m[0].length }];
  }],
  [new RegExp(String.raw`^(${NUMBER})\\?(?:\.(?!\d)[ \t]*|-[ \t]+)`, "u"), (m) => [{ type: "num", value: Number(m[1]), text: m[1]!, length: m[0].length }]],
  [new RegExp(String.raw`^(${SMALL_NUMBER})\)[ \t]+`, "u"), (m) => [{ type: "numparen", value: Number(m[1]), text: `${m[1]})`, length: m[0].length }]],
  // "a. Chủ trì ..." at a line's start (never inline: "... điểm a. Khoản ...").
  [new RegExp(String.raw`^(${LETTER})\.[ \t]+(?=\p{Lu})`, "u"), (m) => [{ type: "letter", value: letterValue(m[1]!), text: m[1]!, length: m[0].length }]],
  ...inlinePatterns(),
];

function inlinePatterns(): Array<[RegExp, (m: RegExpExecArray) => MarkerCandidate[]]> {
  return [
    [new RegExp(String.raw`^(${LETTER})\)[ \t]+`, "u"), (m) => [{ type: "letter", value: letterValue(m[1]!), text: `${m[1]})`, length: m[0].length }]],
    [new RegExp(String.raw`^\((${SMALL_NUMBER})\)[ \t]+`, "u"), (m) => [{ type: "pnum", value: Number(m[1]), text: `(${m[1]})`, length: m[0].length }]],
    [new RegExp(String.raw`^\((${LOWER_ROMAN}|${LETTER})\)[ \t]+`, "u"), (m) => {
      const out: MarkerCandidate[] = [];
      const roman = romanToInt(m[1]!);
      if (roman) out.push({ type: "proman", value: roman, text: `(${m[1]})`, length: m[0].length });
      if (m[1]!.length === 1) out.push({ type: "pletter", value: letterValue(m[1]!), text: `(${m[1]})`, length: m[0].length });
      return out;
    }],
  ];
}

const INLINE_PATTERNS = inlinePatterns();

/** Candidate readings of a mark at the start of `s` (a line, or the text after inline punctuation). */
export function markerAt(s: string, inline: boolean): MarkerCandidate[] {
  for (const [re, build] of inline ? INLINE_PATTERNS : LINE_PATTERNS) {
    const m = re.exec(s);
    if (m) return build(m);
  }
  return [];
}

/** Where an inline mark may sit: after ":", ";", "." or "," and a space. */
export const INLINE_SITE = new RegExp(String.raw`[:;.,][ \t]+(?=(?:${INLINE_MARK})[ \t])`, "gu");

/** The first value of a sequence ("1.", "I.", "a)", "(i)"), the only one that can open a new level. */
export function isFirst(c: MarkerCandidate): boolean {
  if (c.type === "letter" || c.type === "pletter") return c.text.replace(/[()]/g, "") === "a";
  return c.value === 1;
}
