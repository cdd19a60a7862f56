/**
 * `SqlClient` over node-postgres: a modest pool for queries and transactions, and one dedicated
 * connection for LISTEN that reconnects (with backoff) when the server drops it.
 */
import pg from "pg";
import type { Logger } from "../../core/logger.js";
import type { SqlClient, SqlQueryable, SqlResult } from "./sql.js";

const POOL_SIZE = 10;
const RECONNECT_MS = [250, 1000, 3000, 10_000];

/** int8 (counts, BIGSERIAL ids, Telegram ids) as a JS number: every id we keep is below 2^53. */
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 20 && format !== "binary") return (v: string) => Number(v);
    return (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format);
  },
} as pg.CustomTypesConfig;

/** "host:port/db" of a connection URL: what errors and logs may show (never the password). */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}${u.pathname || "/"}`;
  } catch {
    return "(unreadable DATABASE_URL)";
  }
}

/** A client on `url`. Nothing connects until the first query. */
export function createPgClient(url: string, opts: { logger?: Logger; poolSize?: number } = {}): SqlClient {
  const { logger } = opts;
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? POOL_SIZE, types });
  // An idle pooled connection that dies (server restart) must not crash the process; the pool drops it.
  pool.on("error", (err) => logger?.warn({ err: err.message }, "idle PostgreSQL connection lost"));
  const listeners = new Set<() => Promise<void>>();

  const query = async <R>(q: pg.Pool | pg.PoolClient, text: string, params?: unknown[]): Promise<SqlResult<R>> => {
    const r = await q.query(text, params as unknown[]);
    return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
  };
  const on = (c: pg.PoolClient): SqlQueryable => ({ query: (text, params) => query(c, text, params) });
  /** A pooled connection with an error listener while it is checked out: the pool listens only on idle
   *  ones, and an "error" nobody listens to (the server ended the session) would crash the process. */
  const checkout = async () => {
    const c = await pool.connect();
    let lost: Error | undefined;
    const onError = (err: Error) => {
      lost = err;
      logger?.warn({ err: err.message }, "PostgreSQL connection lost while in use");
    };
    c.on("error", onError);
    return {
      c,
      done(err?: Error) {
        c.off("error", onError);
        c.release(err ?? lost);
      },
    };
  };

  return {
    query: (text, params) => query(pool, text, params),

    async transaction(fn) {
      const { c, done } = await checkout();
      let broken: Error | undefined;
      try {
        await c.query("BEGIN");
        const value = await fn(on(c));
        await c.query("COMMIT");
        return value;
      } catch (err) {
        try {
          await c.query("ROLLBACK");
        } catch (e) {
          broken = e as Error; // the connection is gone: do not return it to the pool
        }
        throw err;
      } finally {
        done(broken);
      }
    },

    async session(fn) {
      const { c, done } = await checkout();
      let broken: Error | undefined;
      try {
        return await fn(on(c));
      } catch (err) {
        broken = err as Error; // a session may hold locks or state: never reuse it after an error
        throw err;
      } finally {
        done(broken);
      }
    },

    async listen(channel, onNotify, onReconnect) {
      let client: pg.Client | undefined;
      let stopped = false;
      let attempt = 0;
      const connect = async (): Promise<void> => {
        const c = new pg.Client({ connectionString: url, types });
        c.on("notification", (m) => {
          if (m.channel === channel) onNotify(m.payload ?? "");
        });
        c.on("error", (err) => {
          logger?.warn({ channel, err: err.message }, "LISTEN connection lost; reconnecting");
          void c.end().catch(() => undefined);
          if (client === c) reconnect();
        });
        await c.connect();
        await c.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
        client = c;
      };
      const reconnect = (): void => {
        client = undefined;
        if (stopped) return;
        const delay = RECONNECT_MS[Math.min(attempt++, RECONNECT_MS.length - 1)]!;
        setTimeout(() => {
          if (stopped) return;
          connect().then(
            () => {
              attempt = 0;
              onReconnect?.();
            },
            (err: Error) => {
              logger?.warn({ channel, err: err.message }, "LISTEN reconnect failed");
              reconnect();
            },
          );
        }, delay).unref();
      };
      await connect();
      const stop = async () => {
        stopped = true;
        listeners.delete(stop);
        const c = client;
        client = undefined;
        await c?.end().catch(() => undefined);
      };
      listeners.add(stop);
      return stop;
    },

    async close() {
      for (const stop of [...listeners]) await stop();
      await pool.end();
    },
  };
}
