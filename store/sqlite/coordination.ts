/**
 * CoordinationStore on SQLite: what several processes sharing one data directory (bot replicas, a CLI beside
 * a bot) use not to do the same work twice. SQLite has no session-bound lock that dies with its holder, so
 * a lock is a lease row: taken when absent or expired, renewed while the work runs, deleted when it ends.
 * A holder killed mid-work keeps the lock until its lease runs out (default 15 minutes).
 */
import { randomBytes } from "node:crypto";
import type { Database, Statement } from "better-sqlite3";

/** How long a lock is held when the caller does not say. */
export const DEFAULT_LEASE_MS = 15 * 60_000;
/** Handled update ids are kept this long: Telegram gives up redelivering a webhook update well before. */
const HANDLED_KEEP_MS = 3 * 24 * 3_600_000;
/** Old rows are pruned on one insert in this many (cheap, and keeps the table bounded). */
const PRUNE_EVERY = 500;

export class SqliteCoordination {
  private readonly s: Record<"take" | "renew" | "release" | "mark" | "isHandled" | "prune", Statement>;
  private inserts = 0;

  constructor(private readonly db: Database, private readonly now: () => Date) {
    this.s = {
      // One statement: insert, or take over a row whose lease has run out; "changes" says which.
      take: db.prepare(`INSERT INTO locks (name, owner, expires_at) VALUES (@name, @owner, @expires)
        ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE locks.expires_at <= @now`),
      renew: db.prepare("UPDATE locks SET expires_at = ? WHERE name = ? AND owner = ?"),
      release: db.prepare("DELETE FROM locks WHERE name = ? AND owner = ?"),
      mark: db.prepare("INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING"),
      isHandled: db.prepare("SELECT 1 FROM handled_updates WHERE update_id = ?").pluck(),
      prune: db.prepare("DELETE FROM handled_updates WHERE handled_at < ?"),
    };
  }

  /** See CoordinationStore.withLock. The lease is renewed every third of `leaseMs` while `fn` runs. */
  async withLock<T>(name: string, fn: () => Promise<T>, leaseMs = DEFAULT_LEASE_MS): Promise<{ ran: true; value: T } | { ran: false }> {
    const owner = randomBytes(8).toString("hex");
    const at = this.now().getTime();
    if (this.s.take.run({ name, owner, now: at, expires: at + leaseMs }).changes !== 1) return { ran: false };
    const renew = setInterval(() => {
      try {
        this.s.renew.run(this.now().getTime() + leaseMs, name, owner);
      } catch {
        // A busy database: the next renewal tries again, and the lease is long.
      }
    }, Math.max(1_000, Math.floor(leaseMs / 3)));
    renew.unref();
    try {
      return { ran: true, value: await fn() };
    } finally {
      clearInterval(renew);
      if (this.db.open) this.s.release.run(name, owner);
    }
  }

  async markUpdateHandled(updateId: number): Promise<boolean> {
    const at = this.now().getTime();
    if (++this.inserts % PRUNE_EVERY === 1) this.s.prune.run(at - HANDLED_KEEP_MS);
    return this.s.mark.run(updateId, at).changes === 1;
  }

  async isUpdateHandled(updateId: number): Promise<boolean> {
    return this.s.isHandled.get(updateId) !== undefined;
  }
}
