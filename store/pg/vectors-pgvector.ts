/**
 * Chunk vectors in pgvector: a `chunk_embeddings` table with a `vector(N)` column and an HNSW cosine
 * index, used when the server has the `vector` extension. The table is created here rather than in a
 * migration because N is known only once the embedder is; it is dropped and recreated when N changes.
 * Nothing is cached in the process, so every replica sees every write at once.
 */
import { StoreError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import { EXACT_SEARCH_LIMIT } from "../chunk-filter.js";
import type { PgChunkVectors, SqlClient, SqlQueryable } from "./sql.js";

const TABLE = "chunk_embeddings";
/** Serialises creating and recreating the table between processes (one-argument bigint lock space). */
const TABLE_LOCK = "hashtext('nhiemvu:chunk_embeddings')";
/** pgvector's HNSW takes `vector` of at most 2000 dimensions, and `halfvec` (pgvector 0.7) of at most 4000:
 *  wider embeddings (text-embedding-3-large: 3072) are indexed as halfvec; wider still, searched exactly. */
const HNSW_MAX_VECTOR = 2000;
const HNSW_MAX_HALFVEC = 4000;
/** HNSW search width: the default 40 is tuned for speed, and filtered searches drop candidates. */
const EF_SEARCH = 200;
/** pgvector refuses a larger hnsw.ef_search. */
const EF_SEARCH_MAX = 1000;
/** Rows per INSERT: a 1536-dimension vector is ~20 kB of text. */
const BATCH = 500;
const UNDEFINED_TABLE = "42P01";
const DATA_EXCEPTION = "22000";

/**
 * Opens the pgvector store of chunk vectors, creating the extension and, when `dims` is known, the table.
 * An existing table of another dimension is recreated empty: those vectors belong to another embedder,
 * and the store re-embeds the chunks `missing()` lists (as the SQLite store does with a stale index file).
 * `exactSearchLimit`: filtered searches over at most this many chunks skip the index (tests lower it).
 */
export async function createPgvectorVectors(
  client: SqlClient,
  dims: number | undefined,
  opts: { logger?: Logger; exactSearchLimit?: number } = {},
): Promise<PgChunkVectors> {
  await client.query("CREATE EXTENSION IF NOT EXISTS vector");
  const version = await client.query<{ v: string }>("SELECT extversion AS v FROM pg_extension WHERE extname = 'vector'");
  const features = pgvectorFeatures(version.rows[0]?.v);
  const vectors = new PgvectorVectors(client, features, opts.exactSearchLimit ?? EXACT_SEARCH_LIMIT, opts.logger);
  await vectors.open(dims);
  return vectors;
}

interface Features {
  /** pgvector 0.7: the half-precision type, whose HNSW index takes up to 4000 dimensions. */
  halfvec: boolean;
  /** pgvector 0.8: an HNSW scan can keep walking the graph until a filtered search has k rows. */
  iterativeScan: boolean;
}

function pgvectorFeatures(version: string | undefined): Features {
  const [major = 0, minor = 0] = (version ?? "0").split(".").map(Number);
  const atLeast = (m: number) => major > 0 || minor >= m;
  return { halfvec: atLeast(7), iterativeScan: atLeast(8) };
}

/** The expression the HNSW index is built on, which an ORDER BY must repeat for the index to serve it. */
function indexedDistance(dims: number, features: Features): { order: string; index?: string } {
  if (dims <= HNSW_MAX_VECTOR) return { order: "embedding <=> $1::vector", index: "embedding vector_cosine_ops" };
  if (features.halfvec && dims <= HNSW_MAX_HALFVEC) {
    return { order: `embedding::halfvec(${dims}) <=> $1::halfvec(${dims})`, index: `(embedding::halfvec(${dims})) halfvec_cosine_ops` };
  }
  return { order: "embedding <=> $1::vector" };
}

/** pgvector's text form of a vector. Float32 values print as the doubles they are, which pgvector reads back exactly. */
export function vectorLiteral(v: Float32Array): string {
  return `[${Array.from(v).join(",")}]`;
}

function parseVector(text: string): Float32Array {
  return Float32Array.from(JSON.parse(text) as number[]);
}

class PgvectorVectors implements PgChunkVectors {
  readonly kind = "pgvector" as const;
  /** The column's dimension as last read or set; undefined while there is no table. */
  private dims: number | undefined;

  constructor(
    private readonly client: SqlClient,
    private readonly features: Features,
    private readonly exactLimit: number,
    private readonly logger?: Logger,
  ) {}

  async open(dims: number | undefined): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${TABLE_LOCK})`);
      const found = await tableDimensions(tx);
      if (dims === undefined || found === dims) {
        this.dims = found;
        return;
      }
      if (found !== undefined) this.logger?.warn({ found, expected: dims }, "chunk_embeddings has another dimension; recreating it empty");
      await createTable(tx, dims, this.features);
      this.dims = dims;
    });
  }

  async add(chunkIds: number[], vectors: Float32Array[], tx?: SqlQueryable): Promise<void> {
    if (chunkIds.length !== vectors.length) {
      throw new StoreError("bad_vectors", `${chunkIds.length} chunk ids but ${vectors.length} vectors.`);
    }
    if (chunkIds.length === 0) return;
    const write = async (q: SqlQueryable) => {
      // Another process may have created or recreated the table since we looked; the first vectors
      // written create it (under the lock, so two writers do not both create it).
      let dim = await tableDimensions(q);
      if (dim === undefined) {
        await q.query(`SELECT pg_advisory_xact_lock(${TABLE_LOCK})`);
        dim = await tableDimensions(q);
        if (dim === undefined) {
          dim = vectors[0]!.length;
          await createTable(q, dim, this.features);
        }
      }
      this.dims = dim;
      const odd = vectors.find((v) => v.length !== dim);
      if (odd) throw new StoreError("dimension_mismatch", `A vector has ${odd.length} dimensions; the index has ${dim}.`);
      for (let i = 0; i < chunkIds.length; i += BATCH) {
        await q.query(
          `INSERT INTO ${TABLE} (chunk_id, embedding)
           SELECT id, e::vector FROM unnest($1::bigint[], $2::text[]) AS u(id, e)
           ON CONFLICT (chunk_id) DO UPDATE SET embedding = EXCLUDED.embedding`,
          [chunkIds.slice(i, i + BATCH), vectors.slice(i, i + BATCH).map(vectorLiteral)],
        );
      }
    };
    if (tx) await write(tx);
    else await this.client.transaction(write);
  }

  /**
   * Cosine similarity (1 - pgvector's cosine distance), best first. Without `allow`, or with a large one,
   * the HNSW index answers; a small `allow` is scored exactly, since an HNSW walk filtered down to a few
   * rows returns fewer than k (pgvector before 0.8 has no iterative scan to make up for it).
   */
  async search(vector: Float32Array, k: number, allow?: Set<number>): Promise<Array<{ chunkId: number; score: number }>> {
    if (k <= 0 || (allow && allow.size === 0)) return [];
    const ready = await this.checkQuery(vector);
    if (!ready) return [];
    const q = vectorLiteral(vector);
    const ids = allow ? [...allow] : undefined;
    const rows = await this.orEmpty(async () => {
      if (ids && ids.length <= this.exactLimit) return this.exact(q, k, ids);
      const hits = await this.approximate(q, k, ids, vector.length);
      // An older pgvector may stop short of k under a filter: then score the allowed rows exactly.
      if (ids && hits.length < k && !this.features.iterativeScan) return this.exact(q, k, ids);
      return hits;
    }).catch(async (err: unknown) => {
      if (!isDimensionError(err)) throw err;
      // Another process recreated the table for another embedder since we last looked.
      this.dims = await tableDimensions(this.client);
      throw this.mismatch(vector.length, err);
    });
    return rows.map((r) => ({ chunkId: Number(r.chunk_id), score: 1 - Number(r.distance) }));
  }

  private exact(q: string, k: number, ids: number[]): Promise<DistanceRow[]> {
    // MATERIALIZED keeps the planner from walking the HNSW index and filtering afterwards.
    return this.client
      .query<DistanceRow>(
        `WITH allowed AS MATERIALIZED (SELECT chunk_id, embedding FROM ${TABLE} WHERE chunk_id = ANY($2::bigint[]))
         SELECT chunk_id, embedding <=> $1::vector AS distance FROM allowed ORDER BY distance, chunk_id LIMIT $3`,
        [q, ids, k],
      )
      .then((r) => r.rows);
  }

  private approximate(q: string, k: number, ids: number[] | undefined, dims: number): Promise<DistanceRow[]> {
    const { order } = indexedDistance(dims, this.features);
    return this.client.transaction(async (tx) => {
      await tx.query(`SET LOCAL hnsw.ef_search = ${Math.min(EF_SEARCH_MAX, Math.max(EF_SEARCH, k))}`);
      if (this.features.iterativeScan && ids) await tx.query("SET LOCAL hnsw.iterative_scan = strict_order");
      // Ordered by the indexed expression, scored in full precision.
      const r = await tx.query<DistanceRow>(
        `SELECT chunk_id, embedding <=> $1::vector AS distance FROM ${TABLE}
         ${ids ? "WHERE chunk_id = ANY($3::bigint[])" : ""} ORDER BY ${order} LIMIT $2`,
        ids ? [q, k, ids] : [q, k],
      );
      return r.rows;
    });
  }

  /** False when there is nothing to search; throws when the query's dimension is not the column's. */
  private async checkQuery(vector: Float32Array): Promise<boolean> {
    // Another process may have recreated the table for a new embedder: look again before refusing.
    if (this.dims !== vector.length) this.dims = await tableDimensions(this.client);
    if (this.dims === undefined) return false;
    if (vector.length !== this.dims) throw this.mismatch(vector.length);
    return true;
  }

  private mismatch(length: number, cause?: unknown): StoreError {
    return new StoreError(
      "dimension_mismatch",
      `The query vector has ${length} dimensions; the index has ${this.dims ?? "none"}. Reindex after changing the embedder.`,
      { cause },
    );
  }

  /** The column's dimension as the database has it now (another process may have changed it). */
  async dimensions(): Promise<number | undefined> {
    this.dims = await tableDimensions(this.client);
    return this.dims;
  }

  async get(chunkIds: number[]): Promise<Map<number, Float32Array>> {
    const out = new Map<number, Float32Array>();
    if (chunkIds.length === 0) return out;
    const rows = await this.orEmpty(async () => {
      const r = await this.client.query<{ chunk_id: number; e: string }>(
        `SELECT chunk_id, embedding::text AS e FROM ${TABLE} WHERE chunk_id = ANY($1::bigint[])`,
        [chunkIds],
      );
      return r.rows;
    });
    for (const row of rows) out.set(Number(row.chunk_id), parseVector(row.e));
    return out;
  }

  async missing(): Promise<number[]> {
    const all = () => this.client.query<{ id: number }>("SELECT id FROM chunks ORDER BY id");
    const r = await this.client
      .query<{ id: number }>(`SELECT c.id FROM chunks c
         WHERE NOT EXISTS (SELECT 1 FROM ${TABLE} e WHERE e.chunk_id = c.id) ORDER BY c.id`)
      .catch((err: unknown) => {
        if (isUndefinedTable(err)) return all();
        throw err;
      });
    return r.rows.map((row) => Number(row.id));
  }

  async count(): Promise<number> {
    const rows = await this.orEmpty(async () => (await this.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE}`)).rows);
    return Number(rows[0]?.n ?? 0);
  }

  /** Empties the table, or recreates it for a new dimension (no table at all when none is given). */
  async clear(dimensions?: number): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${TABLE_LOCK})`);
      const found = await tableDimensions(tx);
      if (dimensions !== undefined && found === dimensions) {
        await tx.query(`TRUNCATE ${TABLE}`);
      } else if (dimensions !== undefined) {
        await createTable(tx, dimensions, this.features);
      } else {
        // The next embedder fixes the dimension, as the SQLite index does after a reset.
        await tx.query(`DROP TABLE IF EXISTS ${TABLE}`);
      }
      this.dims = dimensions;
    });
  }

  async close(): Promise<void> {
    // The client belongs to the store, which closes it.
  }

  /** Runs a read; a table another process dropped (clear() without a dimension) reads as empty. */
  private async orEmpty<R>(read: () => Promise<R[]>): Promise<R[]> {
    try {
      return await read();
    } catch (err) {
      if (!isUndefinedTable(err)) throw err;
      this.dims = undefined;
      return [];
    }
  }
}

interface DistanceRow {
  chunk_id: number;
  distance: number;
}

/** The `vector(N)` column's N, or undefined when the table does not exist. */
async function tableDimensions(q: SqlQueryable): Promise<number | undefined> {
  const r = await q.query<{ n: number }>(
    `SELECT a.atttypmod AS n FROM pg_attribute a
     WHERE a.attrelid = to_regclass('${TABLE}') AND a.attname = 'embedding' AND NOT a.attisdropped`,
  );
  const n = r.rows[0]?.n;
  return n === undefined ? undefined : Number(n);
}

/** (Re)creates the table and its index for `dims`; call under the exclusive table lock. */
async function createTable(q: SqlQueryable, dims: number, features: Features): Promise<void> {
  if (!Number.isInteger(dims) || dims <= 0) throw new StoreError("bad_vectors", `A vector dimension must be a positive integer, not ${dims}.`);
  await q.query(`DROP TABLE IF EXISTS ${TABLE}`);
  await q.query(`CREATE TABLE ${TABLE} (
    chunk_id BIGINT PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
    embedding vector(${dims}) NOT NULL)`);
  const { index } = indexedDistance(dims, features);
  if (index) await q.query(`CREATE INDEX ${TABLE}_hnsw ON ${TABLE} USING hnsw (${index})`);
}

function isUndefinedTable(err: unknown): boolean {
  return sqlState(err) === UNDEFINED_TABLE;
}

/** pgvector's "different vector dimensions 16 and 32" / "expected 16 dimensions, not 32" (SQLSTATE 22000). */
function isDimensionError(err: unknown): boolean {
  return sqlState(err) === DATA_EXCEPTION && /dimensions/.test((err as Error).message);
}

function sqlState(err: unknown): unknown {
  return typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
}
