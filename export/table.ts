/**
 * The task table every export writes (Excel, CSV, iCalendar): one row per assignment with its status,
 * built once from the store's assignments and statuses. Presentation-neutral: no bot or CLI here.
 */
import { ROLE_LABELS, docLabel } from "../core/display.js";
import { identityOf, isDoneLate, isOverdue, STATE_LABELS, taskKey, type TaskState, type TaskStatus } from "../core/status.js";
import type { Role } from "../core/types.js";
import type { StatusStore, StoredAssignment } from "../store/types.js";

export interface TaskRow {
  key: string;
  org: string;
  role: Role;
  roleLabel: string;
  task: string;
  deadlineText?: string;
  /** ISO date. */
  due?: string;
  state: TaskState;
  stateLabel: string;
  overdue: boolean;
  doneOn?: string;
  doneLate: boolean;
  note?: string;
  needsReview: boolean;
  doc: string;
  docLabel: string;
  section: string;
  quote: string;
}

/** Rows of `tasks` with their statuses, for `today` (Vietnam date). */
export async function taskRows(store: Pick<StatusStore, "getTaskStatuses">, tasks: StoredAssignment[], today: string): Promise<TaskRow[]> {
  const keys = tasks.map((t) => taskKey(identityOf(t)));
  const statuses = keys.length ? await store.getTaskStatuses(keys) : new Map<string, TaskStatus>();
  return tasks.map((t, i) => {
    const status = statuses.get(keys[i]!);
    const state = status?.state ?? "todo";
    const due = t.deadline?.due;
    return {
      key: keys[i]!, org: t.org, role: t.role, roleLabel: ROLE_LABELS[t.role], task: t.task,
      deadlineText: t.deadline?.text, due, state, stateLabel: STATE_LABELS[state],
      overdue: isOverdue(due, status, today), doneOn: status?.doneOn, doneLate: isDoneLate(due, status),
      note: status?.note, needsReview: status?.needsReview ?? false,
      doc: t.docName, docLabel: docLabel(t.docMeta, t.docName), section: t.sectionLabel, quote: t.quote,
    };
  });
}
