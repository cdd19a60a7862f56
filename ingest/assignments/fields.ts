/**
 * Fields of a plan's items: "- Cơ quan chủ trì: Sở Y tế." / "- Cơ quan phối hợp: ..." / "Thời gian thực
 * hiện: Quý IV/2025" on lines below the item they describe, the way a task table's cells describe its row.
 * A field belongs to the item it follows: the sibling item before it, or else the item it is a sub-item of,
 * or else the words of its own item or paragraph above it. A run of fields that names a lead makes the item a
 * task of that lead (with the run's coordinators and time); a run with only a time gives that time to the
 * tasks the other rules read in the item. Fields of an administrative procedure ("Cơ quan tiếp nhận hồ sơ",
 * "Thành phần hồ sơ", "Lệ phí") describe who handles a citizen's file, not an assignment: such runs name no task.
 */
import { BULLET, DECIMAL, INLINE_MARK, NUMBER } from "../../core/list-marks.js";
import type { Span } from "../../core/sentences.js";
import { lowKey } from "../../core/text.js";
import type { DocumentMeta } from "../../core/types.js";
import { readBodyList, type Body } from "./bodies.js";
import { cellDeadline, type FoundDeadline } from "./deadlines.js";
import { PREDICATE_WORDS } from "./lexicon.js";
import { ownSpan, type OutlineNode } from "./outline.js";
import type { RawTask } from "./raw.js";
import { cellBodies } from "./tables.js";
import { wordsOf, type DocView } from "./tokens.js";

type Kind = "lead" | "coordinate" | "time" | "content" | "procedure" | "organise";

interface Field { kind: Kind; line: Span; valueStart: number; valueEnd: number }

/** "Cơ quan thực hiện (nhóm) thủ tục hành chính": who handles a procedure, a label with or without its colon. */
const PROCEDURE_BODIES = "cơ quan thực hiện(?: nhóm)? (?:thủ tục hành chính|tthc)";

/** Labels, the first that matches winning; each must be the whole label before its colon. */
const LABELS: Array<[Kind, string]> = [
  ["procedure", "cơ quan tiếp nhận[^:\\n]{0,40}|cơ quan có thẩm quyền[^:\\n]{0,40}|cơ quan giải quyết|thành phần[^:\\n]{0,30}hồ sơ|số lượng hồ sơ|lệ phí|phí, lệ phí"
    + "|trình tự thực hiện|cách thức thực hiện|đối tượng thực hiện[^:\\n]{0,30}|thời hạn giải quyết|kết quả thực hiện[^:\\n]{0,30}|căn cứ pháp lý[^:\\n]{0,30}"
    + `|${PROCEDURE_BODIES}`],
  ["coordinate", "(?:(?:cơ quan|đơn vị|bộ phận)(?:, (?:cơ quan|đơn vị|địa phương))* )?phối hợp(?: thực hiện)?"],
  ["lead", "(?:(?:cơ quan|đơn vị|bộ phận)(?:, (?:cơ quan|đơn vị|địa phương))* )?chủ trì(?: tham mưu)?(?: thực hiện)?|(?:cơ quan|đơn vị|bộ phận)(?:, (?:cơ quan|đơn vị|địa phương))* (?:thực hiện(?: chính)?|chịu trách nhiệm)"],
  ["time", "(?:thời gian|thời hạn|tiến độ|thời điểm)(?: thực hiện| hoàn thành| ban hành| trình| báo cáo)?(?: dự kiến| \\(dự kiến\\))?"],
  ["content", "(?:nội dung|nhiệm vụ)(?: thực hiện| công việc| cụ thể)?"],
  // "(2) Tổ chức thực hiện:" over "- Đơn vị thực hiện: ..." lines: a heading of the fields, not an item.
  ["organise", "tổ chức thực hiện|phân công thực hiện"],
];
// The pattern is matched against lowKey text, so it is written in lowKey spelling ("hoàn" is "hòan" there).
const LABEL_SOURCE = LABELS.map(([, s]) => `(${lowKey(s)})`).join("|");
/** What may stand at a line's start before a field's label: a list marker, then emphasis. */
const LINE_START = String.raw`(?<=^|\n)[ \t]*(?:${BULLET}|${INLINE_MARK}|(?:${DECIMAL}|${NUMBER})[.)]?)?[ \t]*\**[ \t]*`;
/** A field at a line's start, after its list marker and emphasis: "- **Cơ quan chủ trì:** Sở Y tế". */
const LINE_FIELD = new RegExp(`${LINE_START}(?:${LABEL_SOURCE})[ \\t]*\\**[ \\t]*:`, "gu");
/**
 * A procedure's handling bodies as a heading of its own ("6. Cơ quan thực hiện nhóm thủ tục hành chính" over
 * "- Công an cấp xã: Thực hiện cấp Giấy chứng nhận ..." lines; the ninth fresh sample's #50): the lines
 * below it are that field's value, as below a procedure field with nothing after its colon.
 */
