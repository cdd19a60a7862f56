/**
 * Task statuses, their history and the bodies' reporters, one SQL text for both stores. Changing a status
 * and carrying statuses over in a document's save transaction read and lock rows the way each database
 * does: store/sqlite/status.ts and store/pg/status.ts. PostgreSQL may hold a placeholder row (updated_at
 * '') while a first change is under way; reads skip it, and SQLite never has one.
 */
import type { Reporter, StatusHistoryEntry, StatusState, TaskStatus } from "../../core/status.js";
import {
  historyParams, statusParams, toHistory, toReporter, toStatus, type HistoryRow, type ReporterRow, type StatusRow,
} from "../status-rows.js";
import type { StatusStore } from "../types.js";
import type { Query, Statement } from "./query.js";

export const STATUS_COLUMNS = "key, doc_name, section_label, org_key, state, done_on, note, evidence, needs_review, updated_by, updated_at";
export const HISTORY_COLUMNS = "key, from_state, to_state, by_who, at, note, evidence, done_on";

/** A status's values in STATUS_COLUMNS order. */
export function statusValues(st: TaskStatus): unknown[] {
  const p = statusParams(st);
  return [p.key, p.doc_name, p.section_label, p.org_key, p.state, p.done_on, p.note, p.evidence, p.needs_review, p.updated_by, p.updated_at];
}

export const INSERT_HISTORY = `INSERT INTO task_status_history (${HISTORY_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/** A history entry's values in HISTORY_COLUMNS order. */
export function historyValues(h: StatusHistoryEntry): unknown[] {
  const p = historyParams(h);
  return [p.key, p.from_state, p.to_state, p.by_who, p.at, p.note, p.evidence, p.done_on];
}

export type StatusReads = Omit<StatusStore, "setTaskStatus"> & {
  exportState(): Promise<StatusState>;
  /** Adds what is not there: statuses by key, history rows not yet present, reporters. */
  importState(state: StatusState): Promise<void>;
};

export function statusReads(q: Query, now: () => Date): StatusReads {
  const addReporter = (r: Omit<Reporter, "grantedAt">, at: string): Statement => [`INSERT INTO reporters
    (org_key, user_id, granted_by, granted_at) VALUES (?, ?, ?, ?) ON CONFLICT (org_key, user_id) DO NOTHING`,
  [r.orgKey, r.userId, r.grantedBy ?? null, at]];
  const reads = {
    /** In the order of `keys` (each once), else by key. */
    async getTaskStatuses(keys?: string[]): Promise<Map<string, TaskStatus>> {
      if (!keys) {
        const rows = await q.all<StatusRow>(`SELECT ${STATUS_COLUMNS} FROM task_statuses WHERE updated_at <> '' ORDER BY key`);
        return new Map(rows.map((r) => [r.key, toStatus(r)]));
      }
      const rows = await q.all<StatusRow>(`SELECT ${STATUS_COLUMNS} FROM task_statuses
        WHERE ${q.inList("key", "text")} AND updated_at <> ''`, [keys]);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      return new Map(keys.filter((k) => byKey.has(k)).map((k) => [k, toStatus(byKey.get(k)!)]));
    },

    async taskStatusHistory(key: string) {
      return (await q.all<HistoryRow>(`SELECT ${HISTORY_COLUMNS} FROM task_status_history WHERE key = ? ORDER BY id`, [key]))
        .map(toHistory);
    },

    async confirmTaskStatus(key: string) {
      await q.run("UPDATE task_statuses SET needs_review = 0 WHERE key = ?", [key]);
    },

    async addReporter(r: Omit<Reporter, "grantedAt">) {
      const [sql, params] = addReporter(r, now().toISOString());
      await q.run(sql, params);
    },

    async removeReporter(orgKey: string, userId: number) {
      return (await q.run("DELETE FROM reporters WHERE org_key = ? AND user_id = ?", [orgKey, userId])) > 0;
    },

    async listReporters(orgKey?: string) {
      return (await q.all<ReporterRow>(`SELECT org_key, user_id, granted_by, granted_at FROM reporters
        WHERE (${q.typed("text")} IS NULL OR org_key = ${q.typed("text")}) ORDER BY org_key, user_id`, [orgKey ?? null, orgKey ?? null]))
        .map(toReporter);
    },

    async exportState(): Promise<StatusState> {
      return {
        statuses: [...(await reads.getTaskStatuses()).values()],
        history: (await q.all<HistoryRow>(`SELECT ${HISTORY_COLUMNS} FROM task_status_history ORDER BY id`)).map(toHistory),
        reporters: await reads.listReporters(),
      };
    },

    async importState(state: StatusState) {
      await q.batch([
        ...state.statuses.map((st): Statement => [`INSERT INTO task_statuses (${STATUS_COLUMNS})
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`, statusValues(st)]),
        ...state.history.map((h): Statement => [`INSERT INTO task_status_history (${HISTORY_COLUMNS})
          SELECT ${Array(8).fill(q.typed("text")).join(", ")}
          WHERE NOT EXISTS (SELECT 1 FROM task_status_history WHERE key = ? AND at = ? AND to_state = ? AND by_who = ?)`,
        [...historyValues(h), h.key, h.at, h.to, h.by]]),
        ...state.reporters.map((r) => addReporter(r, r.grantedAt)),
      ]);
    },
  };
  return reads;
}
