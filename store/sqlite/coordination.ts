/**
 * `withLock` on SQLite: several processes sharing one data directory (bot replicas, a CLI beside a bot)
 * must not do the same work twice. SQLite has no session-bound lock that dies with its holder, so a lock
 * is a lease row: taken when absent or expired, renewed while the work runs, deleted when it ends. A
 * holder killed mid-work keeps the lock until its lease runs out (default 15 minutes). Handled updates
 * are store/sql/coordination.ts's, as in PostgreSQL.
 */
import type { Database } from "better-sqlite3";
import { createRequire } from "node:module";
import type { CoordinationStore } from "../types.js";

/** node:crypto, loaded by the first lock rather than by every command that opens the store (17 of Node's modules, about 3 ms). */
const crypto = (): typeof import("node:crypto") => createRequire(import.meta.url)("node:crypto");

/** How long a lock is held when the caller does not say. */
export const DEFAULT_LEASE_MS = 15 * 60_000;

export function sqliteLocks(db: Database, now: () => Date): Pick<CoordinationStore, "withLock"> {
  // One statement: insert, or take over a row whose lease has run out; "changes" says which.
  const take = db.prepare(`INSERT INTO locks (name, owner, expires_at) VALUES (@name, @owner, @expires)
    ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
    WHERE locks.expires_at <= @now`);
  const renew = db.prepare("UPDATE locks SET expires_at = ? WHERE name = ? AND owner = ?");
  const release = db.prepare("DELETE FROM locks WHERE name = ? AND owner = ?");
  return {
    /** See CoordinationStore.withLock. The lease is renewed every third of `leaseMs` while `fn` runs. */
    async withLock<T>(name: string, fn: () => Promise<T>, leaseMs = DEFAULT_LEASE_MS): Promise<{ ran: true; value: T } | { ran: false }> {
      const owner = crypto().randomBytes(8).toString("hex");
      const at = now().getTime();
      if (take.run({ name, owner, now: at, expires: at + leaseMs }).changes !== 1) return { ran: false };
      const renewal = setInterval(() => {
        try {
          renew.run(now().getTime() + leaseMs, name, owner);
        } catch {
          // A busy database: the next renewal tries again, and the lease is long.
        }
      }, Math.max(1_000, Math.floor(leaseMs / 3)));
      renewal.unref();
      try {
        return { ran: true, value: await fn() };
      } finally {
        clearInterval(renewal);
        if (db.open) release.run(name, owner);
      }
    },
  };
}
