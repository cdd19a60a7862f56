/**
 * The SqlClient seam over PGlite (PostgreSQL compiled to WebAssembly, in this process), with pgvector and
 * unaccent available. Tests use it to run the PostgreSQL store, and its pgvector path in particular, where
 * Debian's PostgreSQL server has no pgvector. The store creates the extensions; this only makes them
 * loadable.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { PGlite } from "@electric-sql/pglite";
import type { Transaction } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { vector } from "@electric-sql/pglite-pgvector";
import type { SqlClient, SqlQueryable, SqlResult } from "./sql.js";

export interface PgliteClientOptions {
  /** A folder to keep the database in; in memory when absent. */
  dataDir?: string;
}

/**
 * Opens PGlite and wraps it as a SqlClient. PGlite is one connection: it queues queries and transactions
 * itself, so `query` and `transaction` map straight onto it. `session` runs one session at a time, because
 * on a single connection every caller shares the session, and session-level advisory locks (re-entrant
 * for their holder) would otherwise exclude no one.
 */
export async function createPgliteClient(opts: PgliteClientOptions = {}): Promise<SqlClient> {
  const db = await PGlite.create({ dataDir: opts.dataDir, extensions: { vector, unaccent } });
  const inSession = new AsyncLocalStorage<true>();
  let sessionTail: Promise<unknown> = Promise.resolve();
  let closed = false;

  const run = async <R>(q: PGlite | Transaction, text: string, params?: unknown[]): Promise<SqlResult<R>> => {
    const r = await q.query<R>(text, params);
    // node-postgres counts the rows a SELECT returned; PGlite reports only rows a write touched.
    return { rows: r.rows, rowCount: r.affectedRows || r.rows.length };
  };
  const direct: SqlQueryable = { query: (text, params) => run(db, text, params) };

  return {
    query: (text, params) => run(db, text, params),

    transaction: (fn) => db.transaction((tx) => fn({ query: (text, params) => run(tx, text, params) })),

    session<T>(fn: (conn: SqlQueryable) => Promise<T>): Promise<T> {
      // A session opened inside a session is the same connection, as it would be for its caller.
      if (inSession.getStore()) return fn(direct);
      const result = sessionTail.then(() => inSession.run(true, () => fn(direct)));
      sessionTail = result.catch(() => undefined);
      return result;
    },

    async listen(channel, onNotify) {
      const unsubscribe = await db.listen(channel, onNotify);
      return async () => {
        if (!closed) await unsubscribe();
      };
    },

    async close() {
      if (closed) return;
      closed = true;
      await sessionTail;
      await db.close();
    },
  };
}
