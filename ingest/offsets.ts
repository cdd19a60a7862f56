/**
 * Positions in the decoded text (a PDF's page starts, a spreadsheet's rows) carried over to the cleaned
 * text every offset refers to. Cleaning (ingest/clean.ts) changes whitespace and markup but never a
 * letter or a digit, so a position is known by how many letters and digits come before it.
 */
import { nfc } from "../core/text.js";

const SIGNIFICANT = /[\p{L}\p{N}]/gu;

function countSignificant(s: string): number {
  return s.match(SIGNIFICANT)?.length ?? 0;
}

/**
 * For each offset into `raw` (ascending), the offset in `clean` of the first letter or digit at or after
 * it (`clean.length` past the last one). Offsets should sit at line or page starts, where NFC of a prefix
 * is the prefix of the NFC text.
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
    out.push(last);
  }
  return out;
}
