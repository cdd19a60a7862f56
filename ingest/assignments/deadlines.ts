/**
 * Deadlines in a task's words. A date counts only when the text makes it a time limit ("hoàn thành trong
 * tháng 8/2025", "trước ngày 30/11/2025", "thường xuyên"); dates of cited documents ("Báo cáo số
 * 66-BC/BTCTW, ngày 26/3/2026") and terms of office ("nhiệm kỳ 2025 - 2030") are not deadlines.
 */
import { findPeriods } from "../../core/periods.js";
import type { Deadline, DocumentMeta, Period } from "../../core/types.js";
import { lowKey } from "../../core/text.js";

export interface FoundDeadline {
  deadline: Deadline;
  period: Period;
  /** Offsets of the period's words in the document. */
  start: number;
  end: number;
}

const MAY_HOLD_PERIOD = /\d|thường xuyên|thường xuyên|định kỳ|định kì|h[ằà]ng\s|quý|cuối năm|đầu năm|năm (nay|sau|tới)/iu;

/** The period text itself opens with a limit word. */
const CUE_IN = /^(ngay trong|trong|trước|chậm nhất|muộn nhất|hạn|đến|cuối|hết|vào|từ|không muộn hơn)\b/u;
/**
 * Words just before the period that make it a limit, written as lowKey spells them (the text they are
 * tested on is lowKey'd: "hoàn" becomes "hòan"). A time field names one too: "Thời gian thực hiện: Quý
 * IV/2025", "Thời hạn hoàn thành (dự kiến): tháng 8/2026".
 */
