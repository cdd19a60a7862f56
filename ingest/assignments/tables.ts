/**
 * Task tables: "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |".
 * Columns are found by the words of their header, so "Đơn vị chủ trì", "Thời hạn" or "Tiến độ" work too.
 * The cleaned text keeps a table row on one line as "| cell | cell |".
 */
import type { DocumentMeta } from "../../core/types.js";
import { fold } from "../../core/text.js";
import { readBodyList, type Body } from "./bodies.js";
import { BODY_HEADS, COLLECTIVE_OPENERS, NOT_HEADS } from "./lexicon.js";
import { cellDeadline } from "./deadlines.js";
import type { RawTask } from "./raw.js";
import type { DocView } from "./tokens.js";

interface Cell { start: number; end: number }
interface Columns { task: number; lead: number; coord?: number; time?: number; count: number }

const ROW_LINE = /^[ \t]*\|.*\|[ \t]*$/gmu;
const MAX_QUOTE = 1500;

/** The tasks of every task table in the text, and the line ranges the tables cover. */
export function readTables(view: DocView, meta: DocumentMeta): { tasks: RawTask[]; covered: Array<{ start: number; end: number }> } {
  const tasks: RawTask[] = [];
  const covered: Array<{ start: number; end: number }> = [];
  let columns: Columns | undefined;
  let lastEnd = -2;
  ROW_LINE.lastIndex = 0;
  for (let m = ROW_LINE.exec(view.text); m; m = ROW_LINE.exec(view.text)) {
    const lineStart = m.index, lineEnd = m.index + m[0].length;
    // A table is consecutive row lines; a gap ends it (and its header).
    if (lineStart > lastEnd + 1 && view.text.slice(lastEnd + 1, lineStart).trim() !== "") columns = undefined;
    lastEnd = lineEnd;
    covered.push({ start: lineStart, end: lineEnd });
    const cells = splitCells(view.text, lineStart, lineEnd);
    const texts = cells.map((c) => view.text.slice(c.start, c.end));
    if (texts.every((t) => /^:?-{2,}:?$/.test(t) || t === "")) continue;
    const keys = texts.map((t) => fold(t));
    // A procedure catalogue's header ends any task table above it, and its rows are no tasks.
    if (keys.some(namesProcedure)) { columns = undefined; continue; }
    const header = readHeader(keys);
    if (header) { columns = header; continue; }
    // A row with another number of cells has merged or split cells: its columns cannot be trusted.
    if (!columns || cells.length !== columns.count) continue;
    const task = rowTask(view, meta, cells, columns, lineStart, lineEnd);
    if (task) tasks.push(task);
  }
  return { tasks, covered };
}

function splitCells(text: string, start: number, end: number): Cell[] {
  const cells: Cell[] = [];
  let a = text.indexOf("|", start) + 1;
  const last = text.lastIndexOf("|", end - 1);
  while (a <= last) {
    let b = text.indexOf("|", a);
    if (b < 0 || b > last) b = last;
    let s = a, e = b;
    while (s < e && /[\s*]/.test(text[s]!)) s++;
    while (e > s && /[\s*]/.test(text[e - 1]!)) e--;
    cells.push({ start: s, end: e });
    if (b === last) break;
    a = b + 1;
  }
  return cells;
}

/**
 * A catalogue of administrative procedures ("| TT | Mã số TTHC | Tên TTHC | Tên VB quy định ... | Lĩnh vực |
 * Cơ quan thực hiện |"): its rows name a procedure and the body that handles it, not a task given to that
 * body (the ninth fresh sample's #52: its basis column was read as the task; 13 records).
 */
const PROCEDURE_COLUMN = /^ ?(?:(?:ma|ten) (?:so )?(?:tthc|thu tuc)|ma (?:so )?ho so)\b/;
/**
 * So is a procedure's internal workflow ("| Thứ tự công việc | Nội dung công việc | Trách nhiệm thực hiện | Thời
 * gian thực hiện |" over "| Bước 5 | Phê duyệt kết quả ... | Lãnh đạo Sở Y tế | 01 ngày làm việc |"): its rows are
 * the standing steps of handling a dossier, not tasks given to the office that takes a step. The whole cell
 * names the step column, so a task that begins "Bước đầu ..." is not one.
 */
const STEP_COLUMN = /^ ?(?:thu tu (?:cong viec|thuc hien|cac buoc)|(?:cac )?buoc(?: thuc hien)?|trinh tu(?: thuc hien| cong viec)?) ?$/;

/** A header cell (folded) that names a procedure column. */
function namesProcedure(key: string): boolean {
  const words = key.replace(/[^\p{L}\p{N}]+/gu, " ");
  return PROCEDURE_COLUMN.test(words) || STEP_COLUMN.test(words);
}