const PROCEDURE_HEADING = new RegExp(`${LINE_START}${lowKey(PROCEDURE_BODIES)}[ \\t]*\\**[ \\t]*(?=\\n)`, "gu");
/** A further field on the same line: "Cơ quan thực hiện: Sở Tư pháp; thời gian thực hiện: năm 2026." */
const INLINE_FIELD = new RegExp(`[.;][ \\t]+\\**(?:${LABEL_SOURCE})[ \\t]*\\**[ \\t]*:`, "gu");

/** The fields at line starts of the text (and the further fields on their lines), in order. */
function findFields(view: DocView, limit: number): Field[] {
  const out: Field[] = [];
  LINE_FIELD.lastIndex = 0;
  for (let m = LINE_FIELD.exec(view.low); m && m.index < limit; m = LINE_FIELD.exec(view.low)) {
    const lineEnd = view.text.indexOf("\n", m.index) < 0 ? view.text.length : view.text.indexOf("\n", m.index);
    const line = { start: m.index + (m[0].length - m[0].trimStart().length), end: lineEnd };
    const starts: Array<{ kind: Kind; at: number; valueStart: number }> = [{ kind: kindOf(m), at: m.index, valueStart: m.index + m[0].length }];
    INLINE_FIELD.lastIndex = m.index + m[0].length;
    for (let i = INLINE_FIELD.exec(view.low); i && i.index < lineEnd; i = INLINE_FIELD.exec(view.low)) {
      starts.push({ kind: kindOf(i), at: i.index, valueStart: i.index + i[0].length });
    }
    // "- Đối tượng thực hiện TTHC:" over "+ Bộ Quốc phòng, Bộ Công an: ..." lines: a procedure's field with
    // nothing after its colon has the sub-items below it as its value, which name no assignee either.
    const last = starts[starts.length - 1]!;
    if (last.kind === "procedure" && !/\S/.test(view.text.slice(last.valueStart, lineEnd).replace(/\*/g, ""))) {
      line.end = subItemsEnd(view.text, line.start, lineEnd, limit);
    }
    starts.forEach((s, k) => {
      const end = k + 1 < starts.length ? starts[k + 1]!.at : lineEnd;
      out.push({ kind: s.kind, line, valueStart: s.valueStart, valueEnd: end });
    });
    LINE_FIELD.lastIndex = lineEnd;
  }
  PROCEDURE_HEADING.lastIndex = 0;
  for (let m = PROCEDURE_HEADING.exec(view.low); m && m.index < limit; m = PROCEDURE_HEADING.exec(view.low)) {
    const start = m.index + (m[0].length - m[0].trimStart().length), lineEnd = m.index + m[0].length;
    out.push({ kind: "procedure", line: { start, end: subItemsEnd(view.text, start, lineEnd, limit) }, valueStart: lineEnd, valueEnd: lineEnd });
  }
  return out.sort((a, b) => a.line.start - b.line.start);
}

/**
 * Where the lines below a field's line that open with another list marker than its own end ("- Field:"
 * over "+ ..." lines): at the first line with its own marker, with none, or at `limit`.
 */
function subItemsEnd(text: string, lineStart: number, lineEnd: number, limit: number): number {
  const marker = (at: number) => /^[ \t]*([-+•–])[ \t]/.exec(text.slice(at, at + 8))?.[1];
  const own = marker(lineStart);
  let end = lineEnd;
  for (let at = lineEnd + 1; at < limit;) {
    const next = text.indexOf("\n", at) < 0 ? text.length : text.indexOf("\n", at);
    if (text.slice(at, next).trim()) {
      const m = marker(at);
      if (!m || m === own) break;
      end = next;
    }
    at = next + 1;
  }
  return end;
}

function kindOf(m: RegExpExecArray): Kind {
  for (let g = 1; g <= LABELS.length; g++) if (m[g] !== undefined) return LABELS[g - 1]![0];
  return "content";
}

/** The deepest outline node whose span holds the offset. */
function nodeAt(nodes: OutlineNode[], at: number): number {
  let n = 0;
  for (;;) {
    const child = nodes[n]!.children.find((c) => nodes[c]!.start <= at && at < nodes[c]!.end);
    if (child === undefined) return n;
    n = child;
  }
}

interface Owner { node: number; span: Span }

