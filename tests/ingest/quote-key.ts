/**
 * The normalisation the evaluation scorer applies before checking a quote against its source file
 * (../shared/eval/score.mjs `norm`): NFC, lower case, uỷ/ủy tone placement, curly double quotes,
 * the characters * _ # | ` as spaces, and squashed whitespace. Cleaning may only change what this forgives.
 */
import { unifyTone } from "../../core/text.js";

export function quoteKey(s: string): string {
  return unifyTone(s.normalize("NFC").toLowerCase())
    .replace(/[“”„]/gu, '"')
    .replace(/[*_#|`]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}
