/**
 * The list structure the assignment rules need: which items hang under which lead-in ("Giao Ban Tổ chức
 * Trung ương: (i) ...; (ii) ..."). Independent of the section splitter on purpose: it must see inline
 * items even when sections do not split them, and it only serves to pass an addressee down to its items.
 */
import { BULLET, DECIMAL, INLINE_MARK, LETTER, LINE_MARK, LOWER_ROMAN, NUMBER, ROMAN, SMALL_NUMBER, SPELLED_ORDINALS, letterValue } from "../../core/list-marks.js";
import { romanToInt } from "../../core/text.js";

export interface OutlineNode {
  /** Where the marker starts (the root starts at the text's start). */
  start: number;
  /** Where the item's own words start, after the marker. */
  bodyStart: number;
  end: number;
  parent: number | null;
  type: string;
  value: number;
  children: number[];
}

/** A list mark at a line's start; a consolidated text's footnote may follow it ("2.[18] Chủ trì, ..."). */
const LINE_MARKER = new RegExp(
  String.raw`(?<=^|\n)[ \t]*(?:\*\*)?(Điều\s+\d+[.:]|${LINE_MARK})(?:\[\d{1,3}\])?(?:\*\*)?(?:[ \t]+|[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=\p{Lu}))(?=\S)`,
  "gu",
);
const INLINE_MARKER = new RegExp(String.raw`(?<=[.:;][ \t]{1,3})(${INLINE_MARK})[ \t]+(?=\S)`, "gu");
/**
 * A first item run into its heading's line by hard-wrap joining: "2. Sở Khoa học và Công nghệ a) Bám sát ...",
 * "1. Quan điểm a) Ưu tiên ...", its words on the next line or not ("1.\n\nSở Nông nghiệp và Môi trường a)\n\nChủ
 * trì ..."). Only "a)" / "a." / "(a)" / "(1)" / "(i)" after a short, unpunctuated heading.
 */
const RUN_IN_FIRST = new RegExp(
  String.raw`(?<=^|\n)([ \t]*(?:\*\*)?(?:${ROMAN}[.)]|${DECIMAL}\.?|${NUMBER}[.)]?)(?:\*\*)?[ \t]*(?:\n[ \t]*){0,2})([^\n.:;!?()]{2,120}?)[ \t]+(a\)|a\.|\(a\)|\(1\)|\(i\))(?:[ \t]+|[ \t]*\n(?:[ \t]*\n)?[ \t]*)(?=\p{Lu})`,
  "gu",
);
/** A line of its own that opens a new list after a dash list: "... Thủ tướng còn yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh:". */
const LEAD_LINE = new RegExp(String.raw`(?<=\n)[ \t]*(?!${BULLET}|[*|]|(?:${LINE_MARK})[ \t])(?=\p{Lu})[^\n]{8,400}:[ \t]*(?=\n)`, "gu");
/** A paragraph opened by an ordinal spelled out: "Một là, ...", "Thứ hai, ..." (core/list-marks.ts). */
const SPELLED_MARKER = new RegExp(
  String.raw`(?<=^|\n)[ \t]*(?:\*\*)?(${Object.values(SPELLED_ORDINALS).flat().join("|")})(?:\*\*)?[ \t]*[,:](?:\*\*)?[ \t]+(?=\S)`,
  "gu",
);
/** Where the addressed part of a document ends: the distribution list, also as a table's first cell ("| Nơi nhận: ..."). */
const END_OF_BODY = /\n[ \t]*(?:\|[ \t]*)?(?:\*\*)?(?:Nơi nhận|Nơi gửi)\s*:/gu;
/**
 * Where a document attached after the distribution list starts (the plan a decision issues, its appendix):
 * a title line in capitals ("KẾ HOẠCH", "PHỤ LỤC", "QUY CHẾ") or the line that says what it is attached to.
 */
