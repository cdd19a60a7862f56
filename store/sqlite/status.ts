/**
 * Task statuses, their history and the bodies' reporters in SQLite (tables of migration 3). Rows are
 * keyed by the task's stable identity (core/status.ts), not by assignment ids, so that replacing a
 * document's assignments keeps them; `carryOver` runs inside the document's save transaction.
 */
import type { Database, Statement } from "better-sqlite3";
import {
  CARRIED_NOTE, carryOver, draftIdentities, taskKey,
  type Reporter, type StatusChange, type StatusHistoryEntry, type StatusState, type TaskState, type TaskStatus,
} from "../../core/status.js";
import type { DocumentDraft } from "../../core/types.js";
import {
  historyParams, nextStatus, statusParams, toHistory, toReporter, toStatus,
  type HistoryRow, type ReporterRow, type StatusRow,
} from "../status-rows.js";

export class SqliteStatuses {
  private readonly s: Record<string, Statement>;
  private readonly setTx: (change: StatusChange) => TaskStatus;
  private readonly importTx: (state: StatusState) => void;

  constructor(private readonly db: Database, private readonly now: () => Date) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      get: p("SELECT * FROM task_statuses WHERE key = ?"),
      all: p("SELECT * FROM task_statuses ORDER BY key"),
      ofDoc: p("SELECT key, section_label, org_key FROM task_statuses WHERE doc_name = ?"),
      upsert: p(`INSERT INTO task_statuses (key, doc_name, section_label, org_key, state, done_on, note, evidence,
        needs_review, updated_by, updated_at) VALUES (@key, @doc_name, @section_label, @org_key, @state, @done_on,
        @note, @evidence, @needs_review, @updated_by, @updated_at)
        ON CONFLICT (key) DO UPDATE SET state = excluded.state, done_on = excluded.done_on, note = excluded.note,
        evidence = excluded.evidence, needs_review = excluded.needs_review, updated_by = excluded.updated_by,
        updated_at = excluded.updated_at`),
      insertIgnore: p(`INSERT INTO task_statuses (key, doc_name, section_label, org_key, state, done_on, note, evidence,
        needs_review, updated_by, updated_at) VALUES (@key, @doc_name, @section_label, @org_key, @state, @done_on,
        @note, @evidence, @needs_review, @updated_by, @updated_at) ON CONFLICT (key) DO NOTHING`),
      history: p("SELECT * FROM task_status_history WHERE key = ? ORDER BY id"),
      allHistory: p("SELECT * FROM task_status_history ORDER BY id"),
      addHistory: p(`INSERT INTO task_status_history (key, from_state, to_state, by_who, at, note, evidence, done_on)
        VALUES (@key, @from_state, @to_state, @by_who, @at, @note, @evidence, @done_on)`),
      historyExists: p(`SELECT 1 FROM task_status_history WHERE key = @key AND at = @at AND to_state = @to_state
        AND by_who = @by_who`).pluck(),
      move: p("UPDATE task_statuses SET key = ?, needs_review = 1 WHERE key = ?"),
      moveHistory: p("UPDATE task_status_history SET key = ? WHERE key = ?"),
      confirm: p("UPDATE task_statuses SET needs_review = 0 WHERE key = ?"),
      addReporter: p(`INSERT INTO reporters (org_key, user_id, granted_by, granted_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (org_key, user_id) DO NOTHING`),
      removeReporter: p("DELETE FROM reporters WHERE org_key = ? AND user_id = ?"),
      reporters: p("SELECT * FROM reporters WHERE (@org IS NULL OR org_key = @org) ORDER BY org_key, user_id"),
    };
    this.setTx = db.transaction((change: StatusChange) => this.write(change));
    this.importTx = db.transaction((state: StatusState) => this.writeState(state));
  }

  set(change: StatusChange): TaskStatus {
    return this.setTx(change);
  }

  get(keys?: string[]): Map<string, TaskStatus> {
    const rows = keys
      ? keys.map((k) => this.s.get!.get(k) as StatusRow | undefined).filter((r): r is StatusRow => !!r)
      : (this.s.all!.all() as StatusRow[]);
    return new Map(rows.map((r) => [r.key, toStatus(r)]));
  }

  history(key: string): StatusHistoryEntry[] {
    return (this.s.history!.all(key) as HistoryRow[]).map(toHistory);
  }

  confirm(key: string): void {
    this.s.confirm!.run(key);
  }

  /** Moves the statuses of a re-saved document's reworded tasks (call inside the save transaction). */
  carryOver(draft: DocumentDraft): void {
    const stored = (this.s.ofDoc!.all(draft.name) as Array<{ key: string; section_label: string; org_key: string }>)
      .map((r) => ({ key: r.key, sectionLabel: r.section_label, orgKey: r.org_key }));
    if (stored.length === 0) return;
    const at = this.now().toISOString();
    for (const [from, to] of carryOver(stored, draftIdentities(draft))) {
      this.s.moveHistory!.run(to, from);
      this.s.move!.run(to, from);
      const status = toStatus(this.s.get!.get(to) as StatusRow);
      this.s.addHistory!.run({ key: to, from_state: status.state, to_state: status.state, by_who: "ingest", at,
        note: CARRIED_NOTE, evidence: null, done_on: status.doneOn ?? null });
    }
  }

  addReporter(r: Omit<Reporter, "grantedAt">): void {
    this.s.addReporter!.run(r.orgKey, r.userId, r.grantedBy ?? null, this.now().toISOString());
  }

  removeReporter(orgKey: string, userId: number): boolean {
    return this.s.removeReporter!.run(orgKey, userId).changes > 0;
  }

  reporters(orgKey?: string): Reporter[] {
    return (this.s.reporters!.all({ org: orgKey ?? null }) as ReporterRow[]).map(toReporter);
  }

  exportState(): StatusState {
    return {
      statuses: [...this.get().values()],
      history: (this.s.allHistory!.all() as HistoryRow[]).map(toHistory),
      reporters: this.reporters(),
    };
  }

  /** Adds what is not there: statuses by key, history rows not yet present, reporters. */
  importState(state: StatusState): void {
    this.importTx(state);
  }

  private writeState(state: StatusState): void {
    for (const st of state.statuses) this.s.insertIgnore!.run(statusParams(st));
    for (const h of state.history) {
      const p = historyParams(h);
      if (!this.s.historyExists!.get(p)) this.s.addHistory!.run(p);
    }
    for (const r of state.reporters) this.s.addReporter!.run(r.orgKey, r.userId, r.grantedBy ?? null, r.grantedAt);
  }

  private write(change: StatusChange): TaskStatus {
    const key = taskKey(change.identity);
    const before = this.s.get!.get(key) as StatusRow | undefined;
    const now = this.now();
    const at = now.toISOString();
    const next = nextStatus(key, change, before ? toStatus(before) : undefined, now);
    this.s.upsert!.run(statusParams(next));
    this.s.addHistory!.run(historyParams({
      key, from: before ? (before.state as TaskState) : null, to: next.state, by: change.by, at,
      note: change.note, evidence: change.evidence, doneOn: next.doneOn,
    }));
    return next;
  }
}

