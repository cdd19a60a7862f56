/**
 * A paged document's texts joined into one: the running header or footer a scan or a PDF repeats on
 * every page, and the page numbers ("2", "- 2 -", "Trang 2", "2/12"), are dropped; pages are separated by
 * a blank line, which the cleaner joins again when a sentence runs over the page break. A line or page
 * that ends on an item's mark ("(iii)") goes on with that item's text.
 */
import { INLINE_MARK } from "../../core/list-marks.js";

const PAGE_NUMBER = /^\s*(?:[-–—]\s*)?(?:trang\s+)?\d{1,4}(?:\s*\/\s*\d{1,4})?(?:\s*[-–—])?\s*$/iu;
/** Lines looked at, from each end of a page, for a running header or footer. */
const EDGE = 2;

/** A line as it repeats: digits (the page number in "Trang 2 / 12") and spaces ignored. */
function runningKey(line: string): string {
  return line.replace(/\d+/g, "#").replace(/\s+/g, " ").trim().toLowerCase();
}

/** A paged document's text and where each of its pages starts in it. */
export interface PagedText {
  text: string;
  /** Offset in `text` where page i + 1 starts; an empty page starts where the next one does. */
  starts: number[];
}

/** Join page texts, dropping page numbers and lines repeated at the top or bottom of most pages. */
export function joinPages(pages: string[]): PagedText {
  const split = pages.map((p) => p.split("\n"));
  const repeated = new Set<string>();
  if (pages.length >= 3) {
    const counts = new Map<string, number>();
    for (const lines of split) {
      const content = lines.map((l, i) => ({ l, i })).filter((x) => x.l.trim());
      const edge = new Set([...content.slice(0, EDGE), ...content.slice(-EDGE)].map((x) => runningKey(x.l)));
      for (const k of edge) if (k.length >= 3) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const [k, n] of counts) if (n >= Math.max(3, Math.ceil(pages.length * 0.6))) repeated.add(k);
  }
  const kept = split.map((lines) => {
    const content = lines.map((l, i) => ({ l, i })).filter((x) => x.l.trim());
    const edges = new Set([...content.slice(0, EDGE), ...content.slice(-EDGE)].map((x) => x.i));
    return lines.filter((l, i) => !(edges.has(i) && (PAGE_NUMBER.test(l) || repeated.has(runningKey(l))))).join("\n").replace(DANGLING_LINE, "$1 ").trim();
  });
  // A page that ends on an item's mark ("... xoá tên đảng viên. (iii)") goes on with that item's text.
  let out = "";
  const starts: number[] = [];
  const pending: number[] = []; // empty pages waiting for the next page's start
  for (const page of kept) {
    if (!page) { pending.push(starts.length); starts.push(0); continue; }
    out += !out ? "" : DANGLING_MARK.test(out) ? " " : "\n\n";
    for (const i of pending.splice(0)) starts[i] = out.length;
    starts.push(out.length);
    out += page;
  }
  for (const i of pending) starts[i] = out.length;
  return { text: out, starts };
}

/** An inline item mark at the very end of a page: its text is on the next page. */
const DANGLING_MARK = new RegExp(String.raw`(?:^|[\s:;.,])(?:${INLINE_MARK})$`, "u");
/** The same at the end of a line (a hard wrap right after the mark). */
const DANGLING_LINE = new RegExp(String.raw`((?:^|[\s:;.,])(?:${INLINE_MARK}))[ \t]*\n(?=[ \t]*\S)`, "gmu");
