/**
 * SQL written once for both stores, as unjs/db0 runs one query text on every connector: `?` placeholders
 * (the PostgreSQL side numbers them $1, $2, ...), booleans and lists passed as JavaScript values (the
 * SQLite side binds them as 1/0 and as JSON for `json_each`). Where the dialects write a thing
 * differently the query asks for a fragment (`typed`, `inList`) instead of branching. Columns that
 * PostgreSQL keeps as BIGINT come back as strings there: row mappers read them with Number().
 */
export interface Query {
  readonly dialect: "sqlite" | "postgres";
  /** The rows of a SELECT, or of a statement with RETURNING. */
  all<R>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a statement that returns no rows; returns how many rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs the statements in order, in one transaction. */
  batch(statements: ReadonlyArray<Statement>): Promise<void>;
  /** Runs `fn`'s reads on one snapshot where the database gives one (PostgreSQL: a REPEATABLE READ
   *  transaction; SQLite: the calls run back to back, each synchronous). */
  snapshot<T>(fn: (q: Query) => Promise<T>): Promise<T>;
  /** A parameter of a type PostgreSQL cannot infer (`? IS NULL`, a list): `CAST(? AS type)` there, `?` in
   *  SQLite. A list (`text[]`, `bigint[]`) takes a JavaScript array or null. */
  typed(type: ParamType): string;
  /** `expr` is in the list (a JavaScript array) bound to the `?` this fragment holds. */
  inList(expr: string, type: "text" | "bigint"): string;
}

export type Statement = readonly [sql: string, params: readonly unknown[]];

export type ParamType = "text" | "bigint" | "integer" | "text[]" | "bigint[]";
