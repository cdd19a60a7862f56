/**
 * What a digest holds: tasks overdue (within the look-back), then tasks due within the look-ahead, grouped
 * by organisation, each with its deadline, the organisation's role and its source (document, section).
 * Rendered as HTML items for the bot (bot/render/tasks.ts) and as plain text for the CLI.
 */
import type { Config } from "../core/config.js";
import type { OrgRegistry } from "../core/orgs.js";
import { escapeHtml } from "../core/text.js";
import { addDays, isoWeekday, vnDate } from "../core/time.js";
import { identityOf, taskKey } from "../core/status.js";
import type { AssignmentStore, StatusStore, StoredAssignment, Subscription } from "../store/types.js";
import { formatDate } from "../core/display.js";
import { stripHtml } from "../bot/render/split.js";
import { renderTaskList } from "../bot/render/tasks.js";
import { digestStatusKeyboard } from "../bot/status-view.js";
import type { InlineKeyboardMarkup } from "grammy/types";
import { WEEKDAY_NAMES } from "./slots.js";

/** Most tasks one digest lists; the rest are counted (a follow-all digest must not become 40 messages). */
export const MAX_DIGEST_TASKS = 80;

/** A store that may know task statuses: done tasks are then left out of digests and /hanchot. */
export type DueTaskStore = AssignmentStore & Partial<Pick<StatusStore, "getTaskStatuses">>;

export interface DigestDeps {
  store: DueTaskStore;
  registry: OrgRegistry;
  config: Config;
}

export interface Digest {
  /** Vietnam date the digest is computed for. */
  today: string;
  /** First and last due dates covered (look-back start, look-ahead end). */
  from: string;
  until: string;
  overdue: StoredAssignment[];
  upcoming: StoredAssignment[];
  /** HTML items, ready for splitMessages; empty when there is nothing to report. */
  items: string[];
  /** Status buttons for the first listed tasks (bot/status-view.ts), under the last message. */
  keyboard?: InlineKeyboardMarkup;
}

/** The subscription fields a digest depends on. */
export type DigestTarget = Pick<Subscription, "orgIds" | "lookaheadDays">;

/**
 * Builds the digest for `target` at instant `at`: due dates from today minus config.digest.lookbackDays to
 * today plus the subscription's look-ahead, all in Vietnam dates. Tasks without a due date are not listed.
 */
export async function buildDigest(deps: DigestDeps, target: DigestTarget, at: Date): Promise<Digest> {
  const due = await findDueTasks(deps.store, { ...target, lookbackDays: deps.config.digest.lookbackDays }, at);
  const { today, until, overdue, upcoming } = due;
  const digest: Digest = { ...due, items: [] };
  if (overdue.length + upcoming.length === 0) return digest;

  const items = [heading(deps, target, today)];
  let budget = MAX_DIGEST_TASKS;
  const section = (title: string, tasks: StoredAssignment[]) => {
    if (tasks.length === 0) return;
    items.push(`${title}: ${tasks.length}`);
    const shown = tasks.slice(0, Math.max(0, budget));
    budget -= shown.length;
    items.push(...renderByOrg(shown, today));
    if (shown.length < tasks.length) items.push(`… và ${tasks.length - shown.length} nhiệm vụ khác (gõ /hanchot để xem đầy đủ).`);
  };
  section(`⚠️ <b>Đã quá hạn</b> (trong ${deps.config.digest.lookbackDays} ngày qua)`, overdue);
  section(`⏰ <b>Sắp đến hạn</b> trong ${target.lookaheadDays} ngày tới (đến ${formatDate(until)})`, upcoming);
  digest.items = items;
  digest.keyboard = digestStatusKeyboard([...overdue, ...upcoming].slice(0, Math.max(0, MAX_DIGEST_TASKS - budget)));
  return digest;
}

export type DueTasks = Omit<Digest, "items">;

/**
 * Tasks due from `lookbackDays` before today to `lookaheadDays` after it (Vietnam dates), split into
 * overdue and upcoming, each by due date; tasks marked done are left out. Shared by digests and /hanchot.
 */
export async function findDueTasks(
  store: DueTaskStore,
  window: { orgIds: string[]; lookbackDays: number; lookaheadDays: number },
  at: Date,
): Promise<DueTasks> {
  const today = vnDate(at);
  const from = addDays(today, -window.lookbackDays);
  const until = addDays(today, window.lookaheadDays);
  const found = await store.findAssignments({
    orgIds: window.orgIds.length ? window.orgIds : undefined, dueAfter: from, dueBefore: until,
  });
  let dated = found.filter((t) => t.deadline?.due).sort(byDue);
  if (store.getTaskStatuses && dated.length) {
    const statuses = await store.getTaskStatuses(dated.map((t) => taskKey(identityOf(t))));
    dated = dated.filter((t) => statuses.get(taskKey(identityOf(t)))?.state !== "done");
  }
  return {
    today, from, until,
    overdue: dated.filter((t) => t.deadline!.due! < today),
    upcoming: dated.filter((t) => t.deadline!.due! >= today),
  };
}

/** "📬 Bản tin hạn nhiệm vụ — thứ Hai 21/9/2025" and what the subscription follows. */
function heading(deps: DigestDeps, target: DigestTarget, today: string): string {
  return `📬 <b>Bản tin hạn nhiệm vụ</b> — ${WEEKDAY_NAMES[isoWeekday(today)]} ${formatDate(today)}\n` +
    `Theo dõi: ${escapeHtml(followedNames(deps.registry, target.orgIds))}`;
}

/** "Ban Tổ chức Trung ương, Bộ Nội vụ" or "tất cả cơ quan" (plain text). */
export function followedNames(registry: OrgRegistry, orgIds: string[]): string {
  if (orgIds.length === 0) return "tất cả cơ quan";
  return orgIds.map((id) => registry.get(id)?.name ?? id).join(", ");
}

function byDue(a: StoredAssignment, b: StoredAssignment): number {
  return (a.deadline?.due ?? "").localeCompare(b.deadline?.due ?? "") || a.docId - b.docId || a.quoteStart - b.quoteStart;
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

/** The digest as plain text (the CLI's dry run): tags dropped, entities decoded, items separated by blank lines. */
export function digestPlainText(items: string[]): string {
  return items.map(stripHtml).join("\n\n");
}
