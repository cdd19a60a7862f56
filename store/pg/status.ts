/**
 * Task statuses, their history and the bodies' reporters in PostgreSQL (migration 2), the same rows and
 * behaviour as store/sqlite/status.ts. `carryOver` runs inside the document's save transaction.
 */
import {
  CARRIED_NOTE, carryOver as planCarryOver, draftIdentities, taskKey,
  type Reporter, type StatusChange, type StatusHistoryEntry, type StatusState, type TaskStatus,
} from "../../core/status.js";
import type { DocumentDraft } from "../../core/types.js";
import {
  historyParams, nextStatus, statusParams, toHistory, toReporter, toStatus,
  type HistoryRow, type ReporterRow, type StatusRow,
} from "../status-rows.js";
import type { SqlClient, SqlQueryable } from "./sql.js";

const STATUS_COLUMNS = "key, doc_name, section_label, org_key, state, done_on, note, evidence, needs_review, updated_by, updated_at";
const HISTORY_COLUMNS = "key, from_state, to_state, by_who, at, note, evidence, done_on";

function statusValues(st: TaskStatus): unknown[] {
  const p = statusParams(st);
  return [p.key, p.doc_name, p.section_label, p.org_key, p.state, p.done_on, p.note, p.evidence, p.needs_review, p.updated_by, p.updated_at];
}

function historyValues(h: StatusHistoryEntry): unknown[] {
  const p = historyParams(h);
  return [p.key, p.from_state, p.to_state, p.by_who, p.at, p.note, p.evidence, p.done_on];
}

