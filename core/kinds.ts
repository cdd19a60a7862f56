/**
 * How a document names its kind in its heading: the kind's label in capitals ("KẾT LUẬN", "THÔNG TƯ LIÊN
 * TỊCH"), from DOC_KIND_LABELS, longest first so that "THÔNG TƯ LIÊN TỊCH" is not read as "THÔNG TƯ".
 * Metadata reads the kind from it; cleaning keeps such a heading apart from the line before it.
 */
import { DOC_KIND_LABELS, DOC_KINDS, type DocKind } from "./types.js";

/** A kind heading at a text's start: its label in capitals, not run on into another word. */
export const KIND_HEADINGS: ReadonlyArray<readonly [RegExp, DocKind]> = DOC_KINDS
  .filter((kind) => kind !== "news" && kind !== "other")
  .map((kind) => [DOC_KIND_LABELS[kind].toUpperCase(), kind] as const)
  .sort(([a], [b]) => b.length - a.length)
  .map(([heading, kind]) => [new RegExp(`^${heading}(?!\\p{L})`, "u"), kind] as const);

/** Whether a line opens with a kind heading in capitals ("QUYẾT ĐỊNH", "THÔNG TƯ", "KẾT LUẬN CỦA ..."). */
export function opensWithKind(line: string): boolean {
  const t = line.trim().replace(/^[#*\s]+/u, "");
  return KIND_HEADINGS.some(([heading]) => heading.test(t));
}
