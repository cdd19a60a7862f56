/**
 * The PostgreSQL `Store`, with the same observable behaviour as the SQLite one and composed the same way
 * (store/sqlite/store.ts): the pieces in store/sql/ run here through `pgQuery`; writing documents, full
 * text, locks and the status writes that read first are PostgreSQL's own. Chunk vectors live behind `PgChunkVectors`
 * (pgvector, or `real[]` rows with an hnswlib index per process). Every replica opening the same database
 * sees one store.
 */
import type { Logger } from "../../core/logger.js";
import { searchAdmitted } from "../chunk-filter.js";
import { assignmentQueries } from "../sql/assignments.js";
import { exportBotRows, importBotRows } from "../sql/bot-state.js";
import { botTables } from "../sql/bot-tables.js";
import { botMemory, handledUpdates } from "../sql/coordination.js";
import { documentReads, exportDocument } from "../sql/documents.js";
import { checkVectors, countRows, readEmbedder, writeEmbedder } from "../sql/meta.js";
import { statusReads } from "../sql/statuses.js";
import type { AssignmentStore, DocumentStore, IndexStore, PortableStore, SearchStore, Store } from "../types.js";
import { pgLocks } from "./coordination.js";
import { chunkIdsOf, saveDocument } from "./documents.js";
import { pgQuery } from "./query.js";
import * as search from "./search.js";
import * as status from "./status.js";
import type { PgChunkVectors, SqlClient } from "./sql.js";

export function createPgStore(client: SqlClient, vectors: PgChunkVectors, now: () => Date, logger?: Logger): Store {
  const q = pgQuery(client);
  const { exportState, importState, ...statuses } = statusReads(q, now);
  let closed = false;

  /** The dimension of the vectors held (as SQLite asks its index), else the stored embedder's (0 = not known yet). */
  const dimensions = async (): Promise<number | undefined> => {
    if (vectors.dimensions) return vectors.dimensions();
    const info = await readEmbedder(q);
    return info && info.dimensions > 0 ? info.dimensions : undefined;
  };

  const documents: DocumentStore = {
    ...documentReads(q),
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
  };

  const chunks: SearchStore & AssignmentStore = {
    searchLexical: (column, match, filter, limit) => search.searchLexical(client, column, match, filter, limit),
    termFrequencies: (column, terms) => search.termFrequencies(client, column, terms),
    /** Cosine similarity (higher is better); a filter is applied inside the vector search, not after it. */
    searchVector: (vector, filter, k) => searchAdmitted(filter, (f) => search.chunkIds(client, f),
      async (allow) => (await vectors.search(vector, k, allow)).map((h) => ({ chunkId: h.chunkId, score: h.score }))),
    getChunks: (ids) => search.getChunks(client, ids),
    findAssignments: assignmentQueries(q),
  };

  const index: IndexStore = {
    embedderInfo: () => readEmbedder(q),
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
  };

  const portability: PortableStore = {
    exportDocument: (id) => exportDocument(q, id, async (chunkIds) => {
      const found = await vectors.get(chunkIds);
      return chunkIds.map((c) => found.get(c));
    }),
    exportBotState: async () => ({ ...(await exportBotRows(q)), status: await exportState() }),
    async importBotState(state) {
      await importBotRows(q, state);
      if (state.status) await importState(state.status);
    },
  };

  return {
    ...documents, ...chunks, ...index, ...portability,
    ...botTables(q, now), ...botMemory(q, now), ...handledUpdates(q, now), ...pgLocks(client),
    ...statuses, setTaskStatus: (change) => status.setTaskStatus(client, change, now()),
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
}
