/**
 * Positions in the decoded text (a PDF's page starts, a spreadsheet's rows) carried over to the cleaned
 * text every offset refers to. Cleaning (ingest/clean.ts) changes whitespace and markup but never a
 * letter, a digit or punctuation, so a position is known by how many letters and digits come before it
 * and by the punctuation between it and the next letter ("- Các", "(iii) Chủ trì").
 */
import { nfc } from "../core/text.js";

const SIGNIFICANT = /[\p{L}\p{N}]/gu;
const IS_SIGNIFICANT = /[\p{L}\p{N}]/u;
/** What cleaning may drop besides whitespace (Markdown marks, table bars). */
const DROPPABLE = /[\s*_#|`]/u;

function countSignificant(s: string): number {
  return s.match(SIGNIFICANT)?.length ?? 0;
}

/** Punctuation between `at` and the next letter or digit of `text` (whitespace and droppable marks not counted). */
function leadingMarks(text: string, at: number): number {
  let n = 0;
  for (let i = at; i < text.length && !IS_SIGNIFICANT.test(text[i]!); i++) if (!DROPPABLE.test(text[i]!)) n++;
  return n;
}

/**
 * For each offset into `raw` (ascending), the same place in `clean`: its next letter or digit, with the
 * punctuation before that letter which followed the offset in `raw` (`clean.length` past the last
 * letter). Offsets should sit at line or page starts, where NFC of a prefix is the prefix of the NFC text.
 */
export function carryOffsets(raw: string, clean: string, offsets: number[]): number[] {
  const re = new RegExp(SIGNIFICANT.source, "gu");
  const out: number[] = [];
  let before = 0; // letters and digits of raw before the current offset
  let prev = 0;
  let seen = 0; // letters and digits of clean found so far
  let last = 0; // where the seen-th one is
  for (const at of offsets) {
    before += countSignificant(nfc(raw.slice(prev, Math.max(prev, at))));
    prev = Math.max(prev, at);
    while (seen <= before) {
      const m = re.exec(clean);
      if (!m) { last = clean.length; seen = Infinity; break; }
      seen++;
      last = m.index;
    }
    let p = last;
    for (let n = leadingMarks(raw, at); n > 0 && p > 0 && !IS_SIGNIFICANT.test(clean[p - 1]!);) {
      p--;
      if (!DROPPABLE.test(clean[p]!)) n--;
    }
    while (p < last && /\s/u.test(clean[p]!)) p++;
    out.push(p);
  }
  return out;
}
