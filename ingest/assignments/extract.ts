/**
 * The assignment extractor: who leads, coordinates or executes which task, by when, and where the text
 * says so. Rules, not a model: a body is an assignee only in an assignee's position (the object of
 * "Giao/Đề nghị/Yêu cầu", the subject before a task verb, the addressee of a lead-in, a table's "chủ trì"
 * column) and a coordinator only after "chủ trì, phối hợp với" or in a "phối hợp" column. A body that itself
 * "phối hợp với Y" coordinates, and Y is only named in its record (clauses.ts, `cooperates`). Recipients ("báo
 * cáo Bộ Chính trị") and cited authors ("Báo cáo số 66-BC/BTCTW ... của Ban Tổ chức Trung ương") are neither.
 */
import type { OrgRegistry } from "../../core/orgs.js";
import { cutAtSeams } from "../../core/seams.js";
import { quoteStartWithMark } from "../../core/sections.js";
import type { AssignmentDraft, DocumentMeta, Period, Section } from "../../core/types.js";
import type { Span } from "../../core/sentences.js";
import { withClosingTimes, withTimeAfter } from "./closing-times.js";
import { readFields, type FieldReading } from "./fields.js";
import { buildOutline } from "./outline.js";
import { MAX_QUOTE, readProse } from "./prose.js";
import type { RawTask } from "./raw.js";
import { readTables } from "./tables.js";
import { DocView } from "./tokens.js";

