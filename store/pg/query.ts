/**
 * `Query` (store/sql/query.ts) on a PostgreSQL client, or on one transaction of it (`batch` then runs in
 * that transaction): `?` placeholders numbered $1, $2, ...
 */
import type { Query } from "../sql/query.js";
import type { SqlClient, SqlQueryable } from "./sql.js";

/** Numbered texts by SQL text, shared by every Query (the texts are the store's own, a bounded set). */
const texts = new Map<string, string>();

function numbered(sql: string): string {
  let text = texts.get(sql);
  if (text === undefined) {
    let n = 0;
    texts.set(sql, (text = sql.replace(/\?/g, () => `$${++n}`)));
  }
  return text;
}

export function pgQuery(client: SqlQueryable & Partial<Pick<SqlClient, "transaction">>): Query {
  return {
    dialect: "postgres",
    async all<R>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
      return (await client.query<R>(numbered(sql), [...params])).rows;
    },
    async run(sql, params = []) {
      return (await client.query(numbered(sql), [...params])).rowCount;
    },
    async batch(list) {
      const runAll = async (tx: SqlQueryable) => {
        for (const [sql, params] of list) await tx.query(numbered(sql), [...params]);
      };
      await (client.transaction ? client.transaction(runAll) : runAll(client));
    },
    async snapshot(fn) {
      if (!client.transaction) return fn(pgQuery(client));
      return client.transaction(async (tx) => {
        await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        return fn(pgQuery(tx));
      });
    },
    typed: (type) => `CAST(? AS ${type})`,
    inList: (expr, type) => `${expr} = ANY(CAST(? AS ${type}[]))`,
  };
}
