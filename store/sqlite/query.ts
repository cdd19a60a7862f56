/**
 * `Query` (store/sql/query.ts) on better-sqlite3: each SQL text is prepared once and kept, booleans are
 * bound as 1/0 and arrays as JSON (read back with json_each). Calls stay synchronous underneath.
 */
import type { Database, Statement } from "better-sqlite3";
import type { Query } from "../sql/query.js";

export function sqliteQuery(db: Database): Query {
  const statements = new Map<string, Statement>();
  const prepared = (sql: string): Statement => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = db.prepare(sql)));
    return s;
  };
  const bind = (params: readonly unknown[]): unknown[] =>
    params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : Array.isArray(p) ? JSON.stringify(p) : p));
  const q: Query = {
    dialect: "sqlite",
    async all<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      return prepared(sql).all(...bind(params)) as R[];
    },
    async run(sql, params = []) {
      return prepared(sql).run(...bind(params)).changes;
    },
    async batch(list) {
      db.transaction(() => {
        for (const [sql, params] of list) prepared(sql).run(...bind(params));
      })();
    },
    snapshot: (fn) => fn(q),
    typed: () => "?",
    inList: (expr) => `${expr} IN (SELECT value FROM json_each(?))`,
  };
  return q;
}
