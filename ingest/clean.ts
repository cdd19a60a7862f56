/**
 * Cleaning decoded text into the text every offset, quote and section refers to.
 *
 * The rule that shapes everything here: a quote is a slice of the cleaned text, and it is checked
 * against the original file after normalising only NFC, case, tone placement, the characters * _ # | `
 * and whitespace. So cleaning may change whitespace, drop or space out those markup characters, and
 * drop whole boilerplate lines; it never changes a letter, a digit, punctuation or a quote mark.
 *
 * Output shape: blocks separated by one blank line. A block is a paragraph (hard-wrapped lines joined),
 * a table (one `| cell | cell |` line per row), or, for text that was not hard-wrapped, the original
 * lines of a blank-line separated group.
 *
 * Where a dropped line held text (boilerplate, an image caption, a rule of dashes) between two kept
 * lines, the cleaned text joins what the file keeps apart: that place is a seam, and no quote may run
 * across it (qa/cite.ts).
 */
import { DECIMAL, INLINE_MARK, LINE_MARK, NUMBER } from "../core/list-marks.js";
import { nfc } from "../core/text.js";
import type { RawDocument } from "./parse/read.js";
import { isBarLine, parseBarTable } from "./parse/bar-tables.js";
import { opensWithKind } from "../core/kinds.js";

