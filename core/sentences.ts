/**
 * Sentence spans of Vietnamese text: a sentence ends at ". ", "? ", "! " or a line break, but not inside
 * brackets or after a number ("4.1.", "ngày 26/3.") or a common abbreviation ("TP.", "Tp.").
 */
import { DOTTED_ABBREVIATIONS } from "./abbreviation-lists.js";

export interface Span {
  start: number;
  end: number;
}

const ABBREV_BEFORE = new RegExp(`(?:${DOTTED_ABBREVIATIONS.map((a) => `\\b${a.replace(/\./g, "\\.")}`).join("|")})$`);

export function sentenceSpans(text: string, from = 0, to = text.length): Span[] {
  const out: Span[] = [];
  let start = from;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    const atEnd = c === "\n" || ((c === "." || c === "?" || c === "!") && depth === 0 && isBoundary(text, i, to));
    if (atEnd) {
      push(out, text, start, c === "\n" ? i : i + 1);
      start = i + 1;
    }
  }
  push(out, text, start, to);
  return out;
}

function isBoundary(text: string, i: number, to: number): boolean {
  const next = text[i + 1];
  if (i + 1 >= to) return true;
  if (next !== " " && next !== "\n") return false;
  if (/\d/.test(text[i - 1] ?? "") && /\d/.test(text[i + 2] ?? "")) return false;
  return !ABBREV_BEFORE.test(text.slice(Math.max(0, i - 4), i));
}

function push(out: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) out.push({ start, end });
}
