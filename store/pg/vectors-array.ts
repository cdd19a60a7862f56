/**
 * Chunk vectors as `real[]` rows (table `chunk_vectors`, schema.ts) searched through an hnswlib index
 * held in each process: for servers without pgvector. The table is the truth. Triggers announce every
 * change on the `nhiemvu_vectors` channel as id spans; each process LISTENs and applies them (fetching
 * added vectors by id), so a vector written by one replica is searchable in the others a moment later.
 * The writing process applies its own changes at once and skips their echo. Before a search, a process
 * pings itself on the channel and waits for the ping: notifications arrive in commit order, so every
 * change committed before the search began has been applied by then (read-your-replicas'-writes).
 */
import { randomBytes } from "node:crypto";
import { StoreError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import { VectorCache } from "./vector-cache.js";
import type { PgChunkVectors, SqlClient, SqlQueryable } from "./sql.js";

export const VECTOR_CHANNEL = "nhiemvu_vectors";
/** Rows per INSERT and per fetch. */
const BATCH = 500;
/** How long a search waits for its own ping to come back before searching what it has. */
const SYNC_WAIT_MS = 2_000;

type Span = [number, number];
interface Change { added?: Span[]; removed?: Span[]; reload?: boolean; ping?: string }

/** Opens the array path: loads every stored vector into memory and starts listening for changes. */
export async function createArrayVectors(
  client: SqlClient, dims: number | undefined, opts: { logger?: Logger; exactSearchLimit?: number } = {},
): Promise<PgChunkVectors> {
  const v = new ArrayVectors(client, dims, opts.logger, opts.exactSearchLimit);
  await v.start();
  return v;
}

/** `real[]` text form; 9 significant digits give a float32 back exactly. */
function arrayLiteral(v: Float32Array): string {
  let out = "{";
  for (let i = 0; i < v.length; i++) out += (i ? "," : "") + v[i]!.toPrecision(9);
  return `${out}}`;
}

/**
 * A real[] in PostgreSQL's binary array form (array_send): ndim, has-nulls flag, element type, then per
 * dimension its length and lower bound, then per element its byte length (4) and a big-endian float4.
 * Much faster to read than the text form, which costs a parseFloat per number.
 */
function fromArraySend(b: Uint8Array): Float32Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const ndim = view.getInt32(0);
  if (ndim === 0) return new Float32Array(0);
  const n = view.getInt32(12);
  const out = new Float32Array(n);
  let at = 12 + 8 * ndim;
  for (let i = 0; i < n; i++, at += 8) out[i] = view.getFloat32(at + 4);
  return out;
}

function expand(spans: Span[]): number[] {
  const ids: number[] = [];
  for (const [lo, hi] of spans) for (let id = lo; id <= hi; id++) ids.push(id);
  return ids;
}

class ArrayVectors implements PgChunkVectors {
  readonly kind = "array" as const;
  private index: VectorCache;
  /** Ids this process wrote and already holds: their echo on the channel is skipped once. */
  private readonly own = new Set<number>();
  /** Changes are applied one after another, in the order the server sent them. */
  private queue: Promise<void> = Promise.resolve();
  private stop: (() => Promise<void>) | undefined;
  /** Pings of this process awaiting their echo. */
  private readonly pings = new Map<string, () => void>();

  constructor(
    private readonly client: SqlClient,
    private dims: number | undefined,
    private readonly logger?: Logger,
    private readonly exactSearchLimit?: number,
  ) {
    this.index = this.empty(dims);
  }

  async start(): Promise<void> {
    // Listen first, then load: a change committed during the load is applied after it (harmlessly twice).
    this.stop = await this.client.listen(VECTOR_CHANNEL, (payload) => this.enqueue(() => this.apply(payload)),
      () => this.enqueue(() => this.reload()));
    await this.reload();
  }

  async add(chunkIds: number[], vectors: Float32Array[], tx?: SqlQueryable): Promise<void> {
    if (chunkIds.length !== vectors.length) {
      throw new StoreError("bad_vectors", `${chunkIds.length} chunk ids but ${vectors.length} vectors.`);
    }
    if (chunkIds.length === 0) return;
    const dim = this.index.dimensions ?? vectors[0]!.length;
    const odd = vectors.find((v) => v.length !== dim);
    if (odd) throw new StoreError("dimension_mismatch", `A vector has ${odd.length} dimensions; the index has ${dim}.`);
    const q = tx ?? this.client;
    for (let i = 0; i < chunkIds.length; i += BATCH) {
      // Only chunks that still exist: one removed meanwhile has nothing to attach its vector to.
      await q.query(`INSERT INTO chunk_vectors (chunk_id, embedding)
        SELECT t.id, t.e::real[] FROM unnest($1::bigint[], $2::text[]) AS t(id, e)
        WHERE EXISTS (SELECT 1 FROM chunks c WHERE c.id = t.id)
        ON CONFLICT (chunk_id) DO UPDATE SET embedding = excluded.embedding`,
      [chunkIds.slice(i, i + BATCH), vectors.slice(i, i + BATCH).map(arrayLiteral)]);
    }
    this.index.add(chunkIds, vectors);
    for (const id of chunkIds) this.own.add(id);
  }

