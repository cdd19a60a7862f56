/**
 * Deadlines as an iCalendar file (ical-generator) that Outlook and Google Calendar can import or
 * subscribe to: one all-day event per dated task, on its due date, with a stable UID (the task's
 * identity), so a re-exported calendar updates its events instead of duplicating them.
 */
import ical, { ICalCalendarMethod } from "ical-generator";
import { createHash } from "node:crypto";
import { shorten } from "../core/display.js";
import { OVERDUE_LABEL } from "../core/status.js";
import type { TaskRow } from "./table.js";

export function tasksIcs(rows: TaskRow[], now: Date, name = "Hạn nhiệm vụ"): string {
  const cal = ical({ name, prodId: { company: "nhiemvu", product: "nhiemvu", language: "VI" }, method: ICalCalendarMethod.PUBLISH });
  for (const r of rows) {
    if (!r.due) continue;
    const flag = r.state === "done" ? "✅ " : r.overdue ? "⚠️ " : "";
    cal.createEvent({
      id: `${createHash("sha256").update(r.key).digest("hex").slice(0, 32)}@nhiemvu`,
      start: new Date(`${r.due}T00:00:00Z`),
      allDay: true,
      stamp: now,
      summary: `${flag}${r.org}: ${shorten(r.task, 120)}`,
      description: [
        r.task,
        `Vai trò: ${r.roleLabel}`,
        r.deadlineText ? `Thời hạn: ${r.deadlineText}` : "",
        `Trạng thái: ${r.stateLabel}${r.overdue ? ` — ${OVERDUE_LABEL}` : ""}`,
        `Nguồn: ${r.docLabel}, mục ${r.section}`,
      ].filter(Boolean).join("\n"),
    });
  }
  return cal.toString();
}
