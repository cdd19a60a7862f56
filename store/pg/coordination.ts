/**
 * `withLock` on PostgreSQL: a session advisory lock held on one pooled connection for the duration of the
 * work. It is released when the work ends or when the holder's connection dies (a killed replica), with
 * no lease to wait out. Handled updates and the bot's memory are store/sql/coordination.ts's.
 */
import type { CoordinationStore } from "../types.js";
import type { SqlClient } from "./sql.js";

/** First key of `withLock`'s two-int advisory locks (the migration lock lives in the one-bigint space). */
const LOCK_SPACE = 7_432_001;

export function pgLocks(client: SqlClient): Pick<CoordinationStore, "withLock"> {
  return {
    /** See CoordinationStore.withLock. `leaseMs` does not apply: the lock lives as long as its connection. */
    async withLock<T>(name: string, fn: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
      let outcome: { ran: true; value: T } | { ran: false } = { ran: false };
      try {
        await client.session(async (conn) => {
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
    },
  };
}
