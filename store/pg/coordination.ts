/**
 * CoordinationStore and BotMemoryStore on PostgreSQL. A lock is a session advisory lock held on one
 * pooled connection for the duration of the work: it is released when the work ends or when the
 * holder's connection dies (a killed replica), with no lease to wait out.
 */
import type { RememberedAnswer } from "../types.js";
import type { SqlClient } from "./sql.js";

/** Handled update ids are kept this long: Telegram gives up redelivering a webhook update well before. */
const HANDLED_KEEP_MS = 3 * 24 * 3_600_000;
/** Remembered answers (and their votes) older than this are dropped, as in SQLite. */
const ANSWER_KEEP_MS = 30 * 24 * 3_600_000;
/** Old rows are pruned on one insert in this many. */
const PRUNE_EVERY = 500;
/** First key of `withLock`'s two-int advisory locks (the migration lock lives in the one-bigint space). */
const LOCK_SPACE = 7_432_001;

export class PgCoordination {
  private handledInserts = 0;
  private answerInserts = 0;

  constructor(private readonly client: SqlClient, private readonly now: () => Date) {}

  /** See CoordinationStore.withLock. `leaseMs` does not apply: the lock lives as long as its connection. */
  async withLock<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    let outcome: { ran: true; value: T } | { ran: false } = { ran: false };
    try {
      await this.client.session(async (conn) => {
        const got = await conn.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok", [LOCK_SPACE, name]);
        if (!got.rows[0]?.ok) return;
        try {
          outcome = { ran: true, value: await fn() };
        } finally {
          await conn.query("SELECT pg_advisory_unlock($1, hashtext($2))", [LOCK_SPACE, name]);
        }
      });
    } catch (err) {
      // The work ran but the unlock failed: the connection died, which released the lock already (and
      // the session discards the connection).
      if (outcome.ran) return outcome;
      throw err;
    }
    return outcome;
  }

  async markUpdateHandled(updateId: number): Promise<boolean> {
    const at = this.now().getTime();
    if (++this.handledInserts % PRUNE_EVERY === 1) {
      await this.client.query("DELETE FROM handled_updates WHERE handled_at < $1", [at - HANDLED_KEEP_MS]);
    }
    const r = await this.client.query(
      "INSERT INTO handled_updates (update_id, handled_at) VALUES ($1, $2) ON CONFLICT DO NOTHING", [updateId, at]);
    return r.rowCount === 1;
  }

  async isUpdateHandled(updateId: number): Promise<boolean> {
    return (await this.client.query("SELECT 1 FROM handled_updates WHERE update_id = $1", [updateId])).rows.length > 0;
  }

  // -- bot memory

  async rememberAnswer(key: string, e: RememberedAnswer): Promise<void> {
    const at = this.now().getTime();
    if (++this.answerInserts % PRUNE_EVERY === 1) {
      await this.client.transaction(async (tx) => {
        await tx.query("DELETE FROM votes WHERE key IN (SELECT key FROM answers WHERE created_at < $1)", [at - ANSWER_KEEP_MS]);
        await tx.query("DELETE FROM answers WHERE created_at < $1", [at - ANSWER_KEEP_MS]);
      });
    }
    await this.client.query(`INSERT INTO answers (key, question, answer, page_offset, lim, tasks, created_at)
      VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (key) DO UPDATE SET question = excluded.question,
      answer = excluded.answer, page_offset = excluded.page_offset, lim = excluded.lim, tasks = excluded.tasks,
      created_at = excluded.created_at`, [key, e.question, e.answer, e.offset, e.limit, e.tasks, at]);
  }

  async recallAnswer(key: string): Promise<RememberedAnswer | undefined> {
    const r = await this.client.query<{ question: string; answer: string; page_offset: number; lim: number; tasks: boolean }>(
      "SELECT question, answer, page_offset, lim, tasks FROM answers WHERE key = $1", [key]);
    const row = r.rows[0];
    return row && { question: row.question, answer: row.answer, offset: row.page_offset, limit: row.lim, tasks: row.tasks };
  }

  async noteVote(key: string, userId: number): Promise<boolean> {
    const r = await this.client.query("INSERT INTO votes (key, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [key, userId]);
    return r.rowCount === 1;
  }

  async noteOnce(scope: string, id: number, label?: string): Promise<boolean> {
    const r = await this.client.query(`INSERT INTO noted (scope, id, label, noted_at) VALUES ($1, $2, $3, $4)
      ON CONFLICT DO NOTHING`, [scope, id, label ?? null, this.now().getTime()]);
    return r.rowCount === 1;
  }

  async notedLabel(scope: string, id: number): Promise<string | undefined> {
    const r = await this.client.query<{ label: string | null }>("SELECT label FROM noted WHERE scope = $1 AND id = $2", [scope, id]);
    return r.rows[0]?.label ?? undefined;
  }
}