/**
 * The item a field describes. A field that starts an outline node belongs to the node before it among its
 * siblings, or else to its parent (a field's own sub-fields, "b) Cơ quan thực hiện:" over "- Đơn vị chủ trì:",
 * belong to the item the field belongs to). A sibling that is a content field over a list ("a) Nhiệm vụ:"
 * over its duties) is the item: the list holds its tasks. (A content field with the task after its colon
 * leaves the item to the parent, whose title often names the work: "1. Nghị định xử phạt ..." / "- Nội dung:
 * bao gồm ...".) A field inside an item's words belongs to those words before it, or at the top level to the
 * paragraph above.
 */
function ownerOf(
  view: DocView, nodes: OutlineNode[], isField: (n: number) => boolean, contentList: (n: number) => boolean, at: number,
): Owner | undefined {
  let n = nodeAt(nodes, at);
  const node = nodes[n]!;
  if (view.text.slice(node.bodyStart, at).trim() === "" && n !== 0) {
    // The field is the node's own first words: the node is a field.
    for (;;) {
      const parent = nodes[n]!.parent!;
      const siblings = nodes[parent]!.children;
      const prev = siblings[siblings.indexOf(n) - 1];
      if (prev !== undefined) {
        if (!isField(prev)) return { node: prev, span: { start: nodes[prev]!.bodyStart, end: nodes[prev]!.end } };
        if (contentList(prev)) return { node: prev, span: { start: nodes[prev]!.bodyStart, end: nodes[prev]!.end } };
        n = prev;
        continue;
      }
      if (parent === 0) return paragraphBefore(view, nodes[n]!.start);
      if (!isField(parent)) return { node: parent, span: ownSpan(nodes, parent) };
      n = parent;
    }
  }
  if (n === 0) return paragraphBefore(view, at);
  // A field line below a field item, with no mark of its own ("- Đơn vị phối hợp: ..." / "Thời gian thực hiện:
  // Quý II/2025."), describes that item's item.
  if (isField(n)) return ownerOf(view, nodes, isField, contentList, node.start);
  return { node: n, span: { start: node.bodyStart, end: at } };
}

/** The paragraph ending before `at` (blank lines skipped), as a top-level item. */
function paragraphBefore(view: DocView, at: number): Owner | undefined {
  let end = at;
  while (end > 0 && /\s/.test(view.text[end - 1]!)) end--;
  if (end === 0) return undefined;
  const start = view.text.lastIndexOf("\n", end - 1) + 1;
  return { node: 0, span: { start, end } };
}

export interface FieldReading {
  tasks: RawTask[];
  /** Field lines: the prose rules do not read them as tasks. */
  lines: Span[];
  /** Times for the tasks other rules read in an item: tasks quoted in `item` before `at` take `deadline`. */
  times: Array<{ item: Span; at: number; end: number; deadline: FoundDeadline }>;
}

