import { LINE_MARK } from "./list-marks.js";
import { fold } from "./text.js";

/** The label of the text before a document's first numbered item. */
export const PREAMBLE_LABEL = "mở đầu";
/** The label of the "Nơi nhận:" list (and the signature) after the body: never an answer. */
export const RECIPIENTS_LABEL = "Nơi nhận";
/** News reports and unnumbered texts have paragraphs: "đoạn 1", "đoạn 2", ... */
export const PARAGRAPH_LABEL = "đoạn";

/** A spreadsheet row is cited by its sheet and its number as Excel shows it: "Sheet1, dòng 14". */
export const ROW_WORD = "dòng";
const ROW_LABEL = new RegExp(`^(.+), ${ROW_WORD} (\\d+)$`, "u");

export function rowLabel(sheet: string, row: number): string {
  return `${sheet}, ${ROW_WORD} ${row}`;
}

/** The sheet and row of a spreadsheet row's label, else undefined. */
export function parseRowLabel(label: string): { sheet: string; row: number } | undefined {
  const m = ROW_LABEL.exec(label);
  return m ? { sheet: m[1]!, row: Number(m[2]) } : undefined;
}

/** True for a recipients section, at any depth ("Nơi nhận", "II Nơi nhận"). */
export function isRecipientsLabel(label: string): boolean {
  return label === RECIPIENTS_LABEL || label.endsWith(` ${RECIPIENTS_LABEL}`);
}

/** Compares section labels the way people type them: "3 (ii)", "3(ii)", "mục 3 (ii)", "3.ii" are one label. */
export function sectionKey(label: string): string {
  return fold(label)
    .replace(/^(muc|khoan|diem|section|item)\s+/, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

export function findSectionByLabel<S extends { label: string }>(sections: S[], label: string): S | undefined {
  const key = sectionKey(label);
  return sections.find((s) => sectionKey(s.label) === key);
}

/** The deepest section holding a text offset: the one a quote starting there is cited by. */
export function sectionAt<S extends { start: number; end: number; depth: number }>(sections: S[], offset: number): S | undefined {
  let best: S | undefined;
  for (const s of sections) {
    if (s.start <= offset && offset < s.end && (!best || s.depth >= best.depth)) best = s;
  }
  return best;
}

/** A list item's mark (core/list-marks.ts), in emphasis or not: "**1.**". */
const MARK = String.raw`\**(?:${LINE_MARK})\**`;
/** A mark alone before an item's words on its line (and the first character of the words, which some marks look at). */
const ITEM_MARK = new RegExp(String.raw`^[ \t]*${MARK}[ \t]*\S$`, "u");
/** A line that opens with a mark and a space: a list item's line. */
const ITEM_LINE = new RegExp(String.raw`^\s*${MARK}\s`, "u");

/** The text (a line, or a passage from its start) opens a list item: "- ", "a) ", "1. ", "(1) ". */
export function isItemLine(text: string): boolean {
  return ITEM_LINE.test(text);
}

/**
 * Where a quote starting at `at` starts when it takes the mark of the item it opens ("5. Kho bạc Khu vực số 18
 * chỉ đạo ...", "a) Hướng dẫn ..."): the mark's start, or `at` when the line holds no mark alone before it.
 * Sections start after their mark, so an item's words are quoted with their number as the reader finds them.
 */
export function itemMarkStart(text: string, at: number): number {
  const lineStart = text.lastIndexOf("\n", at - 1) + 1;
  const before = text.slice(lineStart, at);
  if (before.length === 0 || !ITEM_MARK.test(text.slice(lineStart, at + 1))) return at;
  return lineStart + before.length - before.trimStart().length;
}

/**
 * Where a quote [start, end) of `text` starts when it takes its item's mark (itemMarkStart): at the mark, unless
 * the quote would then pass `max` characters or run across a seam (a dropped line between mark and words).
 * One rule for task quotes (ingest) and passage quotes (answers).
 */
export function quoteStartWithMark(text: string, start: number, end: number, seams: readonly number[] = [], max = Infinity): number {
  const mark = itemMarkStart(text, start);
  return mark === start || end - mark > max || seams.some((s) => s > mark && s <= start) ? start : mark;
}
