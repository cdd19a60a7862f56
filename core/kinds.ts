/**
 * How a document names its kind in its heading: the kind's label in capitals ("KẾT LUẬN", "THÔNG TƯ LIÊN
 * TỊCH"), from DOC_KIND_LABELS, longest first so that "THÔNG TƯ LIÊN TỊCH" is not read as "THÔNG TƯ".
 * Metadata reads the kind from it; cleaning keeps such a heading apart from the line before it.
 */
import { DOC_KIND_LABELS, DOC_KINDS, type DocKind } from "./types.js";

/** Each kind's label in capitals, longest first, not run on into another word (a regular expression's source). */
const LABELS: ReadonlyArray<readonly [string, DocKind]> = DOC_KINDS
  .filter((kind) => kind !== "news" && kind !== "other")
  .map((kind) => [DOC_KIND_LABELS[kind].toUpperCase(), kind] as const)
  .sort(([a], [b]) => b.length - a.length)
  .map(([heading, kind]) => [`${heading}(?!\\p{L})`, kind] as const);

/** A kind heading at a text's start: its label in capitals. */
export const KIND_HEADINGS: ReadonlyArray<readonly [RegExp, DocKind]> = LABELS.map(([label, kind]) => [new RegExp(`^${label}`, "u"), kind] as const);

/** A kind named anywhere in a text, in any case ("ban hành kèm theo Quyết định số ..."): every match (global). */
export const KIND_MENTIONS: ReadonlyArray<readonly [RegExp, DocKind]> = LABELS.map(([label, kind]) => [new RegExp(label, "giu"), kind] as const);

/** Whether a line opens with a kind heading in capitals ("QUYẾT ĐỊNH", "THÔNG TƯ", "KẾT LUẬN CỦA ..."). */
export function opensWithKind(line: string): boolean {
  const t = line.trim().replace(/^[#*\s]+/u, "");
  return KIND_HEADINGS.some(([heading]) => heading.test(t));
}
