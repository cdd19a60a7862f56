/**
 * How digests and new-task alerts read: a heading, tasks overdue then due soon, grouped by organisation,
 * each with its deadline, role and source. HTML items for the bot, plain text for the CLI's dry run.
 * What a digest holds (which tasks, for whom, when) is decided in digest/.
 */
import { docLabel, formatDate, shorten } from "../core/display.js";
import type { OrgRegistry } from "../core/orgs.js";
import { escapeHtml } from "../core/text.js";
import type { DocumentSummary, StoredAssignment } from "../store/types.js";
import { stripHtml } from "./split.js";
import { renderTaskList } from "./tasks.js";

/** Most tasks one digest lists; the rest are counted (a follow-all digest must not become 40 messages). */
export const MAX_DIGEST_TASKS = 80;

export interface DigestView {
  today: string;
  /** "thứ Hai" */
  weekday: string;
  /** Names of the followed bodies (followedNames). */
  followed: string;
  lookbackDays: number;
  lookaheadDays: number;
  until: string;
  overdue: StoredAssignment[];
  upcoming: StoredAssignment[];
}

/** The digest's HTML items and the tasks it lists (overdue first), at most MAX_DIGEST_TASKS of them. */
export function renderDigest(v: DigestView): { items: string[]; listed: StoredAssignment[] } {
  const items = [`📬 <b>Bản tin hạn nhiệm vụ</b> — ${v.weekday} ${formatDate(v.today)}\nTheo dõi: ${escapeHtml(v.followed)}`];
  const listed: StoredAssignment[] = [];
  const section = (title: string, tasks: StoredAssignment[]) => {
    if (tasks.length === 0) return;
    items.push(`${title}: ${tasks.length}`);
    const shown = tasks.slice(0, Math.max(0, MAX_DIGEST_TASKS - listed.length));
    listed.push(...shown);
    items.push(...renderByOrg(shown, v.today));
    if (shown.length < tasks.length) items.push(`… và ${tasks.length - shown.length} nhiệm vụ khác (gõ /hanchot để xem đầy đủ).`);
  };
  section(`⚠️ <b>Đã quá hạn</b> (trong ${v.lookbackDays} ngày qua)`, v.overdue);
  section(`⏰ <b>Sắp đến hạn</b> trong ${v.lookaheadDays} ngày tới (đến ${formatDate(v.until)})`, v.upcoming);
  return { items, listed };
}

/** "Ban Tổ chức Trung ương, Bộ Nội vụ" or "tất cả cơ quan" (plain text). */
export function followedNames(registry: OrgRegistry, orgIds: string[]): string {
  if (orgIds.length === 0) return "tất cả cơ quan";
  return orgIds.map((id) => registry.get(id)?.name ?? id).join(", ");
}

/**
 * Tasks grouped by organisation (known bodies by id, others by the name as written), each group under the
 * organisation's name; groups in order of their earliest deadline. The task lines show the role.
 */
export function renderByOrg(tasks: StoredAssignment[], today: string): string[] {
  const groups = new Map<string, { name: string; tasks: StoredAssignment[] }>();
  for (const t of tasks) {
    const key = t.orgId ?? `?${t.org}`;
    const g = groups.get(key) ?? { name: t.org, tasks: [] };
    g.tasks.push(t);
    groups.set(key, g);
  }
  const items: string[] = [];
  for (const g of groups.values()) {
    items.push(`🏛 <b>${escapeHtml(g.name)}</b> (${g.tasks.length})`);
    items.push(...renderTaskList(g.tasks, { today, showOrg: false }));
  }
  return items;
}

/** The alert for a new document as HTML items: the document, then its tasks grouped by organisation. */
export function renderAlert(doc: DocumentSummary, tasks: StoredAssignment[], today: string): string[] {
  const label = docLabel(doc.meta, doc.name);
  const lines = [`🆕 <b>Nhiệm vụ mới được giao</b> trong <b>${escapeHtml(label)}</b>${doc.meta.date ? ` ngày ${formatDate(doc.meta.date)}` : ""}`];
  if (doc.meta.title) lines.push(`Trích yếu: ${escapeHtml(shorten(doc.meta.title, 300))}`);
  lines.push(`${tasks.length} nhiệm vụ liên quan đến cơ quan bạn theo dõi:`);
  const items = [lines.join("\n"), ...renderByOrg(tasks.slice(0, MAX_DIGEST_TASKS), today)];
  if (tasks.length > MAX_DIGEST_TASKS) items.push(`… và ${tasks.length - MAX_DIGEST_TASKS} nhiệm vụ khác.`);
  return items;
}

/** The digest as plain text (the CLI's dry run): tags dropped, entities decoded, items separated by blank lines. */
export function digestPlainText(items: string[]): string {
  return items.map(stripHtml).join("\n\n");
}