/** Lines a web page adds around a document; dropped whole. */
const BOILERPLATE_LINE = [
  /^Đang tải văn bản\.{3}$/u,
  /^Click vào phần bôi vàng/u,
  /^Nội dung chính$/u,
  /^Tải ứng dụng:?$/u,
  /^>>>.*Tại đây$/iu,
  /\(Hình từ Internet\)$/u,
  /^Mục lục văn bản$/iu,
];
/** thuvienphapluat.vn: the page header ends with "Đang tải văn bản...", the footer starts here. */
const TVPL_HEADER_END = /^Đang tải văn bản\.{3}\s*$/u;
const TVPL_FOOTER = /^Văn bản này chưa cập nhật nội dung Tiếng Anh\s*$|^#*\s*Văn bản liên quan\s*$/u;
const RULE_LINE = /^\s*(?:[-=_~–—]\s*){3,}$/u;
const MD_TABLE_SEPARATOR = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/u;
const TABLE_ROW = /^\s*\|.*\|\s*$/u;
/** The start of a list item or numbered part: a new paragraph in hard-wrapped text. */
const ITEM_START = new RegExp(String.raw`^(?:(?:${LINE_MARK})\s|(?:${DECIMAL}|${NUMBER})[.)]|${INLINE_MARK}|Điều\s+\d|Chương\s|Mục\s+\d|PHỤ LỤC|Phụ lục\s)`, "u");
const ENDS_SENTENCE = /[.:;!?)"”…]$/u;
const STARTS_UPPER = /^[\p{Lu}\d("“'[]/u;
const ENDS_OPEN = /[\p{Ll}\d,]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/** What a quote check ignores besides letters: a dropped line of these alone removes no text. */
const MARKUP_ONLY = /^[\s*_#|`]*$/u;
/** Noncharacters, one of which (absent from the text) stands before the first kept text after a dropped line. */
const SEAM_MARKS = /[\uFDD0-\uFDEF]/gu;

/**
 * Turn decoded text into clean text: NFC, web boilerplate dropped, Markdown emphasis and heading marks
 * removed, hard-wrapped lines joined into paragraphs, tables one row a line, paragraphs broken by a page
 * break in mid-sentence joined. Original spelling is kept (no uỷ/ủy unification).
 */
export function cleanText(raw: string, format: RawDocument["format"]): string {
  return cleanTextWithSeams(raw, format).text;
}

/**
 * cleanText, and its seams: the ascending offsets in the cleaned text where a dropped line's text was
 * removed between kept text (the offset of the first kept character after it). Lines dropped before the
 * first kept text or after the last one make no seam.
 */
export function cleanTextWithSeams(raw: string, format: RawDocument["format"]): { text: string; seams: number[] } {
  const text = nfc(raw)
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|[\f\v\u2028\u2029]/g, "\n")
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " ");
  const used = new Set(text.match(SEAM_MARKS) ?? []);
  const seam = [...Array(32).keys()].map((i) => String.fromCharCode(0xfdd0 + i)).find((c) => !used.has(c)) ?? "";
  const lines = dropSiteChrome(text.split("\n"));
  const wrapped = format !== "docx" && format !== "html" && isHardWrapped(lines);
  const blocks: string[] = [];
  let para: string[] = []; // stripped lines of the paragraph being built
  let prevRaw = "";
  let afterBlank = true;
  let dropped = false; // a line holding text was dropped since the last kept text
  let keptAny = false;
  const keep = (s: string) => {
    const kept = seam && dropped && keptAny ? seam + s : s;
    dropped = false;
    keptAny = true;
    return kept;
  };
  const drop = (line: string) => {
    if (!MARKUP_ONLY.test(line)) dropped = true;
  };
  const flush = () => {
    if (para.length) blocks.push(para.join(wrapped ? " " : "\n"));
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (isBarLine(line)) {
      const table = parseBarTable(lines, i);
      if (table) {
        flush();
        // A rule line under a cell's text is dropped as one outside a table is: a seam before the next text.
        const cellText = (cell: string[]) => cell.flatMap((l) => {
          if (RULE_LINE.test(l)) { drop(l); return []; }
          const kept = stripMarkup(l);
          return kept ? [keep(kept)] : [];
        }).join(" ");
        const rows = table.rows.map((r) => "| " + r.map(cellText).join(" | ") + " |");
        if (rows.length) blocks.push(rows.join("\n"));
        i = table.next - 1;
        afterBlank = true;
      }
      continue;
    }
    if (TABLE_ROW.test(line)) {
      if (MD_TABLE_SEPARATOR.test(line)) { drop(line); continue; }
      const row = stripMarkup(line);
      const last = blocks[blocks.length - 1];
      if (!para.length && !afterBlank && last !== undefined && isTable(last, seam)) blocks[blocks.length - 1] = last + "\n" + keep(row);
      else { flush(); blocks.push(keep(row)); }
      afterBlank = false;
      prevRaw = line;
      continue;
    }
    if (RULE_LINE.test(line)) { drop(line); continue; }
    const stripped = stripMarkup(line);
    if (!stripped) {
      if (!line.trim() || /^[\s*_#`]+$/.test(line)) { flush(); afterBlank = true; }
      continue;
    }
    if (BOILERPLATE_LINE.some((re) => re.test(stripped))) { drop(line); continue; }
    if (afterBlank) {
      // A page break in mid-sentence: "chưa toàn tâm,\n\ntoàn ý" is one paragraph. A list item's mark after
      // the blank line starts its own ("4. Sở Giáo dục và Đào tạo\n\na) Chỉ đạo ..." is a heading and its item).
      const last = para.length ? undefined : blocks[blocks.length - 1];
      if (last !== undefined && !isTable(last, seam) && ENDS_OPEN.test(last) && STARTS_LOWER.test(stripped) && !ITEM_START.test(stripped)) {
        blocks[blocks.length - 1] = last + " " + keep(stripped);
        afterBlank = false;
        prevRaw = line;
        continue;
      }
      flush();
      para.push(keep(stripped));
    } else if (!wrapped || para.length === 0 || startsParagraph(prevRaw, line, para[para.length - 1]!, stripped)) {
      if (wrapped) flush();
      para.push(keep(stripped));
    } else {
      para[para.length - 1] = para[para.length - 1]! + " " + keep(stripped);
    }
    afterBlank = false;
    prevRaw = line;
  }
  flush();
  return takeSeams(blocks.join("\n\n"), seam);
}

function isTable(block: string, seam: string): boolean {
  return block.startsWith("|") || (seam !== "" && block.startsWith(seam + "|"));
}

/** The text without its seam marks, and where they stood. */
function takeSeams(marked: string, seam: string): { text: string; seams: number[] } {
  if (!seam) return { text: marked, seams: [] };
  const parts = marked.split(seam);
  const seams: number[] = [];
  let at = 0;
  for (const part of parts.slice(0, -1)) seams.push((at += part.length));
  return { text: parts.join(""), seams };
}

/** Whether a hard-wrapped line starts a new paragraph rather than continuing the previous line. */
function startsParagraph(prevRaw: string, raw: string, prev: string, cur: string): boolean {
  if (isWhollyEmphasised(prevRaw) || isWhollyEmphasised(raw)) return true;
  // A heading in capitals does not run on into the sentence after it, nor a line into the kind heading after
  // it: "BỘ TÀI CHÍNH" / "Số: 12/2026/TT-BTC" / "THÔNG TƯ" / "Hướng dẫn ...". A heading wrapped over two lines
  // stays one, and so does a capital phrase wrapped inside a sentence ("dòng chữ CÔNG" / "DÂN DANH DỰ").
  const [before, after] = [letterCase(prevRaw), letterCase(raw)];
  if (before === "capitals" && after === "mixed" && /^[\p{Lu}(]/u.test(cur)) return true;
  if (before === "mixed" && after === "capitals" && opensWithKind(cur)) return true;
  const item = ITEM_START.test(cur);
  if (item && /^\s*[*_]/.test(raw)) return true;
  return ENDS_SENTENCE.test(prev) && (item || STARTS_UPPER.test(cur));
}

/**
 * "capitals": two words or more with letters, none lower case ("BỘ TÀI CHÍNH", "06/QĐ-TTG NGÀY 02 THÁNG 01");
 * "mixed": some lower case; "neither": one such word or none ("ỦY", "249/2025/NĐ-CP;", "……").
 */
function letterCase(line: string): "capitals" | "mixed" | "neither" {
  if (/\p{Ll}/u.test(line)) return "mixed";
  return line.split(/\s+/u).filter((w) => /\p{Lu}/u.test(w)).length >= 2 ? "capitals" : "neither";
}

/** "**QUYẾT ĐỊNH**", "*Căn cứ ...;*": a line wrapped in emphasis stands alone (a heading or a clause). */
function isWhollyEmphasised(raw: string): boolean {
  const t = raw.trim();
  return t.length > 2 && /^[*_]/.test(t) && /[*_]$/.test(t) && stripMarkup(t).length > 0;
}

/**
 * Remove Markdown emphasis/code marks and heading hashes. A mark between two non-spaces becomes a
 * space ("lý:**Võ" -> "lý: Võ") so words never fuse; elsewhere it goes. Spaces are squashed.
 */
export function stripMarkup(line: string): string {
  return line
    .replace(/^\s*#{1,6}(?=\s|$)/, "")
    .replace(/\*+|`+|(?<![\p{L}\d])_+|_+(?![\p{L}\d])/gu, (m: string, at: number, s: string) => {
      const a = s[at - 1];
      const b = s[at + m.length];
      return a !== undefined && b !== undefined && a.trim() && b.trim() ? " " : "";
    })
    .replace(/ {2,}/g, " ")
    .trim();
}

/**
 * Whether the text is hard-wrapped at a fixed width (web-crawl Markdown, PDF text layers): almost no
 * long lines among many lines. Texts with one line per paragraph keep their line breaks.
 */
function isHardWrapped(lines: string[]): boolean {
  let content = 0;
  let long = 0;
  for (const l of lines) {
    const t = l.trim();
    if (!t || t.startsWith("|")) continue;
    content++;
    if (t.length > 110) long++;
  }
  return content >= 8 && long / content < 0.1;
}

/** Cut the thuvienphapluat page header and footer; elsewhere nothing. */
function dropSiteChrome(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  const headEnd = lines.findIndex((l, i) => i < 200 && TVPL_HEADER_END.test(l));
  if (headEnd >= 0 && lines.slice(0, headEnd).some((l) => l.includes("THƯ VIỆN PHÁP LUẬT"))) from = headEnd + 1;
  for (let i = from; i < lines.length; i++) {
    if (TVPL_FOOTER.test(lines[i]!)) {
      // The line before the footer marker is the site's own title of the document.
      const before = lines[i - 1]?.trim() ?? "";
      to = before && !before.startsWith("|") && i - 1 > from ? i - 1 : i;
      break;
    }
  }
  return from === 0 && to === lines.length ? lines : lines.slice(from, to);
}