/** Assignment records of a cleaned document: one per body per task, each with a verbatim quote. */
export function extractAssignments(
  doc: { text: string; sections: Section[]; meta: DocumentMeta },
  registry: OrgRegistry,
): AssignmentDraft[] {
  const view = new DocView(doc.text, registry);
  const tables = readTables(view, doc.meta);
  const nodes = buildOutline(view.text);
  const fields = readFields(view, doc.meta, nodes, MAX_QUOTE);
  const skip = mergeSpans([...tables.covered, ...fields.lines]);
  const read = withFieldTimes(view.text, readProse(view, doc.meta, skip, nodes), fields, MAX_QUOTE);
  const prose = withClosingTimes(view.text, read, doc.meta, skip, MAX_QUOTE).filter((t) => !fields.tasks.some((f) => sameTask(f, t)));
  // A news report's headline sums up what its text says ("Bộ Nội vụ chỉ đạo thực hiện Kết luận ..."); the text assigns.
  const headline = doc.meta.kind === "news" ? lineEnd(doc.text, 0) : 0;
  const raw = [...prose, ...fields.tasks, ...tables.tasks].map((t) => withinSeams(doc.text, t, doc.meta.seams))
    .filter((t) => t.quoteStart >= headline && !assignsNothing(doc.text.slice(t.quoteStart, t.quoteEnd)));
  raw.sort((a, b) => a.quoteStart - b.quoteStart);
  const out: AssignmentDraft[] = [];
  const seen = new Set<string>();
  for (const t of raw) {
    for (const d of toDrafts(view, doc, t)) {
      const key = `${d.orgId ?? d.org}|${d.role}|${d.quoteStart}|${d.quoteEnd}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

/**
 * A form's blank to fill in ("Họ và tên:……………", "ngày...tháng...năm", "Hội đồng …… xin gửi kèm", "....(2)....
 * giải quyết", a numbered blank its footnotes explain): the text around it is a template annexed to the
 * document (an application, a report form), which assigns nothing.
 */
const FILL_IN = /\.{6,}|…{2,}|(?:…\.|\.…){2,}|[.…]{2,}\s*\(\d{1,2}\)\s*[.…]{2,}/u;

/** A consolidated text's repealed item, "(được bãi bỏ)": nothing is left to do. */
const REPEALED = /^[\s([]*(?:đã\s+)?(?:được\s+)?bãi\s+bỏ[\s).\]]*$/iu;

const assignsNothing = (quote: string): boolean => FILL_IN.test(quote) || REPEALED.test(quote);

/** The end of the line that holds offset `at`. */
function lineEnd(text: string, at: number): number {
  const end = text.indexOf("\n", at);
  return end < 0 ? text.length : end;
}

/** Spans sorted by start, overlapping ones joined. */
function mergeSpans(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * A time field below an item ("Thời gian thực hiện: Quý IV/2025") is the deadline of the item's tasks that
 * give none of their own (or only the lead-in's); a quote that ends where the fields start takes them in.
 */
function withFieldTimes(text: string, tasks: RawTask[], fields: FieldReading, maxQuote: number): RawTask[] {
  if (!fields.times.length) return tasks;
  return tasks.map((t) => {
    const time = fields.times.find((x) => x.item.start <= t.quoteStart && t.quoteStart < x.at);
    if (!time || (t.deadline && t.deadline.start >= t.quoteStart && t.deadline.end <= t.quoteEnd)) return t;
    return withTimeAfter(text, t, { start: time.at, end: time.end }, time.deadline, maxQuote);
  });
}

/** A prose task the fields of the same item already give: its quote within theirs, naming the same bodies. */
function sameTask(f: RawTask, t: RawTask): boolean {
  if (t.quoteStart < f.quoteStart || t.quoteEnd > f.quoteEnd) return false;
  const keys = new Set(f.bodies.map((b) => b.body.orgId ?? b.body.org.toLowerCase()));
  return t.bodies.every((b) => keys.has(b.body.orgId ?? b.body.org.toLowerCase()));
}

/**
 * A task's quote cut at the seams it crosses (text cleaning dropped, core/seams.ts), keeping the part that
 * holds the task's words (or the longest part when that one is under 40 characters), so that the quote
 * every list and citation shows is a span of the source file.
 */
function withinSeams(text: string, t: RawTask, seams: readonly number[] | undefined): RawTask {
  const cut = cutAtSeams(text, t.quoteStart, t.quoteEnd, seams, t.taskStart);
  if (cut.start === t.quoteStart && cut.end === t.quoteEnd) return t;
  // A deadline read from the part of the quote left out was another passage's (the next section of a news
  // article, after a dropped caption); one from a lead-in above was never in the quote and stays.
  const { deadline: d, ...rest } = t;
  const lost = d && d.start >= t.quoteStart && d.end <= t.quoteEnd && (d.start < cut.start || d.end > cut.end);
  return { ...rest, quoteStart: cut.start, quoteEnd: cut.end, ...(d && !lost ? { deadline: d } : {}) };
}

function toDrafts(view: DocView, doc: { text: string; sections: Section[]; meta: DocumentMeta }, t: RawTask): AssignmentDraft[] {
  const section = deepestSection(doc.sections, t.quoteStart, t.quoteEnd);
  const task = doc.text.slice(t.taskStart, t.taskEnd);
  // An undated deadline ("thường xuyên") says how often, not when, and one with a start only ("từ năm 2026", "...
  // và các năm tiếp theo") when the work begins: the document's period still places the task.
  const dated = t.deadline?.period.end ? t.deadline.period : undefined;
  const period: Period | undefined = dated ?? doc.meta.period ?? t.deadline?.period;
  const names = t.bodies.map((b) => b.body.org);
  const partners = (t.partners ?? []).map((b) => b.org);
  return t.bodies.map(({ body, role }, i) => {
    const draft: AssignmentDraft = {
      orgId: body.orgId,
      org: body.org,
      orgText: view.text.slice(body.start, body.end),
      role,
      coordinators: [...new Set(role === "coordinate"
        ? [...names.filter((_, j) => j !== i), ...partners]
        : [...t.bodies.filter((b) => b.role === "coordinate").map((b) => b.body.org), ...partners])].filter((n) => n !== body.org),
      task,
      section,
      // A quote that starts an item's words starts at its mark; the task's words and its section stay.
      quoteStart: quoteStartWithMark(doc.text, t.quoteStart, t.quoteEnd, doc.meta.seams, MAX_QUOTE),
      quoteEnd: t.quoteEnd,
    };
    if (t.deadline) draft.deadline = { ...t.deadline.deadline };
    if (period) draft.period = { ...period };
    return draft;
  });
}

/** The deepest section holding the span (or, failing that, its start); 0 when there are no sections. */
function deepestSection(sections: Section[], start: number, end: number): number {
  let best = -1, bestDepth = -1, fallback = -1, fallbackDepth = -1;
  for (const s of sections) {
    if (s.start <= start && start < Math.max(s.end, s.start + 1)) {
      if (s.end >= end && s.depth > bestDepth) { best = s.index; bestDepth = s.depth; }
      if (s.depth > fallbackDepth) { fallback = s.index; fallbackDepth = s.depth; }
    }
  }
  return best >= 0 ? best : fallback >= 0 ? fallback : 0;
}
