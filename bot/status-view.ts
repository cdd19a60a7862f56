/**
 * Task statuses as the bot shows them: a numbered task list with a status line under each task and a row
 * of buttons per task ("✅ Hoàn thành", "⏳ Đang làm", "📝 Ghi chú"), and the lookup from a button back
 * to its task. Buttons carry the document id and a short digest of the task's stable identity, so they
 * still work after the document is re-ingested (its id is kept) and on any replica.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { formatDate, shorten } from "../core/display.js";
import { canChangeStatus, identityOf, orgKeyOf, statusRef, statusText, taskKey, type TaskStatus } from "../core/status.js";
import { escapeHtml } from "../core/text.js";
import type { Role } from "../core/types.js";
import type { Store, StoredAssignment } from "../store/types.js";
import { renderTask } from "./render/tasks.js";
import { ROLE_LABELS } from "../core/display.js";

/** Most tasks that get buttons under one message (Telegram allows 100 buttons; a long list stays readable). */
export const MAX_STATUS_BUTTONS = 10;

/** Callback data: st:<d|p|n>:<docId>:<ref> (done, in progress, note). */
export const STATUS_CALLBACK = /^st:([dpn]):(\d+):([\w-]{12})$/;

export function statusCallback(action: "d" | "p" | "n", t: StoredAssignment): string {
  return `st:${action}:${t.docId}:${statusRef(taskKey(identityOf(t)))}`;
}

/** The statuses of these tasks, by task key. */
export async function statusesOf(store: Pick<Store, "getTaskStatuses">, tasks: StoredAssignment[]): Promise<Map<string, TaskStatus>> {
  if (tasks.length === 0) return new Map();
  return store.getTaskStatuses([...new Set(tasks.map((t) => taskKey(identityOf(t))))]);
}

/** "   📌 đang thực hiện — quá hạn · 📝 note" (HTML). */
export function statusLine(t: StoredAssignment, status: TaskStatus | undefined, today: string): string {
  let s = `   📌 ${escapeHtml(statusText(status, t.deadline?.due, today, formatDate))}`;
  if (status?.needsReview) s += " <i>(nội dung đã thay đổi, cần rà soát)</i>";
  if (status?.note) s += `\n   📝 ${escapeHtml(status.note)}`;
  return s;
}

/** One task with its number and status line (the deadline's own "quá hạn" mark is left to the status). */
export function renderTaskWithStatus(t: StoredAssignment, n: number, status: TaskStatus | undefined, today: string, showRole = true): string {
  const item = renderTask(t, { showRole }).replace(/^•/, `${n}.`);
  return `${item}\n${statusLine(t, status, today)}`;
}

/** The three buttons of task number n. */
export function statusButtons(t: StoredAssignment, n: number): InlineKeyboardButton.CallbackButton[] {
  return [
    { text: `${n}. ✅ Hoàn thành`, callback_data: statusCallback("d", t) },
    { text: "⏳ Đang làm", callback_data: statusCallback("p", t) },
    { text: "📝 Ghi chú", callback_data: statusCallback("n", t) },
  ];
}

/**
 * Task groups (by role) as numbered items with statuses, and the button rows for the first
 * MAX_STATUS_BUTTONS tasks. Used under /nhiemvu.
 */
export async function taskGroupsWithStatus(
  store: Pick<Store, "getTaskStatuses">, groups: Array<{ role: Role; tasks: StoredAssignment[] }>, today: string,
): Promise<{ items: string[]; rows: InlineKeyboardButton.CallbackButton[][] }> {
  const statuses = await statusesOf(store, groups.flatMap((g) => g.tasks));
  const items: string[] = [];
  const rows: InlineKeyboardButton.CallbackButton[][] = [];
  let n = 0;
  for (const g of groups) {
    if (g.tasks.length === 0) continue;
    items.push(`<b>${ROLE_LABELS[g.role]}</b> (${g.tasks.length})`);
    for (const t of g.tasks) {
      n++;
      items.push(renderTaskWithStatus(t, n, statuses.get(taskKey(identityOf(t))), today, false));
      if (n <= MAX_STATUS_BUTTONS) rows.push(statusButtons(t, n));
    }
  }
  return { items, rows };
}

/** Buttons under a digest: one row per task (overdue first), named by body and section. */
export function digestStatusKeyboard(tasks: StoredAssignment[]): { inline_keyboard: InlineKeyboardButton.CallbackButton[][] } | undefined {
  const rows = tasks.slice(0, MAX_STATUS_BUTTONS).map((t) => [
    { text: `✅ Hoàn thành · ${shorten(t.org, 24)} ${t.sectionLabel}`.trim(), callback_data: statusCallback("d", t) },
    { text: "⏳ Đang làm", callback_data: statusCallback("p", t) },
    { text: "📝 Ghi chú", callback_data: statusCallback("n", t) },
  ]);
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/** The task a button names, or undefined when the document or the task is gone. */
export async function taskOfButton(store: Store, docId: number, ref: string): Promise<StoredAssignment | undefined> {
  const tasks = await store.findAssignments({ docIds: [docId] });
  return tasks.find((t) => statusRef(taskKey(identityOf(t))) === ref);
}

/** Whether this user may change this task's status: admins, and the reporters of its body. */
export async function mayChange(store: Store, access: { admin: boolean }, userId: number, t: StoredAssignment): Promise<boolean> {
  if (access.admin) return true;
  const orgKey = orgKeyOf(t);
  const reporters = await store.listReporters(orgKey);
  return canChangeStatus({ admin: false, reporterOf: new Set(reporters.filter((r) => r.userId === userId).map((r) => r.orgKey)) }, orgKey);
}