async function addHistory(q: SqlQueryable, h: StatusHistoryEntry): Promise<void> {
  await q.query(`INSERT INTO task_status_history (${HISTORY_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, historyValues(h));
}

async function getOne(q: SqlQueryable, key: string, lock = false): Promise<TaskStatus | undefined> {
  const r = await q.query<StatusRow>(`SELECT ${STATUS_COLUMNS} FROM task_statuses WHERE key = $1${lock ? " FOR UPDATE" : ""}`, [key]);
  return r.rows[0] && toStatus(r.rows[0]);
}

export async function setTaskStatus(client: SqlClient, change: StatusChange, now: Date): Promise<TaskStatus> {
  return client.transaction(async (tx) => {
    const key = taskKey(change.identity);
    // A concurrent first change of the same task: the row is created empty, then locked.
    await tx.query(`INSERT INTO task_statuses (${STATUS_COLUMNS}) VALUES ($1, $2, $3, $4, 'todo', NULL, NULL, NULL, 0, '', '')
      ON CONFLICT (key) DO NOTHING`, [key, change.identity.docName, change.identity.sectionLabel, change.identity.orgKey]);
    const locked = await getOne(tx, key, true);
    const before = locked && locked.updatedAt !== "" ? locked : undefined;
    const next = nextStatus(key, change, before, now);
    await tx.query(`UPDATE task_statuses SET state = $5, done_on = $6, note = $7, evidence = $8, needs_review = $9,
      updated_by = $10, updated_at = $11 WHERE key = $1 AND doc_name = $2 AND section_label = $3 AND org_key = $4`, statusValues(next));
    await addHistory(tx, { key, from: before?.state ?? null, to: next.state, by: change.by, at: next.updatedAt,
      note: change.note, evidence: change.evidence, doneOn: next.doneOn });
    return next;
  });
}

export async function getTaskStatuses(q: SqlQueryable, keys?: string[]): Promise<Map<string, TaskStatus>> {
  const r = keys
    ? await q.query<StatusRow>(`SELECT ${STATUS_COLUMNS} FROM task_statuses WHERE key = ANY($1::text[]) AND updated_at <> ''`, [keys])
    : await q.query<StatusRow>(`SELECT ${STATUS_COLUMNS} FROM task_statuses WHERE updated_at <> '' ORDER BY key`);
  return new Map(r.rows.map((row) => [row.key, toStatus(row)]));
}

export async function taskStatusHistory(q: SqlQueryable, key?: string): Promise<StatusHistoryEntry[]> {
  const r = key === undefined
    ? await q.query<HistoryRow>(`SELECT ${HISTORY_COLUMNS} FROM task_status_history ORDER BY id`)
    : await q.query<HistoryRow>(`SELECT ${HISTORY_COLUMNS} FROM task_status_history WHERE key = $1 ORDER BY id`, [key]);
  return r.rows.map(toHistory);
}

export async function confirmTaskStatus(q: SqlQueryable, key: string): Promise<void> {
  await q.query("UPDATE task_statuses SET needs_review = 0 WHERE key = $1", [key]);
}

/** Moves the statuses of a re-saved document's reworded tasks (inside the save transaction `tx`). */
export async function carryOver(tx: SqlQueryable, draft: DocumentDraft, now: Date): Promise<void> {
  const r = await tx.query<{ key: string; section_label: string; org_key: string }>(
    "SELECT key, section_label, org_key FROM task_statuses WHERE doc_name = $1 AND updated_at <> '' FOR UPDATE", [draft.name]);
  if (r.rows.length === 0) return;
  const stored = r.rows.map((row) => ({ key: row.key, sectionLabel: row.section_label, orgKey: row.org_key }));
  for (const [from, to] of planCarryOver(stored, draftIdentities(draft))) {
    await tx.query("DELETE FROM task_statuses WHERE key = $1 AND updated_at = ''", [to]);
    await tx.query("UPDATE task_status_history SET key = $1 WHERE key = $2", [to, from]);
    await tx.query("UPDATE task_statuses SET key = $1, needs_review = 1 WHERE key = $2", [to, from]);
    const status = (await getOne(tx, to))!;
    await addHistory(tx, { key: to, from: status.state, to: status.state, by: "ingest", at: now.toISOString(),
      note: CARRIED_NOTE, doneOn: status.doneOn });
  }
}

export async function addReporter(q: SqlQueryable, r: Omit<Reporter, "grantedAt">, now: Date): Promise<void> {
  await q.query(`INSERT INTO reporters (org_key, user_id, granted_by, granted_at) VALUES ($1, $2, $3, $4)
    ON CONFLICT (org_key, user_id) DO NOTHING`, [r.orgKey, r.userId, r.grantedBy ?? null, now.toISOString()]);
}

export async function removeReporter(q: SqlQueryable, orgKey: string, userId: number): Promise<boolean> {
  return (await q.query("DELETE FROM reporters WHERE org_key = $1 AND user_id = $2", [orgKey, userId])).rowCount > 0;
}

export async function listReporters(q: SqlQueryable, orgKey?: string): Promise<Reporter[]> {
  const r = await q.query<ReporterRow>(`SELECT org_key, user_id, granted_by, granted_at FROM reporters
    WHERE ($1::text IS NULL OR org_key = $1::text) ORDER BY org_key, user_id`, [orgKey ?? null]);
  return r.rows.map(toReporter);
}

export async function exportState(q: SqlQueryable): Promise<StatusState> {
  return {
    statuses: [...(await getTaskStatuses(q)).values()],
    history: await taskStatusHistory(q),
    reporters: await listReporters(q),
  };
}

/** Adds what is not there: statuses by key, history rows not yet present, reporters. */
export async function importState(client: SqlClient, state: StatusState): Promise<void> {
  await client.transaction(async (tx) => {
    for (const st of state.statuses) {
      await tx.query(`INSERT INTO task_statuses (${STATUS_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        ON CONFLICT (key) DO NOTHING`, statusValues(st));
    }
    for (const h of state.history) {
      await tx.query(`INSERT INTO task_status_history (${HISTORY_COLUMNS}) SELECT $1::text, $2::text, $3::text, $4::text,
        $5::text, $6::text, $7::text, $8::text WHERE NOT EXISTS (SELECT 1 FROM task_status_history WHERE key = $1::text
        AND at = $5::text AND to_state = $3::text AND by_who = $4::text)`, historyValues(h));
    }
    for (const r of state.reporters) {
      await tx.query(`INSERT INTO reporters (org_key, user_id, granted_by, granted_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (org_key, user_id) DO NOTHING`, [r.orgKey, r.userId, r.grantedBy ?? null, r.grantedAt]);
    }
  });
}
