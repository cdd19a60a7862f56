/**
 * Task statuses in the bot: the numbered /nhiemvu list with statuses and buttons (drawn by
 * present/status.ts), the lookup from a button back to its task, and who may press it.
 */
import type { InlineKeyboardButton } from "grammy/types";
import { canChangeStatus, identityOf, orgKeyOf, statusRef, taskKey, type TaskStatus } from "../core/status.js";
import type { Role } from "../core/types.js";
import type { Store, StoredAssignment } from "../store/types.js";
import { ROLE_LABELS } from "../core/display.js";
import { MAX_STATUS_BUTTONS, renderTaskWithStatus, statusButtons } from "../present/status.js";

/** The statuses of these tasks, by task key. */
export async function statusesOf(store: Pick<Store, "getTaskStatuses">, tasks: StoredAssignment[]): Promise<Map<string, TaskStatus>> {
  if (tasks.length === 0) return new Map();
  return store.getTaskStatuses([...new Set(tasks.map((t) => taskKey(identityOf(t))))]);
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
