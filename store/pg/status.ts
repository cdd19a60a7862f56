/**
 * The two status writes that read before they write, on PostgreSQL: a person's change (a concurrent first
 * change of the same task meets a placeholder row, then a row lock) and the carry-over of a re-saved
 * document's statuses inside its save transaction. Every other status query is store/sql/statuses.ts's.
 */
import { CARRIED_NOTE, carryOver as planCarryOver, draftIdentities, taskKey, type StatusChange, type TaskStatus } from "../../core/status.js";
import type { DocumentDraft } from "../../core/types.js";
import { nextStatus, toStatus, type StatusRow } from "../status-rows.js";
import { historyValues, INSERT_HISTORY, STATUS_COLUMNS, statusValues } from "../sql/statuses.js";
import { pgQuery } from "./query.js";
import type { SqlClient, SqlQueryable } from "./sql.js";

async function getOne(tx: SqlQueryable, key: string, lock = false): Promise<TaskStatus | undefined> {
  const [row] = await pgQuery(tx).all<StatusRow>(`SELECT ${STATUS_COLUMNS} FROM task_statuses WHERE key = ?${lock ? " FOR UPDATE" : ""}`, [key]);
  return row && toStatus(row);
}

export async function setTaskStatus(client: SqlClient, change: StatusChange, now: Date): Promise<TaskStatus> {
  return client.transaction(async (tx) => {
    const q = pgQuery(tx);
    const key = taskKey(change.identity);
    // A concurrent first change of the same task: the row is created empty, then locked.
    await q.run(`INSERT INTO task_statuses (${STATUS_COLUMNS}) VALUES (?, ?, ?, ?, 'todo', NULL, NULL, NULL, 0, '', '')
      ON CONFLICT (key) DO NOTHING`, [key, change.identity.docName, change.identity.sectionLabel, change.identity.orgKey]);
    const locked = await getOne(tx, key, true);
    const before = locked && locked.updatedAt !== "" ? locked : undefined;
    const next = nextStatus(key, change, before, now);
    const values = statusValues(next);
    await q.run(`UPDATE task_statuses SET state = ?, done_on = ?, note = ?, evidence = ?, needs_review = ?, updated_by = ?,
      updated_at = ? WHERE key = ? AND doc_name = ? AND section_label = ? AND org_key = ?`, [...values.slice(4), ...values.slice(0, 4)]);
    await q.run(INSERT_HISTORY, historyValues({ key, from: before?.state ?? null, to: next.state, by: change.by,
      at: next.updatedAt, note: change.note, evidence: change.evidence, doneOn: next.doneOn }));
    return next;
  });
}

/** Moves the statuses of a re-saved document's reworded tasks (inside the save transaction `tx`). */
export async function carryOver(tx: SqlQueryable, draft: DocumentDraft, now: Date): Promise<void> {
  const q = pgQuery(tx);
  const rows = await q.all<{ key: string; section_label: string; org_key: string }>(
    "SELECT key, section_label, org_key FROM task_statuses WHERE doc_name = ? AND updated_at <> '' FOR UPDATE", [draft.name]);
  if (rows.length === 0) return;
  const stored = rows.map((row) => ({ key: row.key, sectionLabel: row.section_label, orgKey: row.org_key }));
  for (const [from, to] of planCarryOver(stored, draftIdentities(draft))) {
    await q.run("DELETE FROM task_statuses WHERE key = ? AND updated_at = ''", [to]);
    await q.run("UPDATE task_status_history SET key = ? WHERE key = ?", [to, from]);
    await q.run("UPDATE task_statuses SET key = ?, needs_review = 1 WHERE key = ?", [to, from]);
    const status = (await getOne(tx, to))!;
    await q.run(INSERT_HISTORY, historyValues({ key: to, from: status.state, to: status.state, by: "ingest",
      at: now.toISOString(), note: CARRIED_NOTE, doneOn: status.doneOn }));
  }
}