/** A task table's columns from a row's folded cells, when the row is its header. */
function readHeader(keys: string[]): Columns | undefined {
  const find = (re: RegExp, not?: RegExp) => keys.findIndex((k) => re.test(k) && !(not && not.test(k)));
  let lead = find(/chu tri/);
  if (lead < 0) lead = find(/(co quan|don vi|bo phan) (thuc hien|thuc hien chinh)|trach nhiem thuc hien|^(co quan|don vi) thuc hien/);
  const task = find(/nhiem vu|noi dung|cong viec|de an|ten (chuong trinh|du an|van ban)|hoat dong/, /chu tri|phoi hop|thoi|ket qua|san pham/);
  if (lead < 0 || task < 0) return undefined;
  const coord = find(/phoi hop/);
  const time = find(/thoi gian|thoi han|tien do|han hoan thanh|nam hoan thanh|moc/);
  return { task, lead, coord: coord >= 0 ? coord : undefined, time: time >= 0 ? time : undefined, count: keys.length };
}

function rowTask(
  view: DocView, meta: DocumentMeta, cells: Cell[], cols: Columns, lineStart: number, lineEnd: number,
): RawTask | undefined {
  const taskCell = cells[cols.task], leadCell = cells[cols.lead];
  if (!taskCell || !leadCell || taskCell.end <= taskCell.start || leadCell.end <= leadCell.start) return undefined;
  const leads = cellBodies(view, leadCell);
  if (!leads.length) return undefined;
  const coordCell = cols.coord !== undefined ? cells[cols.coord] : undefined;
  const coords = coordCell && coordCell.end > coordCell.start ? cellBodies(view, coordCell) : [];
  const timeCell = cols.time !== undefined ? cells[cols.time] : undefined;
  const deadline = timeCell && timeCell.end > timeCell.start
    ? cellDeadline(view.text.slice(timeCell.start, timeCell.end), timeCell.start, meta)
    : undefined;
  const rowFits = lineEnd - lineStart <= MAX_QUOTE;
  return {
    bodies: [
      ...leads.map((body) => ({ body, role: "lead" as const })),
      ...coords.filter((b) => !b.vague && !leads.some((l) => sameBody(l, b))).map((body) => ({ body, role: "coordinate" as const })),
    ],
    taskStart: taskCell.start,
    taskEnd: taskCell.end,
    quoteStart: rowFits ? lineStart : taskCell.start,
    quoteEnd: rowFits ? lineEnd : Math.min(taskCell.end, taskCell.start + MAX_QUOTE),
    deadline,
  };
}

/**
 * The bodies a cell names: a list the body reader reads whole ("Bộ Tài chính, Bộ Công Thương"), or else
 * each part between semicolons, or commas before a new name, kept as written.
 */
export function cellBodies(view: DocView, cell: Cell): Body[] {
  const whole = fullList(view, cell.start, cell.end);
  if (whole) return whole;
  const out: Body[] = [];
  for (const part of parts(view.text, cell.start, cell.end, /;/g)) {
    const list = fullList(view, part.start, part.end);
    if (list) { out.push(...list); continue; }
    for (const sub of parts(view.text, part.start, part.end, /,\s*(?=\p{Lu}|các\s)/gu)) {
      const written = view.text.slice(sub.start, sub.end);
      if (!/\p{L}/u.test(written)) continue;
      const known = fullList(view, sub.start, sub.end);
      if (known) { out.push(...known); continue; }
      if (!looksLikeBody(view, sub)) continue;
      const resolved = view.registry.resolve(written);
      const collective = /^(các|những)\s/u.test(view.low.slice(sub.start, sub.end));
      out.push({ orgId: resolved?.id ?? null, org: resolved?.name ?? written, start: sub.start, end: sub.end, collective, vague: false });
    }
  }
  return out;
}

function sameBody(a: Body, b: Body): boolean {
  return a.orgId !== null ? a.orgId === b.orgId : a.org.toLowerCase() === b.org.toLowerCase();
}

/** A part kept as written must read as a name: a body head, "các" + head, or an abbreviation ("VTV"). */
function looksLikeBody(view: DocView, cell: Cell): boolean {
  const toks = view.tokens(cell.start, cell.end);
  const ws = toks.map((t) => t.w);
  if (toks.length > 14) return false;
  if (toks.length === 1 && /^\p{Lu}{2,10}$/u.test(view.text.slice(cell.start, cell.end))) return true;
  const opener = COLLECTIVE_OPENERS.match(ws, 0);
  return BODY_HEADS.match(ws, opener) > 0 && !NOT_HEADS.match(ws, opener);
}

function fullList(view: DocView, start: number, end: number): Body[] | undefined {
  const toks = view.tokens(start, end);
  const list = readBodyList(view, toks, 0, true);
  return list.bodies.length && list.next >= toks.length ? list.bodies : undefined;
}

function parts(text: string, start: number, end: number, sep: RegExp): Cell[] {
  const out: Cell[] = [];
  const slice = text.slice(start, end);
  let from = 0;
  const push = (a: number, b: number) => {
    let s = start + a, e = start + b;
    while (s < e && /[\s,;.]/.test(text[s]!)) s++;
    while (e > s && /[\s,;.]/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (const m of slice.matchAll(sep)) {
    push(from, m.index!);
    from = m.index! + m[0].length;
  }
  push(from, slice.length);
  return out;
}
