/**
 * Tasks as list items: one record (renderTask), a task with all its bodies (renderTaskEntry), and the
 * plain-text entry of `nhiemvu tasks` (taskEntryText). Used by /nhiemvu, /hanchot, /quahan, inline results,
 * digests (present/digest.ts) and the CLI.
 */
import { escapeHtml } from "../core/text.js";
import type { StoredAssignment } from "../store/types.js";
import { ROLE_LABELS, docLabel, formatDate, shorten, taskPlace } from "../core/display.js";

export interface TaskListOptions {
  /** Today's ISO date (Vietnam); with it, past deadlines are marked "quá hạn". */
  today?: string;
  /** Show the organisation (default true; false under a heading that already names it). */
  showOrg?: boolean;
  /** Show the role after the organisation (default true). */
  showRole?: boolean;
  /** Longest task text shown, in characters (default 1,000). */
  maxTaskChars?: number;
}

/**
 * One HTML item per assignment: organisation and role, the task as written, its deadline, and where it
 * comes from (document and section). Every piece of document text is escaped.
 */
export function renderTaskList(tasks: StoredAssignment[], opts: TaskListOptions = {}): string[] {
  return tasks.map((t) => renderTask(t, opts));
}

/** One assignment as an HTML item (see renderTaskList). */
export function renderTask(t: StoredAssignment, opts: TaskListOptions = {}): string {
  const { showOrg = true, showRole = true, maxTaskChars = 1000 } = opts;
  let head = "•";
  if (showOrg) head += ` <b>${escapeHtml(t.org)}</b>`;
  if (showRole) head += ` <i>(${ROLE_LABELS[t.role]})</i>`;
  const lines = [`${head}${showOrg || showRole ? ":" : ""} ${escapeHtml(shorten(t.task, maxTaskChars))}`];
  if (t.role === "lead" && t.coordinators.length > 0) {
    lines.push(`   🤝 Phối hợp: ${escapeHtml(t.coordinators.join(", "))}`);
  }
  return [...lines, ...dueAndSource(t, opts.today)].join("\n");
}

/** An item's closing lines: its deadline (when it has one) and its source. */
function dueAndSource(t: StoredAssignment, today?: string): string[] {
  const dl = deadlineText(t, today);
  return [...(dl ? [`   ⏰ ${dl}`] : []), `   📄 ${escapeHtml(taskSource(t))}`];
}

/** "Kết luận 229-KL/TW, mục 3 (ii)", with the page in a PDF (plain text). */
export function taskSource(t: StoredAssignment): string {
  const section = taskPlace(t);
  return [docLabel(t.docMeta, t.docName), section].filter(Boolean).join(", ");
}

/** "Hạn: trong tháng 9/2025 (30/9/2025) — quá hạn" as HTML, or "" when the task has no deadline. */
export function deadlineText(t: StoredAssignment, today?: string): string {
  const d = t.deadline;
  if (!d) return "";
  let s = `Hạn: ${escapeHtml(d.text)}`;
  if (d.due && !d.text.includes(formatDate(d.due))) s += ` (${formatDate(d.due)})`;
  if (today && d.due && d.due < today) s += " — <b>quá hạn</b>";
  return s;
}

/** Most bodies named on one task's line; the rest are counted ("và 12 cơ quan khác"). */
const MAX_BODIES = 6;

/**
 * One task with all its bodies (records sharing its quote: the lead, the coordinators, those who carry it
 * out) as one HTML item: "• <b>Bộ A</b> (Chủ trì), <b>Bộ B</b> (Phối hợp): task", its deadline and source.
 */
export function renderTaskEntry(records: StoredAssignment[], opts: TaskListOptions = {}): string {
  const t = records[0]!;
  if (records.length === 1) return renderTask(t, opts);
  const { maxTaskChars = 1000 } = opts;
  const head = `• ${bodiesOf(records, (name, role) => `<b>${escapeHtml(name)}</b> <i>(${role})</i>`)}: ${escapeHtml(shorten(t.task, maxTaskChars))}`;
  return [head, ...dueAndSource(t, opts.today)].join("\n");
}

/** "Bộ A (chủ trì), Bộ B (phối hợp) và 3 cơ quan khác", each body once, written by `write`. */
function bodiesOf(records: StoredAssignment[], write: (name: string, role: string) => string): string {
  const seen = new Set<string>();
  const bodies = records.filter((r) => !seen.has(r.org) && seen.add(r.org));
  const shown = bodies.slice(0, MAX_BODIES).map((r) => write(r.org, ROLE_LABELS[r.role]));
  const rest = bodies.length - MAX_BODIES;
  return rest > 0 ? `${shown.join(", ")} và ${rest} cơ quan khác` : shown.join(", ");
}

/**
 * One task as plain text for a terminal (`nhiemvu tasks`, `deadlines`): its bodies and deadline, the task
 * cut at a word with "…", and its document by number and title with the section.
 */
export function taskEntryText(records: StoredAssignment[], n: number): string {
  const t = records[0]!;
  const d = t.deadline;
  const due = d ? ` — hạn: ${d.text}${d.due && !d.text.includes(formatDate(d.due)) ? ` (${formatDate(d.due)})` : ""}` : "";
  const bodies = bodiesOf(records, (name, role) => `${name} (${role.toLowerCase()})`);
  const title = t.docMeta.title ? ` — ${shorten(t.docMeta.title, 120)}` : "";
  return `${n}. ${bodies}${due}\n   ${shorten(t.task, 240)}\n   ${taskSource(t)}${title}`;
}
