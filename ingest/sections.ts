/**
 * The section tree of a cleaned document: its own numbering (I., 1., 4.1., Điều 5., a), (1), (i), (a)),
 * including marks written inline in a paragraph ("3. Giao Ban Tổ chức Trung ương: (i) ... (ii) ...").
 *
 * Labels join the marks from the root with one space ("3 (ii)", "II 1", "2 a)"). Text before the first
 * mark is a section labelled "mở đầu" (PREAMBLE_LABEL); "Nơi nhận:" and the signature after the body is
 * a section labelled "Nơi nhận" that never has children; a "PHỤ LỤC" heading, or a KẾ HOẠCH / QUY ĐỊNH /
 * ... heading after the signature (the text a decision issues), starts a new top-level section ("Phụ lục
 * II", "Kế hoạch") whose items restart numbering. News reports and texts without numbering get one section per
 * paragraph, "đoạn 1", "đoạn 2", ... One pass over the lines; linear in the text length.
 */
import { PARAGRAPH_LABEL, PREAMBLE_LABEL, RECIPIENTS_LABEL } from "../core/sections.js";
import type { DocKind, Section } from "../core/types.js";
import { INLINE_SITE, follows, isFirst, markerAt, type MarkerCandidate } from "./parse/markers.js";


const RECIPIENTS = /^\|?\s*Nơi nhận\s*:/u;
/** The heading of a text a decision issues or a letter sends, after the signature ("KẾ HOẠCH", "DỰ THẢO BÁO CÁO Kết quả ..."). */
const ATTACHED = /^(KẾ HOẠCH|QUY ĐỊNH|QUY CHẾ|CHƯƠNG TRÌNH|ĐỀ ÁN|HƯỚNG DẪN|DANH MỤC|DỰ THẢO|BÁO CÁO|PHƯƠNG ÁN|BIỂU)(?=\s|$)/u;
/** An appendix written in ordinary case after the signature: "Phụ lục 1: DANH MỤC ...". */
const APPENDIX_LINE = /^Phụ lục\s+([IVXLC]+|\d+)(?=[\s:.]|$)/u;
/** A table row holding an appendix heading ("| CHỦ TỊCH Nguyễn Văn A | PHỤ LỤC 01 QUY ĐỊNH ... |"). */
const APPENDIX_CELL = /\|\s*PHỤ LỤC(?:\s+([IVXLC]+|\d+))?(?=\s|\|)/u;
/** A numbered table row ("| 1 | ...", "| II | ...", "| TT | ...", "| Bước 1 | ..."): a list attached after the signature. */
const NUMBERED_ROW = /^\|\s*(?:\d{1,3}\.?|[IVXLC]{1,6}\.?|TT|STT|Bước\s+\d{1,2})\s*\|/u;
/** A line of prose: the recipients list and the signature are short lines or "- ..." items (a footnote "[1] ..." is not attached text). */
const FOOTNOTE = /^(?:\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹])/u;
const PROSE = /^(?![-+*•|]|\[\d+\]|[¹²³⁴⁵⁶⁷⁸⁹])[^\n]{160,}/u;

interface Open { index: number; type: string; value: number; text: string }

/** Split cleaned text into a section tree (or paragraphs for news and unnumbered text). */
export function splitSections(text: string, kind: DocKind): Section[] {
  if (kind !== "news") {
    const tree = numberedSections(text);
    if (tree.some((s) => s.marker !== PREAMBLE_LABEL && s.marker !== RECIPIENTS_LABEL)) return tree;
  }
  return paragraphSections(text);
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  return end;
}

