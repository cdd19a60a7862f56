/** Opens the PostgreSQL store: connects, migrates, picks where chunk vectors live. */
import { StoreError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import type { Store } from "../types.js";
import { createPgClient, describeUrl } from "./pg-client.js";
import { migrate } from "./schema.js";
import type { PgChunkVectors, SqlClient } from "./sql.js";
import { createPgStore } from "./store.js";
import { createArrayVectors } from "./vectors-array.js";
import { createPgvectorVectors } from "./vectors-pgvector.js";

/** Where chunk vectors live: pgvector when the server has it ("auto"), else `real[]` rows + hnswlib in memory. */
export type PgVectorBackend = "auto" | "array" | "pgvector";

export interface PgStoreOptions {
  logger?: Logger;
  /** Stamps ingestion, grants and deliveries (tests move the clock). */
  now?: () => Date;
  vectors?: PgVectorBackend;
}

/**
 * Opens the store in the database at `url` (postgres://user:password@host:port/db), migrating it as
 * needed; several processes may open the same database at once. A server that cannot be reached is a
 * StoreError "open_failed" naming host, port and database, never the password.
 */
export async function openPgStore(opts: PgStoreOptions & { url: string }): Promise<Store> {
  const where = describeUrl(opts.url);
  const client = createPgClient(opts.url, { logger: opts.logger });
  try {
    await client.query("SELECT 1");
  } catch (err) {
    await client.close().catch(() => undefined);
    throw new StoreError("open_failed", `Cannot connect to PostgreSQL at ${where}: ${reason(err, opts.url)}`);
  }
  const store = await openPgStoreOn(client, opts);
  opts.logger?.debug({ database: where }, "store opened");
  return store;
}

/**
 * Opens the store on a client already made (PGlite in tests). The store owns the client from then on:
 * `close()` closes it, and so does a failed open.
 */
export async function openPgStoreOn(client: SqlClient, opts: PgStoreOptions = {}): Promise<Store> {
  let vectors: PgChunkVectors | undefined;
  try {
    await migrate(client);
    const r = await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'embedder_dimensions'");
    const stored = r.rows[0] ? Number(r.rows[0].value) : 0;
    // 0 means "not known yet" (an OpenAI-compatible model before its first response).
    const dims = stored > 0 ? stored : undefined;
    vectors = await openVectors(client, dims, opts);
    opts.logger?.debug({ vectors: vectors.kind }, "chunk vectors opened");
    return createPgStore(client, vectors, opts.now ?? (() => new Date()), opts.logger);
  } catch (err) {
    await vectors?.close().catch(() => undefined);
    await client.close().catch(() => undefined);
    if (err instanceof StoreError) throw err;
    throw new StoreError("open_failed", `Cannot open the PostgreSQL store: ${(err as Error).message}`, { cause: err });
  }
}

async function openVectors(client: SqlClient, dims: number | undefined, opts: PgStoreOptions): Promise<PgChunkVectors> {
  const choice = opts.vectors ?? "auto";
  if (choice === "array") return createArrayVectors(client, dims, { logger: opts.logger });
  if (choice === "pgvector") return createPgvectorVectors(client, dims, { logger: opts.logger });
  if (await hasPgvector(client)) return createPgvectorVectors(client, dims, { logger: opts.logger });
  return createArrayVectors(client, dims, { logger: opts.logger });
}

/** True when `CREATE EXTENSION IF NOT EXISTS vector` succeeds (tried in a savepoint, under a lock). */
async function hasPgvector(client: SqlClient): Promise<boolean> {
  return client.transaction(async (tx) => {
    // Two replicas creating the extension together would collide on the catalog: take turns.
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('nhiemvu:extension'))");
    await tx.query("SAVEPOINT try_vector");
    try {
      await tx.query("CREATE EXTENSION IF NOT EXISTS vector");
      return true;
    } catch {
      await tx.query("ROLLBACK TO SAVEPOINT try_vector");
      return false;
    }
  });
}

/** The driver's reason without the URL's password (node-postgres does not echo it, but be sure). */
function reason(err: unknown, url: string): string {
  const e = err as { message?: string; code?: string; errors?: Array<{ message?: string }> };
  // An AggregateError (IPv4 and IPv6 both refused) has an empty message; its parts say why.
  let text = e.message || e.errors?.map((x) => x.message).filter(Boolean).join("; ") || e.code || String(err);
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) text = text.split(password).join("***");
  } catch {
    // An unreadable URL has no password to hide.
  }
  return text;
}
