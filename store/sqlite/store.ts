/**
 * The SQLite + hnswlib `Store`: the pieces both stores share (store/sql/common.ts, run through
 * `sqliteQuery`) and SQLite's own: writing documents in a synchronous transaction, FTS5 search, the
 * hnswlib vectors, a lease lock, the status writes that read first, and a cache of each document's tasks.
 * SQL rows are the truth; the vector index follows them and may lag behind after a crash (rows without
 * vectors, vectors without rows), which `chunksMissingVectors` and `dropOrphanVectors` let the ingest
 * pipeline repair. The vector file is read by the first call that needs vectors (store/hnsw/vector-index.ts);
 * `stats` counts them from the meta row written at each save, while that row still describes the file.
 */
import type { Database } from "better-sqlite3";
import type { Logger } from "../../core/logger.js";
import { searchAdmitted } from "../chunk-filter.js";
import type { SavedCount, VectorIndex } from "../hnsw/vector-index.js";
import { commonPieces, type OwnPieces } from "../sql/common.js";
import { checkVectors, countRows, writeEmbedder } from "../sql/meta.js";
import type { Store } from "../types.js";
import { DocumentTasksCache } from "./assignment-cache.js";
import { DocumentReadsCache } from "./document-cache.js";
import { sqliteLocks } from "./coordination.js";
import { sqliteDocumentWrites } from "./documents.js";
import { sqliteQuery } from "./query.js";
import { ChunkSearch } from "./search.js";
import { sqliteStatusWrites } from "./status.js";

export function createSqliteStore(db: Database, vectors: VectorIndex, now: () => Date, logger?: Logger): Store {
  const q = sqliteQuery(db);
  const common = commonPieces(q, now, async (chunkIds) => {
    vectors.refresh();
    return chunkIds.map((c) => vectors.get(c));
  });
  const docs = sqliteDocumentWrites(db, now);
  const search = new ChunkSearch(db);
  const docTasks = new DocumentTasksCache(db, common.findAssignments);
  const docReads = new DocumentReadsCache(db, common);
  const statusWrites = sqliteStatusWrites(db, now);
  let closed = false;
  const counted = savedVectorCount(db);
  /** Records the vector file's identity and count, when memory holds what the file holds and it is news. */
  const noteVectorCount = () => {
    const saved = vectors.savedCount();
    const known = counted.value;
    if (!saved || (saved.stamp === known?.stamp && saved.count === known.count && saved.dimensions === known.dimensions)) return;
    try {
      db.prepare("INSERT INTO meta (key, value) VALUES ('vector_file', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .run(JSON.stringify(saved));
      counted.value = saved;
    } catch (err) {
      logger?.debug({ err }, "vector count not recorded"); // only `stats` is slower for it
    }
  };

  const own: OwnPieces & Pick<Store, "findAssignments" | "getDocument" | "getSections"> = {
    /** Rows in one transaction, then the vectors into the in-memory index; call `flush()` after a batch.
     *  `vectors` may be empty (the chunks then show up in `chunksMissingVectors`). */
    async saveDocument(draft, vecs) {
      checkVectors(draft, vecs, vectors.dimensions);
      // Statuses follow reworded tasks in the same transaction as the rows that replaced them.
      const saved = db.transaction(() => {
        const s = docs.save(draft);
        statusWrites.carryOver(draft);
        return s;
      })();
      vectors.remove(saved.replacedChunkIds);
      vectors.add(vecs.length ? saved.chunkIds : [], vecs);
      return { id: saved.id, status: saved.status };
    },
    async removeDocument(id) {
      vectors.remove(docs.remove(id));
    },

    searchLexical: async (query, filter, limit) => search.searchLexical(query, filter, limit),
    termFrequencies: async (column, terms) => search.termFrequencies(column, terms),
    /** Cosine similarity (higher is better); filters run inside hnswlib's search, not after it. */
    searchVector: (vector, filter, k) => searchAdmitted(filter, (f) => search.chunkIds(f), (allow) => {
      vectors.refresh();
      return vectors.search(vector, k, allow).map((h) => ({ chunkId: h.label, score: h.similarity }));
    }),
    getChunks: async (ids) => search.getChunks(ids),
    /** A document's tasks are read once per database change (store/sqlite/assignment-cache.ts). */
    findAssignments: (filter) => (DocumentTasksCache.handles(filter) ? docTasks.find(filter.docIds!) : common.findAssignments(filter)),
    /** A document and its sections are read once per database change (store/sqlite/document-cache.ts). */
    getDocument: (id) => docReads.getDocument(id),
    getSections: (docId) => docReads.getSections(docId),

    /** Records the embedder; vectors of another dimension cannot be kept and are dropped. */
    async setEmbedderInfo(info) {
      await writeEmbedder(q, info);
      const dim = vectors.dimensions;
      if (dim !== undefined && info.dimensions > 0 && dim !== info.dimensions) {
        logger?.warn({ from: dim, to: info.dimensions }, "embedder dimension changed; vectors dropped");
        vectors.reset(info.dimensions);
      }
    },
    chunksMissingVectors: async () => search.getChunks(search.allChunkIds().filter((id) => !vectors.has(id))),
    async dropOrphanVectors() {
      const rows = new Set(search.allChunkIds());
      return vectors.remove(vectors.labels().filter((l) => !rows.has(l)));
    },
    addVectors: async (chunkIds, vecs) => vectors.add(chunkIds, vecs),
    clearVectors: async () => vectors.reset(),
    /** Saves the vector index, and merges the full-text index when the batch left it in pieces. */
    async flush() {
      vectors.flush();
      noteVectorCount();
      search.optimizeIndex();
    },
    async stats() {
      const rows = await countRows(q);
      let count = vectors.countIfKnown(counted.value);
      if (count === undefined) {
        count = vectors.size;
        noteVectorCount(); // the next `stats` need not read the file
      }
      return { ...rows, vectors: count };
    },

    ...sqliteLocks(db, now),
    setTaskStatus: statusWrites.setTaskStatus,

    /** Flushes the vector index and closes the database. Safe to call twice. */
    async close() {
      if (closed) return;
      closed = true;
      try {
        vectors.flush();
        noteVectorCount();
      } finally {
        db.close();
      }
    },
  };
  return { ...common, ...own };
}

/** The vector file's identity and count as last recorded (meta 'vector_file'); a holder the store updates. */
function savedVectorCount(db: Database): { value: SavedCount | undefined } {
  const raw = db.prepare("SELECT value FROM meta WHERE key = 'vector_file'").pluck().get() as string | undefined;
  try {
    const v = raw === undefined ? undefined : (JSON.parse(raw) as Partial<SavedCount>);
    const ok = typeof v?.stamp === "string" && typeof v.count === "number";
    return { value: ok ? { stamp: v.stamp!, count: v.count!, dimensions: typeof v.dimensions === "number" ? v.dimensions : undefined } : undefined };
  } catch {
    return { value: undefined };
  }
}