function numberedSections(text: string): Section[] {
  const sections: Section[] = [];
  const markerStart: number[] = [];
  const stack: Open[] = [];
  let afterBody = false;
  let footnotes = false;

  const close = (depth: number, at: number) => {
    while (stack.length > depth) {
      const s = sections[stack.pop()!.index]!;
      s.end = Math.max(s.start, trimEnd(text, at));
    }
  };
  const open = (c: MarkerCandidate, at: number, depth: number) => {
    close(depth, at);
    const parent = depth > 0 ? stack[depth - 1]!.index : null;
    // A decimal mark spells its parents' numbers ("4.2" under "4", "3.2.1" under "3.2"): it stands for them.
    let base = depth;
    while (base > 0 && c.type.startsWith("dec") && c.text.startsWith(`${stack[base - 1]!.text}.`)) base--;
    const outer = base > 0 ? stack[base - 1]!.index : null;
    // Items of an appendix without a number are "Phụ lục mục 1", never "Phụ lục 1" (which names another appendix).
    const unnumbered = outer !== null && base === 1 && stack[0]!.type === "appendix" && sections[outer]!.label === "Phụ lục";
    const label = outer === null ? c.text : `${sections[outer]!.label}${unnumbered ? " mục" : ""} ${c.text}`;
    const index = sections.length;
    let start = at + c.length;
    while (start < text.length && /\s/.test(text[start]!)) start++; // "Điều 1." alone on its line
    sections.push({ index, parent, depth, marker: c.text, label, heading: "", start, end: text.length });
    markerStart.push(at);
    stack.push({ index, type: c.type, value: c.value, text: c.text });
  };
  /** Where a candidate fits in the open stack: the depth to open it at, or -1 when it does not fit. */
  const place = (c: MarkerCandidate, inline: boolean, punct: string): number => {
    for (let d = stack.length - 1; d >= 0; d--) {
      if (stack[d]!.type === c.type) return follows(c.type as never, stack[d]!.value, c.value, stack[d]!.text, c.text) ? d : -1;
    }
    if (!isFirst(c)) return -1;
    if (inline && punct !== ":") return -1;
    return stack.length;
  };
  /** Open an attached part (an appendix, the plan a decision issues) at the top level, with its own numbering. */
  const attach = (label: string, at: number) => {
    close(0, at);
    afterBody = false;
    footnotes = false;
    open({ type: "appendix", value: 0, text: label, length: 0 }, at, 0);
    sections[sections.length - 1]!.start = at;
  };
  const tryMarker = (s: string, at: number, inline: boolean, punct: string): boolean => {
    for (const c of markerAt(s, inline)) {
      if (c.type === "appendix") {
        close(0, at);
        afterBody = false;
        open(c, at, 0);
        return true;
      }
      if (afterBody) return false;
      // Articles are the top level of a legal text (under an appendix at most).
      const base = stack[0]?.type === "appendix" ? 1 : 0;
      const depth = c.type === "article" && !stack.some((o) => o.type === "article") && c.value === 1 ? base : place(c, inline, punct);
      if (depth >= 0) { open(c, at, depth); return true; }
    }
    return false;
  };

  let pos = 0;
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(pos, lineEnd);
    // Footnotes after the signature run to the end, a long note over several paragraphs included.
    if (afterBody && FOOTNOTE.test(line)) footnotes = true;
    if (RECIPIENTS.test(line) && stack.length > 0 && !afterBody) {
      close(stack[0]!.type === "appendix" ? 1 : 0, pos);
      const depth = stack.length;
      const parent = depth > 0 ? stack[depth - 1]!.index : null;
      const index = sections.length;
      const label = parent === null ? RECIPIENTS_LABEL : `${sections[parent]!.label} ${RECIPIENTS_LABEL}`;
      sections.push({ index, parent, depth, marker: RECIPIENTS_LABEL, label, heading: "", start: pos, end: text.length });
      markerStart.push(pos);
      stack.push({ index, type: "recipients", value: 0, text: RECIPIENTS_LABEL });
      afterBody = true;
    } else if (afterBody && ATTACHED.test(line) && /^[^\p{Ll}]{0,60}?(?:\s\p{Lu}\p{Ll}|$)/u.test(line)) {
      // The text a decision issues (KẾ HOẠCH, QUY ĐỊNH ...) follows its signature: a new top-level part.
      const word = ATTACHED.exec(line)![1]!;
      attach(word.charAt(0) + word.slice(1).toLowerCase(), pos);
    } else if (afterBody && (APPENDIX_LINE.test(line) || APPENDIX_CELL.test(line))) {
      const m = APPENDIX_LINE.exec(line) ?? APPENDIX_CELL.exec(line)!;
      attach(m[1] ? `Phụ lục ${m[1]}` : "Phụ lục", pos);
    } else if (afterBody && stack[stack.length - 1]?.type === "recipients" && (NUMBERED_ROW.test(line) || (PROSE.test(line) && !footnotes))) {
      // Past the recipients list and the signature: a table or text attached without a heading.
      attach("Phụ lục", pos);
      if (!line.startsWith("|")) tryMarker(line, pos, false, "");
    } else if (line && !line.startsWith("|")) {
      tryMarker(line, pos, false, "");
      if (!afterBody && line.length > 6) {
        INLINE_SITE.lastIndex = 0;
        for (let m = INLINE_SITE.exec(line); m; m = INLINE_SITE.exec(line)) {
          const at = m.index + m[0].length;
          tryMarker(line.slice(at, at + 12), pos + at, true, m[0][0]!);
        }
      }
    }
    if (nl < 0) break;
    pos = nl + 1;
  }
  close(0, text.length);

  // Text before the first mark.
  const first = markerStart.length ? markerStart[0]! : text.length;
  const lead = text.slice(0, first).search(/\S/u);
  const out: Section[] = [];
  if (lead >= 0 && lead < first) {
    out.push({ index: 0, parent: null, depth: 0, marker: PREAMBLE_LABEL, label: PREAMBLE_LABEL, heading: "", start: lead, end: trimEnd(text, first) });
  }
  const shift = out.length;
  for (const s of sections) {
    out.push({ ...s, index: s.index + shift, parent: s.parent === null ? null : s.parent + shift });
  }
  for (let i = 0; i < out.length; i++) {
    const s = out[i]!;
    const child = out[i + 1]?.parent === s.index ? markerStart[i + 1 - shift]! : s.end;
    s.heading = text.slice(s.start, Math.max(s.start, trimEnd(text, Math.min(child, s.end)))).trim();
  }
  return out;
}

function paragraphSections(text: string): Section[] {
  const out: Section[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const lead = m[0].search(/\S/u);
    if (lead < 0) continue;
    const start = m.index + lead;
    const end = trimEnd(text, m.index + m[0].length);
    const n = out.length + 1;
    out.push({ index: out.length, parent: null, depth: 0, marker: `${PARAGRAPH_LABEL} ${n}`, label: `${PARAGRAPH_LABEL} ${n}`, heading: text.slice(start, end), start, end });
  }
  return out;
}