  forget(chunkIds: number[]): void {
    this.index.remove(chunkIds);
    for (const id of chunkIds) this.own.delete(id);
  }

  async search(vector: Float32Array, k: number, allow?: Set<number>): Promise<Array<{ chunkId: number; score: number }>> {
    await this.sync();
    this.index.startGraph();
    return this.index.search(vector, k, allow);
  }

  async dimensions(): Promise<number | undefined> {
    return this.index.dimensions;
  }

  async get(chunkIds: number[]): Promise<Map<number, Float32Array>> {
    const out = new Map<number, Float32Array>();
    for (let i = 0; i < chunkIds.length; i += BATCH) {
      const r = await this.client.query<{ chunk_id: number; b: Uint8Array }>(
        "SELECT chunk_id, array_send(embedding) AS b FROM chunk_vectors WHERE chunk_id = ANY($1::bigint[])",
        [chunkIds.slice(i, i + BATCH)]);
      for (const row of r.rows) out.set(Number(row.chunk_id), fromArraySend(row.b));
    }
    return out;
  }

  async missing(): Promise<number[]> {
    const r = await this.client.query<{ id: number }>(`SELECT c.id FROM chunks c
      WHERE NOT EXISTS (SELECT 1 FROM chunk_vectors v WHERE v.chunk_id = c.id) ORDER BY c.id`);
    return r.rows.map((row) => Number(row.id));
  }

  async count(): Promise<number> {
    return Number((await this.client.query<{ n: number }>("SELECT count(*) AS n FROM chunk_vectors")).rows[0]!.n);
  }

  async clear(dimensions?: number): Promise<void> {
    await this.client.transaction(async (tx) => {
      await tx.query("TRUNCATE chunk_vectors"); // fires no row trigger: announce it
      await tx.query("SELECT pg_notify($1, $2)", [VECTOR_CHANNEL, JSON.stringify({ reload: true })]);
    });
    if (dimensions !== undefined) this.dims = dimensions;
    this.index.close();
    this.index = this.empty(dimensions);
    this.own.clear();
  }

  async close(): Promise<void> {
    await this.stop?.();
    this.stop = undefined;
    this.index.close();
    await this.queue;
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch((err: Error) => {
      this.logger?.warn({ err: err.message }, "vector change not applied; reloading");
      return this.reload().catch(() => undefined);
    });
  }

  private async apply(payload: string): Promise<void> {
    let change: Change;
    try {
      change = JSON.parse(payload) as Change;
    } catch {
      return;
    }
    if (change.ping !== undefined) return this.pings.get(change.ping)?.();
    if (change.reload) return this.reload();
    if (change.removed) {
      const ids = expand(change.removed);
      this.index.remove(ids);
      for (const id of ids) this.own.delete(id);
    }
    if (change.added) {
      const fresh = expand(change.added).filter((id) => !this.own.delete(id));
      const got = await this.get(fresh);
      if (got.size > 0) this.index.add([...got.keys()], [...got.values()]);
    }
  }

  /** Returns once every change committed before the call is applied (or after SYNC_WAIT_MS). */
  private async sync(): Promise<void> {
    if (!this.stop) return;
    const token = randomBytes(8).toString("hex");
    let timer: NodeJS.Timeout | undefined;
    const echoed = new Promise<void>((resolve) => {
      this.pings.set(token, resolve);
      timer = setTimeout(resolve, SYNC_WAIT_MS);
    });
    try {
      await this.client.query("SELECT pg_notify($1, $2)", [VECTOR_CHANNEL, JSON.stringify({ ping: token })]);
      await echoed;
    } catch (err) {
      this.logger?.warn({ err: (err as Error).message }, "vector sync ping failed; searching what is loaded");
    } finally {
      clearTimeout(timer);
      this.pings.delete(token);
    }
  }

  /** Rebuilds the index from the table (start, a reconnect, a change too large to announce). */
  private async reload(): Promise<void> {
    const next = this.empty(this.dims);
    for (let after = 0; ;) {
      const r = await this.client.query<{ chunk_id: number; b: Uint8Array }>(`SELECT chunk_id, array_send(embedding) AS b
        FROM chunk_vectors WHERE chunk_id > $1 ORDER BY chunk_id LIMIT $2`, [after, BATCH * 4]);
      if (r.rows.length === 0) break;
      const ids = r.rows.map((row) => Number(row.chunk_id));
      const vecs = r.rows.map((row) => fromArraySend(row.b));
      // Vectors of another dimension belong to another embedder: skipped, they show up in `missing`
      // only after clear(); the store drops them when the embedder changes.
      const keep = ids.map((_, i) => next.dimensions === undefined || vecs[i]!.length === next.dimensions);
      next.add(ids.filter((_, i) => keep[i]), vecs.filter((_, i) => keep[i]));
      after = ids[ids.length - 1]!;
    }
    this.index.close();
    this.index = next;
    this.own.clear();
    next.startGraph();
    this.logger?.debug({ vectors: next.size }, "vector index loaded from PostgreSQL");
  }

  private empty(dims: number | undefined): VectorCache {
    return new VectorCache(dims, this.logger, this.exactSearchLimit);
  }
}