/** The tasks that item fields assign, and the times they give to items. */
export function readFields(view: DocView, meta: DocumentMeta, nodes: OutlineNode[], maxQuote: number): FieldReading {
  const limit = nodes[0]!.end;
  // "Tổ chức thực hiện: Sở Y tế chủ trì ..." is a sentence; only the bare heading stands over fields.
  const fields = findFields(view, limit).filter((f) => f.kind !== "organise" || !/\S/.test(view.text.slice(f.valueStart, f.valueEnd).replace(/\*/g, "")));
  const out: FieldReading = { tasks: [], lines: [], times: [] };
  if (!fields.length) return out;
  const fieldStarts = new Set(fields.map((f) => f.line.start));
  const isField = (n: number) => fieldStarts.has(nodes[n]!.start) || fieldStarts.has(nodes[n]!.bodyStart);
  const contents = new Set(fields.filter((f) => f.kind === "content" && !/\S/.test(view.text.slice(f.valueStart, f.valueEnd).replace(/\*/g, ""))).map((f) => f.line.start));
  const contentList = (n: number) => nodes[n]!.children.length > 0 && (contents.has(nodes[n]!.start) || contents.has(nodes[n]!.bodyStart));
  // Runs: fields that describe the same item.
  const runs = new Map<string, { owner: Owner; fields: Field[] }>();
  for (const f of fields) {
    if (!out.lines.some((l) => l.start === f.line.start)) out.lines.push(f.line);
    const owner = ownerOf(view, nodes, isField, contentList, f.line.start);
    if (!owner) continue;
    const key = `${owner.span.start}`;
    const run = runs.get(key) ?? { owner, fields: [] };
    run.fields.push(f);
    runs.set(key, run);
  }
  for (const { owner, fields: fs } of runs.values()) {
    if (fs.some((f) => f.kind === "procedure")) continue;
    const leads = fs.filter((f) => f.kind === "lead").flatMap((f) => valueBodies(view, f));
    const coords = fs.filter((f) => f.kind === "coordinate").flatMap((f) => valueBodies(view, f));
    const timeField = fs.find((f) => f.kind === "time" && f.valueEnd > f.valueStart);
    const deadline = timeField ? valueDeadline(view, meta, timeField) : undefined;
    const runEnd = Math.max(...fs.map((f) => f.line.end));
    if (!leads.length) {
      if (deadline) out.times.push({ item: owner.span, at: fs[0]!.line.start, end: runEnd, deadline });
      continue;
    }
    const bodies: RawTask["bodies"] = [];
    const seen = new Set<string>();
    const add = (b: Body, role: "lead" | "execute" | "coordinate") => {
      const key = b.orgId ?? b.org.toLowerCase();
      if (b.vague || seen.has(key)) return;
      seen.add(key);
      bodies.push({ body: b, role });
    };
    const chairs = fs.some((f) => f.kind === "lead" && /chủ trì/u.test(view.low.slice(f.line.start, f.valueStart)));
    for (const b of leads) add(b, chairs || !b.collective ? "lead" : "execute");
    for (const b of coords) add(b, "coordinate");
    if (!bodies.some((b) => b.role !== "coordinate")) continue;
    // An item that lists its duties ("a) Nhiệm vụ:" over dash items) gives one task per duty.
    const duties = nodes[owner.node]!.children.filter((c) => owner.node !== 0 && !isField(c) && nodes[c]!.start < fs[0]!.line.start);
    const spans = duties.length && owner.span.start <= nodes[duties[0]!]!.start && owner.span.end > nodes[duties[0]!]!.start
      ? duties.map((c) => ({ start: nodes[c]!.bodyStart, end: nodes[c]!.end, alone: true }))
      : [{ ...owner.span, alone: false }];
    // "1. Kinh phí thực hiện" over "a) Nhiệm vụ: Các đơn vị ... lập dự toán ...": the content field's value is the
    // task's words; the quote still starts at the item's title.
    const content = fs.find((f) => f.kind === "content" && f.valueEnd > f.valueStart && /\S/.test(view.text.slice(f.valueStart, f.valueEnd)));
    for (const s of spans) {
      const quote = trim(view.text, s.start, s.alone ? s.end : Math.min(s.end, fs[0]!.line.start));
      if (quote.end - quote.start < 3) continue;
      let quoteEnd = s.alone ? quote.end : runEnd;
      if (quoteEnd - quote.start > maxQuote) quoteEnd = cutAtSentence(view.text, quote.start, quoteEnd, maxQuote);
      const task = content && !s.alone ? trim(view.text, content.valueStart, content.valueEnd) : quote;
      if (task.start >= quoteEnd) continue;
      out.tasks.push({ bodies, taskStart: task.start, taskEnd: Math.min(task.end, quoteEnd), quoteStart: quote.start, quoteEnd, deadline });
    }
  }
  out.lines.sort((a, b) => a.start - b.start);
  return out;
}

/** The bodies a field's value names: a list as a table cell reads it, or the subject a sentence opens with. */
function valueBodies(view: DocView, f: Field): Body[] {
  const v = trim(view.text, f.valueStart, f.valueEnd);
  if (v.end <= v.start) return [];
  const cell = cellBodies(view, v);
  if (cell.length) return cell;
  // "Cơ quan thực hiện: Bộ Công an tiến hành rà soát ...": the subject of the sentence.
  const toks = view.tokens(v.start, v.end);
  const list = readBodyList(view, toks, 0);
  return list.bodies.length && PREDICATE_WORDS.match(wordsOf(toks), list.next) ? list.bodies.filter((b) => !b.vague) : [];
}

function valueDeadline(view: DocView, meta: DocumentMeta, f: Field): FoundDeadline | undefined {
  const v = trim(view.text, f.valueStart, f.valueEnd);
  return v.end > v.start ? cellDeadline(view.text.slice(v.start, v.end), v.start, meta) : undefined;
}

/** The span without surrounding spaces, emphasis, list punctuation or a closing full stop. */
function trim(text: string, start: number, end: number): Span {
  while (start < end && /[\s*,;:]/.test(text[start]!)) start++;
  while (end > start && /[\s*,;:.]/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** The end of the last sentence (or line) that fits in `max` characters from start. */
function cutAtSentence(text: string, start: number, end: number, max: number): number {
  const limit = start + max;
  for (let i = Math.min(end, limit); i > start + 40; i--) if (/[.;\n]/.test(text[i - 1]!)) return i;
  const space = text.lastIndexOf(" ", limit);
  return space > start ? space : limit;
}
