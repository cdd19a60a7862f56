/**
 * The two status writes that read before they write, on SQLite: a person's change, and the carry-over of
 * a re-saved document's statuses (inside the document's save transaction). Both are synchronous
 * better-sqlite3 transactions; every other status query is store/sql/statuses.ts's.
 */
import type { Database } from "better-sqlite3";
import { CARRIED_NOTE, carryOver, draftIdentities, taskKey, type StatusChange, type TaskState, type TaskStatus } from "../../core/status.js";
import type { DocumentDraft } from "../../core/types.js";
import { nextStatus, toStatus, type StatusRow } from "../status-rows.js";
import { historyValues, INSERT_HISTORY, STATUS_COLUMNS, statusValues } from "../sql/statuses.js";

export interface SqliteStatusWrites {
  setTaskStatus(change: StatusChange): Promise<TaskStatus>;
  /** Moves the statuses of a re-saved document's reworded tasks (call inside the save transaction). */
  carryOver(draft: DocumentDraft): void;
}

export function sqliteStatusWrites(db: Database, now: () => Date): SqliteStatusWrites {
  const get = db.prepare(`SELECT ${STATUS_COLUMNS} FROM task_statuses WHERE key = ?`);
  const ofDoc = db.prepare("SELECT key, section_label, org_key FROM task_statuses WHERE doc_name = ?");
  const upsert = db.prepare(`INSERT INTO task_statuses (${STATUS_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET state = excluded.state, done_on = excluded.done_on, note = excluded.note,
    evidence = excluded.evidence, needs_review = excluded.needs_review, updated_by = excluded.updated_by,
    updated_at = excluded.updated_at`);
  const addHistory = db.prepare(INSERT_HISTORY);
  const move = db.prepare("UPDATE task_statuses SET key = ?, needs_review = 1 WHERE key = ?");
  const moveHistory = db.prepare("UPDATE task_status_history SET key = ? WHERE key = ?");

  const set = db.transaction((change: StatusChange): TaskStatus => {
    const key = taskKey(change.identity);
    const before = get.get(key) as StatusRow | undefined;
    const at = now();
    const next = nextStatus(key, change, before ? toStatus(before) : undefined, at);
    upsert.run(...statusValues(next));
    addHistory.run(...historyValues({
      key, from: before ? (before.state as TaskState) : null, to: next.state, by: change.by, at: at.toISOString(),
      note: change.note, evidence: change.evidence, doneOn: next.doneOn,
    }));
    return next;
  });

  return {
    async setTaskStatus(change) {
      return set(change);
    },

    carryOver(draft) {
      const stored = (ofDoc.all(draft.name) as Array<{ key: string; section_label: string; org_key: string }>)
        .map((r) => ({ key: r.key, sectionLabel: r.section_label, orgKey: r.org_key }));
      if (stored.length === 0) return;
      const at = now().toISOString();
      for (const [from, to] of carryOver(stored, draftIdentities(draft))) {
        moveHistory.run(to, from);
        move.run(to, from);
        const status = toStatus(get.get(to) as StatusRow);
        addHistory.run(...historyValues({ key: to, from: status.state, to: status.state, by: "ingest", at,
          note: CARRIED_NOTE, doneOn: status.doneOn }));
      }
    },
  };
}