const CUE_BEFORE = new RegExp(lowKey(
  "(hoàn thành|xong|kết thúc|thời hạn|hạn chót|hạn|trước|trong|từ|đến|tới|vào|ngay|muộn nhất|chậm nhất|tiến độ|thời gian|báo cáo kết quả"
  + "|(thời gian|thời hạn|tiến độ) (thực hiện|hoàn thành|ban hành|trình)( dự kiến)?( \\(dự kiến\\))?)\\s*[:,]?\\s*$",
), "u");
/** A cited document just before: its date is not a deadline. */
const DOC_REF = /(số\s*\d[\p{L}\p{N}/.\-]*|\d+\/[\p{L}\p{N}/.\-]+)\s*,?\s*$/u;
/** Words that open a reference zone (a cited document's number and title) up to the next ; or . */
const REF_OPEN = /(?:^|[\s(])số\s*\d/u;
const NOT_LIMIT_BEFORE = new RegExp(lowKey("(nhiệm kỳ|khóa|tầm nhìn|giai đoạn|niên khóa|kể từ)\\s*$"), "u");
/** A horizon ("đến năm 2045", "tới năm 2030"): in a cited document's title, the plan's reach, not a time limit. */
const HORIZON = /^(?:đến|tới)\s/u;

/** The deadlines of text[start, end), in order of appearance. */
export function findDeadlines(text: string, start: number, end: number, meta: DocumentMeta): FoundDeadline[] {
  const slice = text.slice(start, end);
  // Most task sentences hold no date at all; the period grammar is the costly part, so skip it then.
  if (!MAY_HOLD_PERIOD.test(slice)) return [];
  const year = meta.date ? Number(meta.date.slice(0, 4)) : undefined;
  const out: FoundDeadline[] = [];
  /** The end of a deadline that took in the words after its date ("... hằng năm"): a period inside is part of it. */
  let consumed = -1;
  for (const m of findPeriods(slice, year ? { defaultYear: year } : undefined)) {
    const p = m.period;
    const before = lowKey(slice.slice(Math.max(0, m.index - 60), m.index));
    const own = lowKey(p.text);
    if (NOT_LIMIT_BEFORE.test(before) || DOC_REF.test(before)) continue;
    const cited = () => inReference(lowKey(slice.slice(Math.max(0, m.index - 200), m.index)));
    if (p.kind === "range") {
      if (!CUE_IN.test(own) && !CUE_BEFORE.test(before)) continue;
      // "... số 1668/QĐ-TTg ... phê duyệt điều chỉnh Quy hoạch chung Thủ đô Hà Nội đến năm 2045": the plan's reach.
      if (HORIZON.test(own) && cited()) continue;
    } else if (cited()) {
      continue;
    }
    if (start + m.index < consumed) continue;
    // "trước ngày 30 tháng 11 hằng năm": every year's 30 November, not one day; "năm 2025 và các năm tiếp
    // theo", "từ năm 2026": from 2025, 2026 on. The words after the date belong to the deadline.
    const on = runsOn(p, slice.slice(m.index + m.length, m.index + m.length + 40), before);
    if (on) {
      const from = start + m.index;
      consumed = from + m.length + on.length;
      out.push(undated(text.slice(from, consumed), on.kind, from, consumed, on.kind === "ongoing" ? p.start : undefined));
      continue;
    }
    out.push(toFound(p, start + m.index, start + m.index + m.length, meta));
  }
  return out;
}

/**
 * The deadline a task's words give when they hold several: a due date first; else one that states a day or a
 * count ("trước ngày 15 tháng 02 hàng năm", "trong thời hạn 03 ngày làm việc") over a bare word ("định kỳ").
 */
export function chosenDeadline(found: FoundDeadline[]): FoundDeadline | undefined {
  return found.find((f) => f.deadline.due) ?? found.find((f) => /\d/.test(f.deadline.text)) ?? found[0];
}

/**
 * A date followed by "hằng năm" / "hàng năm" / "mỗi năm" recurs every year, as does one "của năm" (of the year)
 * and each of a series the words close ("trước ngày 01/6 và 15/11 hằng năm").
 */
const YEARLY_AFTER = /^\s*,?\s*(?:(?:và|,)\s*\d{1,2}\/\d{1,2}\s*,?\s*)?(?:(?:hằng|hàng|mỗi)\s+năm|của\s+năm)(?![\p{L}\p{N}])/iu;
/** "Báo cáo định kỳ 06 tháng (trước ngày 30/6 ...)": a day of the year, no year written, in a periodic duty. */
const PERIODIC_BEFORE = /(?:^|\s)định\s+kỳ(?:\s|$)/u;
/** "năm 2025 và các năm tiếp theo": from that year on. */
const ONWARD_AFTER = /^\s*(?:và|,)\s*(?:các|những)\s+năm\s+(?:tiếp\s+theo|sau\s+đó|tiếp)(?![\p{L}\p{N}])/iu;

/** A period's own end: "ngày 01/10/2025 đến hết ngày 31/12/2025". */
const SPAN_END = /\s(?:đến|tới)\s|\s[-–]\s/u;
/** "từ" opening the period ("Từ tháng 3/2026") or just before it ("chấm điểm từ năm 2026"), lowKey'd. */
const FROM_OPEN = /^từ\s/iu;
const FROM_BEFORE = /(?:^|\s)từ\s*$/u;

/**
 * What a dated period and the words around it make of it: every year, or from then on (a start only, "từ năm
 * 2026" with no "đến ...", or "... và các năm tiếp theo"); with the length of the words after it it takes in.
 * `before` is the text just before the period, lowKey'd ("kể từ" is NOT_LIMIT_BEFORE's: a date counted from).
 */
function runsOn(p: Period, after: string, before = ""): { kind: "recurring" | "ongoing"; length: number } | undefined {
  if (p.kind !== "range") return undefined;
  if ((FROM_OPEN.test(p.text) || FROM_BEFORE.test(before)) && !SPAN_END.test(p.text) && p.start) return { kind: "ongoing", length: 0 };
  const yearly = YEARLY_AFTER.exec(after);
  if (yearly) return { kind: "recurring", length: yearly[0].length };
  if (PERIODIC_BEFORE.test(before) && !/\d{4}/.test(p.text)) return { kind: "recurring", length: 0 };
  const onward = ONWARD_AFTER.exec(after);
  return onward ? { kind: "ongoing", length: onward[0].length } : undefined;
}

/** A deadline with no due date, text[start, end) as written: every year, or from `from` on. */
function undated(text: string, kind: "recurring" | "ongoing", start: number, end: number, from?: string): FoundDeadline {
  const since = from ? { start: from } : {};
  return { deadline: { text, kind, ...since }, period: { text, kind, ...since, label: kind === "recurring" ? "yearly" : "ongoing" }, start, end };
}

/** The deadline a table's time cell gives: the cell as written, with the period read from it. */
export function cellDeadline(cell: string, cellStart: number, meta: DocumentMeta): FoundDeadline | undefined {
  const year = meta.date ? Number(meta.date.slice(0, 4)) : undefined;
  const m = findPeriods(cell, year ? { defaultYear: year } : undefined)[0];
  const onward = /^(?:năm\s+)?((?:19|20)\d\d)\s+(?:và|trở đi)/iu.exec(cell);
  const on = m && runsOn(m.period, cell.slice(m.index + m.length));
  if (on?.kind === "recurring") return undated(cell, "recurring", cellStart, cellStart + cell.length);
  // "2025 và những năm tiếp theo", "2025 trở đi": from that year on, without an end.
  if (onward && (!m || m.index > 0 || on)) return undated(cell, "ongoing", cellStart, cellStart + cell.length, `${onward[1]}-01-01`);
  if (!m) return undefined;
  if (on) return undated(cell, "ongoing", cellStart, cellStart + cell.length, m.period.start);
  const found = toFound(m.period, cellStart, cellStart + cell.length, meta);
  found.deadline.text = cell;
  return found;
}

function toFound(p: Period, start: number, end: number, meta: DocumentMeta): FoundDeadline {
  const period: Period = { ...p };
  if (period.kind === "range" && !period.start && period.end && meta.date && meta.date <= period.end) period.start = meta.date;
  const deadline: Deadline = { text: p.text, kind: p.kind };
  if (period.start) deadline.start = period.start;
  if (period.end) deadline.due = period.end;
  return { deadline, period, start, end };
}

/** True when the text before a period (same clause) cites a document whose title the period sits in. */
function inReference(before: string): boolean {
  const cut = Math.max(before.lastIndexOf(";"), before.lastIndexOf(". "));
  return REF_OPEN.test(cut >= 0 ? before.slice(cut) : before);
}

/**
 * When a span holds deadlines with different due dates in different clauses ("...đặc khu hoàn thành
 * trong tháng 8/2025; các đảng bộ trực thuộc Trung ương hoàn thành trong tháng 10/2025"), the clause of
 * each, with its deadline: from the previous ; ( ) or sentence end to the next one.
 */
export function deadlineClauses(
  text: string, found: FoundDeadline[], start: number, end: number,
): Array<{ start: number; end: number; deadline: FoundDeadline }> | undefined {
  const words = (a: number, b: number) => text.slice(a, b).match(/\p{L}+/gu)?.length ?? 0;
  // A date recurring every year ("trước ngày 30 tháng 11 hằng năm") counts as its own deadline too.
  const when = (f: FoundDeadline) => f.deadline.due ?? (/\d/.test(f.deadline.text) ? f.deadline.text : undefined);
  const clauses = found.filter((f) => when(f) !== undefined).map((f) => {
    const c = clauseAround(text, f.start, f.end, start, end, true);
    // "... tổng kết năm (trước ngày 30/11 hằng năm)", "(qua Ban Tổ chức) trước ngày 07/4": a deadline
    // with a word or two ("hằng năm", "hoàn thành") between brackets says when the clause around the
    // brackets is due, not what to do.
    const bare = words(c.start, f.start) + words(f.end, c.end) <= 3;
    return { ...(bare ? clauseAround(text, f.start, f.end, start, end, false) : c), deadline: f };
  });
  if (new Set(clauses.map((c) => when(c.deadline))).size < 2) return undefined;
  const keys = new Set(clauses.map((c) => `${c.start}:${c.end}`));
  return keys.size === clauses.length ? clauses : undefined;
}

function isStop(text: string, i: number, brackets: boolean): boolean {
  const c = text[i]!;
  return c === ";" || (brackets && (c === "(" || c === ")")) || ((c === "." || c === "!" || c === "?") && /\s/.test(text[i + 1] ?? " "));
}

function clauseAround(text: string, s: number, e: number, min: number, max: number, brackets: boolean): { start: number; end: number } {
  let a = s;
  while (a > min && !isStop(text, a - 1, brackets)) a--;
  let b = e;
  while (b < max && !isStop(text, b, brackets)) b++;
  while (a < b && /[\s,]/.test(text[a]!)) a++;
  while (b > a && /[\s,]/.test(text[b - 1]!)) b--;
  return { start: a, end: b };
}
