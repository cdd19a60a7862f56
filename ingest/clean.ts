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
 */
import { nfc } from "../core/text.js";
import type { RawDocument } from "./parse/read.js";
import { isBarLine, parseBarTable } from "./parse/bar-tables.js";

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
const ITEM_START = /^(?:\d{1,3}(?:\.\d{1,3})*\.|\d{1,3}\)|[a-zđ]\)|\((?:\d{1,3}|[ivxlc]{1,6}|[a-zđ])\)|[-+•–]\s|Điều\s+\d|[IVXLC]{1,6}\.\s|Chương\s|Mục\s+\d|PHỤ LỤC|Phụ lục\s)/u;
const ENDS_SENTENCE = /[.:;!?)"”…]$/u;
const STARTS_UPPER = /^[\p{Lu}\d("“'[]/u;
const ENDS_OPEN = /[\p{Ll}\d,]$/u;
const STARTS_LOWER = /^\p{Ll}/u;

/**
 * Turn decoded text into clean text: NFC, web boilerplate dropped, Markdown emphasis and heading marks
 * removed, hard-wrapped lines joined into paragraphs, tables one row a line, paragraphs broken by a page
 * break in mid-sentence joined. Original spelling is kept (no uỷ/ủy unification).
 */
export function cleanText(raw: string, format: RawDocument["format"]): string {
  const text = nfc(raw)
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?|[\f\v\u2028\u2029]/g, "\n")
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g, " ");
  const lines = dropSiteChrome(text.split("\n"));
  const wrapped = format !== "docx" && format !== "html" && isHardWrapped(lines);
  const blocks: string[] = [];
  let para: string[] = []; // stripped lines of the paragraph being built
  let prevRaw = "";
  let afterBlank = true;
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
        const rows = table.rows.map((r) => "| " + r.map((cell) => cell.filter((l) => !RULE_LINE.test(l)).map(stripMarkup).filter(Boolean).join(" ")).join(" | ") + " |");
        if (rows.length) blocks.push(rows.join("\n"));
        i = table.next - 1;
        afterBlank = true;
      }
      continue;
    }
    if (TABLE_ROW.test(line)) {
      if (MD_TABLE_SEPARATOR.test(line)) continue;
      const row = stripMarkup(line);
      const last = blocks[blocks.length - 1];
      if (!para.length && !afterBlank && last !== undefined && last.startsWith("|")) blocks[blocks.length - 1] = last + "\n" + row;
      else { flush(); blocks.push(row); }
      afterBlank = false;
      prevRaw = line;
      continue;
    }
    if (RULE_LINE.test(line)) continue;
    const stripped = stripMarkup(line);
    if (!stripped) {
      if (!line.trim() || /^[\s*_#`]+$/.test(line)) { flush(); afterBlank = true; }
      continue;
    }
    if (BOILERPLATE_LINE.some((re) => re.test(stripped))) continue;
    if (afterBlank) {
      // A page break in mid-sentence: "chưa toàn tâm,\n\ntoàn ý" is one paragraph.
      const last = para.length ? undefined : blocks[blocks.length - 1];
      if (last !== undefined && !last.startsWith("|") && ENDS_OPEN.test(last) && STARTS_LOWER.test(stripped)) {
        blocks[blocks.length - 1] = last + " " + stripped;
        afterBlank = false;
        prevRaw = line;
        continue;
      }
      flush();
      para.push(stripped);
    } else if (!wrapped || para.length === 0 || startsParagraph(prevRaw, line, para[para.length - 1]!, stripped)) {
      if (wrapped) flush();
      para.push(stripped);
    } else {
      para[para.length - 1] = para[para.length - 1]! + " " + stripped;
    }
    afterBlank = false;
    prevRaw = line;
  }
  flush();
  return blocks.join("\n\n");
}

/** Whether a hard-wrapped line starts a new paragraph rather than continuing the previous line. */
function startsParagraph(prevRaw: string, raw: string, prev: string, cur: string): boolean {
  if (isWhollyEmphasised(prevRaw) || isWhollyEmphasised(raw)) return true;
  const item = ITEM_START.test(cur);
  if (item && /^\s*[*_]/.test(raw)) return true;
  return ENDS_SENTENCE.test(prev) && (item || STARTS_UPPER.test(cur));
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
