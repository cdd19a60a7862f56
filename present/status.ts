/**
 * Task statuses as people see them: the status line under a task, a numbered task with its status, and
 * the status buttons ("✅ Hoàn thành", "⏳ Đang làm", "📝 Ghi chú") under /nhiemvu, /quahan and digests.
 * Buttons carry the document id and a short digest of the task's stable identity, so they still work after
 * the document is re-ingested (its id is kept) and on any replica; the bot reads them back (bot/status-view.ts).
 */
import type { InlineKeyboardButton } from "grammy/types";
import { formatDate, shorten } from "../core/display.js";
import { identityOf, statusRef, statusText, taskKey, type TaskStatus } from "../core/status.js";
import { escapeHtml } from "../core/text.js";
import type { StoredAssignment } from "../store/types.js";
import { renderTask } from "./tasks.js";

/** Most tasks that get buttons under one message (Telegram allows 100 buttons; a long list stays readable). */
export const MAX_STATUS_BUTTONS = 10;

/** Longest task text in a numbered list (cut at a word with "…"; 📖 Nguyên văn shows the section whole). */
const LISTED_TASK_CHARS = 300;

/** Callback data: st:<d|p|n>:<docId>:<ref> (done, in progress, note). */
export const STATUS_CALLBACK = /^st:([dpn]):(\d+):([\w-]{12})$/;

export function statusCallback(action: "d" | "p" | "n", t: StoredAssignment): string {
  return `st:${action}:${t.docId}:${statusRef(taskKey(identityOf(t)))}`;
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
  const item = renderTask(t, { showRole, maxTaskChars: LISTED_TASK_CHARS }).replace(/^•/, `${n}.`);
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

/** Buttons under a digest: one row per task (overdue first), named by body and section. */
export function digestStatusKeyboard(tasks: StoredAssignment[]): { inline_keyboard: InlineKeyboardButton.CallbackButton[][] } | undefined {
  const rows = tasks.slice(0, MAX_STATUS_BUTTONS).map((t) => [
    { text: `✅ Hoàn thành · ${shorten(t.org, 24)} ${t.sectionLabel}`.trim(), callback_data: statusCallback("d", t) },
    { text: "⏳ Đang làm", callback_data: statusCallback("p", t) },
    { text: "📝 Ghi chú", callback_data: statusCallback("n", t) },
  ]);
  return rows.length ? { inline_keyboard: rows } : undefined;
}