const ATTACHMENT = /\n[ \t]*(?:\*\*)?(?:(?:KẾ HOẠCH|PHỤ LỤC|QUY CHẾ|QUY ĐỊNH|CHƯƠNG TRÌNH|ĐỀ ÁN|DANH MỤC|HƯỚNG DẪN|ĐIỀU LỆ|CHIẾN LƯỢC)(?![\p{Ll}])|\((?:Ban hành )?[Kk]èm theo )/u;

/**
 * The parts of text the outline reads: the addressed body up to its distribution list, then each attached
 * document from its title on. The list and signature between them are read by no rule.
 */
function addressedParts(text: string): Array<{ start: number; end: number }> {
  const parts: Array<{ start: number; end: number }> = [];
  let start = 0;
  END_OF_BODY.lastIndex = 0;
  for (let m = END_OF_BODY.exec(text); m; m = END_OF_BODY.exec(text)) {
    if (m.index < start) continue;
    parts.push({ start, end: m.index });
    const rest = text.slice(m.index + m[0].length);
    const a = rest.search(ATTACHMENT);
    if (a < 0) return parts;
    start = m.index + m[0].length + a + 1;
    END_OF_BODY.lastIndex = start;
  }
  parts.push({ start, end: text.length });
  return parts;
}

interface Marker { start: number; bodyStart: number; type: string; value: number; inline: boolean }

/** The outline of text: node 0 is the root; nodes are in document order, parents first. */
export function buildOutline(text: string): OutlineNode[] {
  const parts = addressedParts(text);
  const limit = parts[parts.length - 1]!.end;
  const markers = findMarkers(text, limit).filter((m) => parts.some((p) => p.start <= m.start && m.start < p.end));
  const nodes: OutlineNode[] = [{ start: 0, bodyStart: 0, end: limit, parent: null, type: "root", value: 0, children: [] }];
  const stack: number[] = [0];
  let part = 0;
  for (const m of markers) {
    // An attached document starts afresh: what was open ends at the distribution list, and the attachment's
    // title and opening paragraphs are a top-level part whose items hang under it.
    while (part + 1 < parts.length && m.start >= parts[part + 1]!.start) part = nextPart(nodes, stack, parts, part);
    let type = m.type, value = m.value;
    // "(i)" after "(h)" is a letter, otherwise a roman numeral.
    if (type === "proman") {
      const letterLevel = stack.find((n) => nodes[n]!.type === "pletter");
      const label = text.slice(m.start + 1, text.indexOf(")", m.start));
      if (letterLevel !== undefined && label.length === 1 && nodes[letterLevel]!.value + 1 === letterValue(label)) {
        type = "pletter"; value = letterValue(label);
      }
    }
    if (type === "resume") {
      // The running text after a spelled-out list at the top level is running text again, not the last item's.
      const open = stack[stack.length - 1]!;
      const holder = nodes[nodes[open]!.parent ?? 0]!;
      if (!nodes[open]!.type.startsWith("spelled") || (holder.parent !== null && holder.type !== "part")) continue;
      while (stack.length > 1) nodes[stack.pop()!]!.end = m.start;
      nodes.push({ start: m.start, bodyStart: m.start, end: parts[part]!.end, parent: 0, type: "part", value: 0, children: [] });
      nodes[0]!.children.push(nodes.length - 1);
      stack.push(nodes.length - 1);
      continue;
    }
    if (type === "lead") {
      // A lead line ends the dash items above it and opens a list of its own, beside an earlier lead line.
      if (!isBulletOrLead(nodes[stack[stack.length - 1]!]!.type)) continue;
      while (stack.length > 1 && isBulletOrLead(nodes[stack[stack.length - 1]!]!.type)) nodes[stack.pop()!]!.end = m.start;
      const parent = stack[stack.length - 1]!;
      nodes.push({ start: m.start, bodyStart: m.bodyStart, end: parts[part]!.end, parent, type, value, children: [] });
      nodes[parent]!.children.push(nodes.length - 1);
      stack.push(nodes.length - 1);
      continue;
    }
    let level = findLevel(nodes, stack, type, value);
    // A bullet of another mark opens a sublist only after a colon ("- ... lưu ý một số nội dung sau:" / "+ ...");
    // after a finished item it is the same list's next item, written with another mark.
    const open = nodes[stack[stack.length - 1]!]!.type;
    if (level < 0 && isBullet(type) && isBullet(open) && open !== type && !/:\s*$/.test(text.slice(Math.max(0, m.start - 8), m.start))) level = stack.length - 1;
    const first = value === 1 || isBullet(type);
    // A numbered or lettered line after dash items whose list was never opened ("a)" lost in a run-in
    // heading) is not a sub-item of a dash: dashes are leaves for numbered markers.
    if (level < 0 && !first && !m.inline) {
      while (stack.length > 1 && isBullet(nodes[stack[stack.length - 1]!]!.type)) nodes[stack.pop()!]!.end = m.start;
    }
    // "(1)" right after a lead-in's colon opens a new list under it, even when an earlier "(1) ... (2)"
    // list of the same kind is still open higher up.
    if (level >= 0 && level < stack.length - 1 && value === 1 && !isBullet(type) && /:\s*$/.test(text.slice(Math.max(0, m.start - 8), m.start))) level = -1;
    let parentAt: number;
    if (level >= 0 && (value === nodes[stack[level]!]!.value + 1 || isBullet(type) || !m.inline)) parentAt = level - 1;
    else if (first || !m.inline) parentAt = stack.length - 1;
    else continue;
    while (stack.length - 1 > parentAt) nodes[stack.pop()!]!.end = m.start;
    const parent = stack[stack.length - 1]!;
    const idx = nodes.length;
    nodes.push({ start: m.start, bodyStart: m.bodyStart, end: parts[part]!.end, parent, type, value, children: [] });
    nodes[parent]!.children.push(idx);
    stack.push(idx);
  }
  while (part + 1 < parts.length) part = nextPart(nodes, stack, parts, part);
  while (stack.length > 1) nodes[stack.pop()!]!.end = parts[part]!.end;
  return nodes;
}

/** Ends what is open at the end of part `part` and opens the next part as a top-level node. */
function nextPart(nodes: OutlineNode[], stack: number[], parts: ReadonlyArray<{ start: number; end: number }>, part: number): number {
  while (stack.length > 1) nodes[stack.pop()!]!.end = parts[part]!.end;
  const p = parts[part + 1]!;
  nodes.push({ start: p.start, bodyStart: p.start, end: p.end, parent: 0, type: "part", value: 0, children: [] });
  nodes[0]!.children.push(nodes.length - 1);
  stack.push(nodes.length - 1);
  return part + 1;
}

/** A bullet of any mark ("-", "+", "•"), each mark a list level of its own. */
const isBullet = (type: string): boolean => type.startsWith("dash");
const isBulletOrLead = (type: string): boolean => isBullet(type) || type === "lead";

/**
 * The open level of a marker's type. A lead line opens a list of its own: past it, only the next item of a
 * list open above ("b)" after "a) ...: - ... Tổng sản phẩm ... phấn đấu:" + ...) continues that list; any
 * other marker starts under the lead.
 */
function findLevel(nodes: OutlineNode[], stack: number[], type: string, value: number): number {
  let pastLead = false;
  for (let l = stack.length - 1; l > 0; l--) {
    const node = nodes[stack[l]!]!;
    if (node.type === type) return !pastLead || (!isBullet(type) && value === node.value + 1) ? l : -1;
    if (node.type === "lead") pastLead = true;
  }
  return -1;
}

function findMarkers(text: string, limit: number): Marker[] {
  const out: Marker[] = [];
  for (const re of [LINE_MARKER, INLINE_MARKER]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m && m.index < limit; m = re.exec(text)) {
      const lineStart = text.lastIndexOf("\n", m.index) + 1;
      if (text[lineStart] === "|") continue; // table rows are read by the table rules
      const label = m[1]!;
      const kind = classify(label);
      if (!kind) continue;
      const start = m.index + m[0].indexOf(label);
      out.push({ start, bodyStart: m.index + m[0].length, type: kind.type, value: kind.value, inline: re === INLINE_MARKER });
    }
  }
  RUN_IN_FIRST.lastIndex = 0;
  for (let m = RUN_IN_FIRST.exec(text); m && m.index < limit; m = RUN_IN_FIRST.exec(text)) {
    const at = text.indexOf(m[3]!, m.index + m[1]!.length + m[2]!.length);
    const kind = classify(m[3]!);
    if (kind && at >= 0 && !out.some((o) => o.start === at)) {
      out.push({ start: at, bodyStart: at + m[3]!.length + (text.slice(at + m[3]!.length).match(/^\s+/)?.[0].length ?? 0), type: kind.type, value: kind.value, inline: true });
    }
  }
  out.push(...spelledMarkers(text, limit));
  LEAD_LINE.lastIndex = 0;
  for (let m = LEAD_LINE.exec(text); m && m.index < limit; m = LEAD_LINE.exec(text)) {
    const at = m.index + (m[0].length - m[0].trimStart().length);
    if (!out.some((o) => o.start === at)) out.push({ start: at, bodyStart: at, type: "lead", value: 0, inline: false });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Items opened by ordinals spelled out, each series ("Một là", "Thứ nhất") a list of its own: only runs that
 * start at the first and go on one by one ("Thứ hai, ngày 12/5 ..." alone is a Monday, no item). A spelled
 * item is its paragraph: after a run's last item (unless it opens a list of its own with a colon), a
 * "resume" marker hands the text back to whatever held the run.
 */
function spelledMarkers(text: string, limit: number): Marker[] {
  const out: Marker[] = [];
  const last = new Map<string, { marker: Marker; value: number }>();
  const closeRun = (series: string) => {
    const run = last.get(series);
    if (!run || run.value < 2) return;
    const lineEnd = text.indexOf("\n", run.marker.bodyStart);
    if (lineEnd < 0 || lineEnd >= limit || /:[ \t*]*$/.test(text.slice(run.marker.bodyStart, lineEnd))) return;
    out.push({ start: lineEnd + 1, bodyStart: lineEnd + 1, type: "resume", value: 0, inline: false });
  };
  SPELLED_MARKER.lastIndex = 0;
  for (let m = SPELLED_MARKER.exec(text); m && m.index < limit; m = SPELLED_MARKER.exec(text)) {
    const word = m[1]!;
    const [series, words] = Object.entries(SPELLED_ORDINALS).find(([, ws]) => ws.includes(word))!;
    const value = words.indexOf(word) + 1;
    const run = last.get(series);
    if (value !== 1 && run?.value !== value - 1) continue;
    if (value === 1) closeRun(series);
    const start = m.index + m[0].indexOf(word);
    const marker: Marker = { start, bodyStart: m.index + m[0].length, type: `spelled-${series}`, value, inline: false };
    // A first item alone is no list.
    if (value === 2) out.push(run!.marker);
    if (value >= 2) out.push(marker);
    last.set(series, { marker, value });
  }
  for (const series of last.keys()) closeRun(series);
  return out;
}

/** A whole label of one kind of mark, its number or letter captured (core/list-marks.ts). */
const whole = (source: string) => new RegExp(`^${source}$`, "u");
const DECIMAL_LABEL = whole(String.raw`(${DECIMAL})\.?`);
const NUMBER_LABEL = whole(String.raw`(${NUMBER})\.`);
const NUMBER_PAREN_LABEL = whole(String.raw`(${NUMBER})\)`);
const ROMAN_LABEL = whole(String.raw`(${ROMAN})[.)]`);
const PAREN_NUMBER_LABEL = whole(String.raw`\((${SMALL_NUMBER})\)`);
const PAREN_ROMAN_LABEL = whole(String.raw`\((${LOWER_ROMAN})\)`);
const PAREN_LETTER_LABEL = whole(String.raw`\((${LETTER})\)`);
const LETTER_LABEL = whole(String.raw`(${LETTER})[.)]`);

function classify(label: string): { type: string; value: number } | undefined {
  let m: RegExpMatchArray | null;
  if ((m = label.match(/^Điều\s+(\d+)/u))) return { type: "dieu", value: Number(m[1]) };
  if ((m = label.match(DECIMAL_LABEL))) {
    const parts = m[1]!.split(".");
    return { type: `dec${parts.length}`, value: Number(parts[parts.length - 1]) };
  }
  if ((m = label.match(NUMBER_LABEL))) return { type: "num", value: Number(m[1]) };
  if ((m = label.match(NUMBER_PAREN_LABEL))) return { type: "numparen", value: Number(m[1]) };
  if ((m = label.match(ROMAN_LABEL))) {
    const v = romanToInt(m[1]!);
    return v ? { type: "roman", value: v } : undefined;
  }
  if ((m = label.match(PAREN_NUMBER_LABEL))) return { type: "pnum", value: Number(m[1]) };
  if ((m = label.match(PAREN_ROMAN_LABEL))) {
    const v = romanToInt(m[1]!);
    return v ? { type: "proman", value: v } : undefined;
  }
  if ((m = label.match(PAREN_LETTER_LABEL))) return { type: "pletter", value: letterValue(m[1]!) };
  if ((m = label.match(LETTER_LABEL))) return { type: "letter", value: letterValue(m[1]!) };
  // "-" and "+" are two levels ("- Chủ tịch UBND các tỉnh ..., lưu ý một số nội dung sau:" over "+ Chỉ đạo ...").
  if (/^[-–]$/.test(label)) return { type: "dash", value: 0 };
  if (label === "+") return { type: "dash+", value: 0 };
  if (label === "•") return { type: "dash•", value: 0 };
  return undefined;
}

/** The node's own text: its words before its first child (a lead-in), or all of it for a leaf. */
export function ownSpan(nodes: OutlineNode[], n: number): { start: number; end: number } {
  const node = nodes[n]!;
  const firstChild = node.children[0];
  return { start: node.bodyStart, end: firstChild !== undefined ? nodes[firstChild]!.start : node.end };
}
