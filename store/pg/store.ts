/**
 * The PostgreSQL `Store`, with the same observable behaviour as the SQLite one: the pieces both stores
 * share (store/sql/common.ts, run through `pgQuery`) and PostgreSQL's own: writing documents in batches
 * with their tsvectors, BM25 over them, an advisory lock, the status writes that read first. Chunk vectors
 * live behind `PgChunkVectors` (pgvector, or `real[]` rows with an hnswlib index per process). Every
 * replica opening the same database sees one store.
 */
import type { Logger } from "../../core/logger.js";
import { searchAdmitted } from "../chunk-filter.js";
import { commonPieces, type OwnPieces } from "../sql/common.js";
import { checkVectors, countRows, writeEmbedder } from "../sql/meta.js";
import type { Store } from "../types.js";
import { pgLocks } from "./coordination.js";
import { chunkIdsOf, saveDocument } from "./documents.js";
import { pgQuery } from "./query.js";
import * as search from "./search.js";
import * as status from "./status.js";
import type { PgChunkVectors, SqlClient } from "./sql.js";

export function createPgStore(client: SqlClient, vectors: PgChunkVectors, now: () => Date, logger?: Logger): Store {
  const q = pgQuery(client);
  const common = commonPieces(q, now, async (chunkIds) => {
    const found = await vectors.get(chunkIds);
    return chunkIds.map((c) => found.get(c));
  });
  let closed = false;

  /** The dimension of the vectors held (as SQLite asks its index), else the stored embedder's (0 = not known yet). */
  const dimensions = async (): Promise<number | undefined> => {
    if (vectors.dimensions) return vectors.dimensions();
    const info = await common.embedderInfo();
    return info && info.dimensions > 0 ? info.dimensions : undefined;
  };

  const own: OwnPieces = {
    /** Rows and vectors in one transaction. `vectors` may be empty (the chunks then show up in `chunksMissingVectors`). */
    async saveDocument(draft, vecs) {
      checkVectors(draft, vecs, await dimensions());
      const stamp = now().toISOString();
      const saved = await client.transaction(async (tx) => {
        const s = await saveDocument(tx, draft, stamp);
        await status.carryOver(tx, draft, now());
        if (vecs.length) await vectors.add(s.chunkIds, vecs, tx);
        return s;
      });
      vectors.forget?.(saved.replacedChunkIds);
      return { id: saved.id, status: saved.status };
    },
    async removeDocument(id) {
      const chunkIds = await client.transaction(async (tx) => {
        const ids = await chunkIdsOf(tx, id);
        await tx.query("DELETE FROM documents WHERE id = $1", [id]);
        return ids;
      });
      vectors.forget?.(chunkIds);
    },

    searchLexical: (query, filter, limit) => search.searchLexical(client, query, filter, limit),
    termFrequencies: (column, terms) => search.termFrequencies(client, column, terms),
    /** Cosine similarity (higher is better); a filter is applied inside the vector search, not after it. */
    searchVector: (vector, filter, k) => searchAdmitted(filter, (f) => search.chunkIds(client, f),
      async (allow) => (await vectors.search(vector, k, allow)).map((h) => ({ chunkId: h.chunkId, score: h.score }))),
    getChunks: (ids) => search.getChunks(client, ids),

    /** Records the embedder; vectors of another dimension cannot be kept and are dropped. */
    async setEmbedderInfo(info) {
      const before = await dimensions();
      await writeEmbedder(q, info);
      if (before !== undefined && info.dimensions > 0 && before !== info.dimensions) {
        logger?.warn({ from: before, to: info.dimensions }, "embedder dimension changed; vectors dropped");
        await vectors.clear(info.dimensions);
      }
    },
    chunksMissingVectors: async () => search.getChunks(client, await vectors.missing()),
    /** Vectors cannot outlive their chunk here (foreign key, ON DELETE CASCADE): always 0. */
    dropOrphanVectors: async () => 0,
    addVectors: (chunkIds, vecs) => vectors.add(chunkIds, vecs),
    clearVectors: () => vectors.clear(),
    /** Nothing to write: every change is committed as it is made. */
    flush: async () => {},
    stats: async () => ({ ...(await countRows(q)), vectors: await vectors.count() }),

    ...pgLocks(client),
    setTaskStatus: (change) => status.setTaskStatus(client, change, now()),

    /** Stops listening and closes the connections. Safe to call twice. */
    async close() {
      if (closed) return;
      closed = true;
      try {
        await vectors.close();
      } finally {
        await client.close();
      }
    },
  };
  return { ...common, ...own };
}
