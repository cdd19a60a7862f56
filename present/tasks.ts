/**
 * Rendering assignments as list items. Shared with digests (digest/), which call renderTaskList and
 * splitMessages (./split.js) to build their messages.
 */
import type { Role } from "../core/types.js";
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
  const dl = deadlineText(t, opts.today);
  if (dl) lines.push(`   ⏰ ${dl}`);
  lines.push(`   📄 ${escapeHtml(taskSource(t))}`);
  return lines.join("\n");
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

/** Tasks grouped by role, each group under a heading; the order is Chủ trì, Phối hợp, Thực hiện. */
export function renderTaskGroups(
  groups: Array<{ role: Role; tasks: StoredAssignment[] }>,
  opts: TaskListOptions = {},
): string[] {
  const items: string[] = [];
  for (const g of groups) {
    if (g.tasks.length === 0) continue;
    items.push(`<b>${ROLE_LABELS[g.role]}</b> (${g.tasks.length})`);
    items.push(...renderTaskList(g.tasks, { ...opts, showRole: false }));
  }
  return items;
}
