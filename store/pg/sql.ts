/**
 * The little the PostgreSQL store needs from a database driver, so that the same store code runs on a
 * real server (node-postgres, `pg-client.ts`) and on PGlite (`pglite-client.ts`, used to test pgvector).
 * Parameters are positional ($1, $2, ...), as both drivers take them.
 */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number;
}

/** One connection's worth of querying: a pool, a transaction or a dedicated session. */
export interface SqlQueryable {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<R>>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs `fn` inside BEGIN/COMMIT on one connection; ROLLBACK when it throws. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /** Runs `fn` on one connection held for its whole duration (session-level advisory locks need this). */
  session<T>(fn: (conn: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * LISTEN on `channel`; the returned function stops listening. `onReconnect` runs after the listening
   * connection was lost and re-established (notifications sent meanwhile are lost: reload what you cache).
   */
  listen(channel: string, onNotify: (payload: string) => void, onReconnect?: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * Where chunk vectors live in PostgreSQL. Two implementations: pgvector (a `vector` column with an HNSW
 * cosine index, when the server has the extension) and `real[]` rows with an hnswlib index held in each
 * process and refreshed on NOTIFY (Debian's PostgreSQL ships without pgvector).
 */
export interface PgChunkVectors {
  readonly kind: "pgvector" | "array";
  /** Writes vectors for chunk rows that already exist (inside the caller's transaction when given). */
  add(chunkIds: number[], vectors: Float32Array[], tx?: SqlQueryable): Promise<void>;
  /** Nearest chunks by cosine similarity (higher is better), only among `allow` when given. */
  search(vector: Float32Array, k: number, allow?: Set<number>): Promise<Array<{ chunkId: number; score: number }>>;
  /** Vectors of these chunks (missing ones absent from the map). */
  get(chunkIds: number[]): Promise<Map<number, Float32Array>>;
  /** Chunk ids that have a row but no vector. */
  missing(): Promise<number[]>;
  count(): Promise<number>;
  /** Drops every vector; `dimensions` is the new embedder's size when it changed. */
  clear(dimensions?: number): Promise<void>;
  /** The dimension of the vectors held, when any are (or when `clear` set one). Optional: the store falls
   *  back to the recorded embedder's dimension. */
  dimensions?(): Promise<number | undefined>;
  /** The rows of these chunks were deleted (their vectors went with them by cascade): drop any cached copy.
   *  Optional: only an implementation that caches vectors outside the database needs it. */
  forget?(chunkIds: number[]): void;
  close(): Promise<void>;
}
