/**
 * The SQLite + hnswlib implementation of `Store`. SQL rows are the truth; the vector index follows them
 * and may lag behind after a crash (rows without vectors, vectors without rows), which
 * `chunksMissingVectors` and `dropOrphanVectors` let the ingest pipeline repair.
 */
import type { Database, Statement } from "better-sqlite3";
import type { DocumentDraft } from "../../core/types.js";
import { StoreError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import type {
  AccessEntry, AssignmentFilter, BotState, ChunkFilter, DocumentSummary, EmbedderInfo, LexicalColumn, SaveStatus,
  RememberedAnswer, ScoredChunk, Store, StoredAssignment, StoredChunk, StoredDocument, StoredSection, Subscription,
} from "../types.js";
import type { VectorIndex } from "../hnsw/vector-index.js";
import { DocumentTasksCache } from "./assignment-cache.js";
import { AssignmentQueries } from "./assignments.js";
import { SqliteBotMemory } from "./bot-memory.js";
import { BotTables } from "./bot-tables.js";
import { SqliteCoordination } from "./coordination.js";
import { DocumentTable } from "./documents.js";
import { SqlitePortable } from "./portable.js";
import { SqliteStatuses } from "./status.js";
import type { Reporter, StatusChange, StatusHistoryEntry, TaskStatus } from "../../core/status.js";
import { ChunkSearch, isEmptyFilter } from "./search.js";

export class SqliteStore implements Store {
  private readonly docs: DocumentTable;
  private readonly search: ChunkSearch;
  private readonly tasks: AssignmentQueries;
  private readonly docTasks: DocumentTasksCache;
  private readonly bot: BotTables;
  private readonly coordination: SqliteCoordination;
  private readonly memory: SqliteBotMemory;
  private readonly portable: SqlitePortable;
  private readonly statuses: SqliteStatuses;
  private readonly getMeta: Statement;
  private readonly setMeta: Statement;
  private readonly counts: Statement;
  private closed = false;

  constructor(
    private readonly db: Database,
    private readonly vectors: VectorIndex,
    now: () => Date,
    private readonly logger?: Logger,
  ) {
    this.docs = new DocumentTable(db, now);
    this.search = new ChunkSearch(db);
    this.tasks = new AssignmentQueries(db);
    this.docTasks = new DocumentTasksCache(db, this.tasks);
    this.bot = new BotTables(db, now);
    this.coordination = new SqliteCoordination(db, now);
    this.memory = new SqliteBotMemory(db, now);
    this.portable = new SqlitePortable(db, vectors);
    this.statuses = new SqliteStatuses(db, now);
    this.getMeta = db.prepare("SELECT value FROM meta WHERE key = ?").pluck();
    this.setMeta = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    this.counts = db.prepare(`SELECT (SELECT count(*) FROM documents) AS documents,
      (SELECT count(*) FROM sections) AS sections, (SELECT count(*) FROM chunks) AS chunks,
      (SELECT count(*) FROM assignments) AS assignments`);
  }

  // -- documents

  async getDocumentByPath(path: string): Promise<DocumentSummary | undefined> {
    return this.docs.getByPath(path);
  }

  /** Rows in one transaction, then the vectors into the in-memory index; call `flush()` after a batch.
   *  `vectors` may be empty (the chunks then show up in `chunksMissingVectors`). */
  async saveDocument(draft: DocumentDraft, vectors: Float32Array[]): Promise<{ id: number; status: SaveStatus }> {
    if (vectors.length !== 0 && vectors.length !== draft.chunks.length) {
      throw new StoreError("bad_vectors", `${draft.name}: ${draft.chunks.length} chunks but ${vectors.length} vectors.`);
    }
    const dim = this.vectors.dimensions;
    if (dim !== undefined && vectors.some((v) => v.length !== dim)) {
      throw new StoreError("dimension_mismatch", `${draft.name}: vectors do not have the index's ${dim} dimensions.`);
    }
    // Statuses follow reworded tasks in the same transaction as the rows that replaced them.
    const saved = this.db.transaction(() => {
      const s = this.docs.save(draft);
      this.statuses.carryOver(draft);
      return s;
    })();
    this.vectors.remove(saved.replacedChunkIds);
    this.vectors.add(vectors.length ? saved.chunkIds : [], vectors);
    return { id: saved.id, status: saved.status };
  }

  async removeDocument(id: number): Promise<void> {
    this.vectors.remove(this.docs.remove(id));
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return this.docs.list();
  }

  async findDocuments(ref: string): Promise<DocumentSummary[]> {
    return this.docs.find(ref);
  }

  async getDocument(id: number): Promise<StoredDocument | undefined> {
    return this.docs.get(id);
  }

  async getSections(docId: number): Promise<StoredSection[]> {
    return this.docs.sections(docId);
  }

  // -- search

  async searchLexical(column: LexicalColumn, match: string, filter: ChunkFilter, limit: number): Promise<ScoredChunk[]> {
    return this.search.searchLexical(column, match, filter, limit);
  }

  async termFrequencies(column: LexicalColumn, terms: string[]): Promise<{ chunks: number; df: Map<string, number> }> {
    return this.search.termFrequencies(column, terms);
  }

  /** Cosine similarity (higher is better); filters run inside hnswlib's search, not after it. */
  async searchVector(vector: Float32Array, filter: ChunkFilter, k: number): Promise<ScoredChunk[]> {
    if (isEmptyFilter(filter)) return [];
    this.vectors.refresh();
    let allow: Set<number> | undefined;
    if (filter.docIds || filter.kinds) {
      allow = new Set(this.search.chunkIds(filter));
      if (allow.size === 0) return [];
    }
    return this.vectors.search(vector, k, allow).map((h) => ({ chunkId: h.label, score: h.similarity }));
  }

  async getChunks(ids: number[]): Promise<StoredChunk[]> {
    return this.search.getChunks(ids);
  }

  async findAssignments(filter: AssignmentFilter): Promise<StoredAssignment[]> {
    if (DocumentTasksCache.handles(filter)) return this.docTasks.find(filter.docIds!);
    return this.tasks.findAssignments(filter);
  }

  // -- index upkeep

  async embedderInfo(): Promise<EmbedderInfo | undefined> {
    const name = this.getMeta.get("embedder_name") as string | undefined;
    const dims = this.getMeta.get("embedder_dimensions") as string | undefined;
    return name !== undefined && dims !== undefined ? { name, dimensions: Number(dims) } : undefined;
  }

  /** Records the embedder; vectors of another dimension cannot be kept and are dropped. */
  async setEmbedderInfo(info: EmbedderInfo): Promise<void> {
    this.db.transaction(() => {
      this.setMeta.run("embedder_name", info.name);
      this.setMeta.run("embedder_dimensions", String(info.dimensions));
    })();
    const dim = this.vectors.dimensions;
    if (dim !== undefined && info.dimensions > 0 && dim !== info.dimensions) {
      this.logger?.warn({ from: dim, to: info.dimensions }, "embedder dimension changed; vectors dropped");
      this.vectors.reset(info.dimensions);
    }
  }

  async chunksMissingVectors(): Promise<StoredChunk[]> {
    return this.search.getChunks(this.search.allChunkIds().filter((id) => !this.vectors.has(id)));
  }

  async dropOrphanVectors(): Promise<number> {
    const rows = new Set(this.search.allChunkIds());
    return this.vectors.remove(this.vectors.labels().filter((l) => !rows.has(l)));
  }

  async addVectors(chunkIds: number[], vectors: Float32Array[]): Promise<void> {
    this.vectors.add(chunkIds, vectors);
  }

  async clearVectors(): Promise<void> {
    this.vectors.reset();
  }

  /** Saves the vector index, and merges the full-text index when the batch left it in pieces. */
  async flush(): Promise<void> {
    this.vectors.flush();
    this.search.optimizeIndex();
  }

  async stats(): Promise<{ documents: number; sections: number; chunks: number; assignments: number; vectors: number }> {
    const c = this.counts.get() as { documents: number; sections: number; chunks: number; assignments: number };
    return { ...c, vectors: this.vectors.size };
  }

  // -- bot

  async isAllowed(id: number): Promise<boolean> { return this.bot.isAllowed(id); }
  async grant(entry: Omit<AccessEntry, "grantedAt">): Promise<void> { this.bot.grant(entry); }
  async revoke(id: number): Promise<boolean> { return this.bot.revoke(id); }
  async listAccess(): Promise<AccessEntry[]> { return this.bot.listAccess(); }

  async addFeedback(entry: { userId: number; chatId: number; question: string; answer: string; vote: 1 | -1 }): Promise<void> {
    this.bot.addFeedback(entry);
  }

  async addSubscription(sub: Omit<Subscription, "id" | "createdAt" | "paused">): Promise<Subscription> {
    return this.bot.addSubscription(sub);
  }
  async removeSubscriptions(chatId: number, id?: number): Promise<number> { return this.bot.removeSubscriptions(chatId, id); }
  async listSubscriptions(chatId?: number): Promise<Subscription[]> { return this.bot.listSubscriptions(chatId); }
  async setPaused(chatId: number, paused: boolean): Promise<void> { this.bot.setPaused(chatId, paused); }
  async claimDelivery(subscriptionId: number, slot: string): Promise<boolean> { return this.bot.claimDelivery(subscriptionId, slot); }
  async markDelivered(subscriptionId: number, slot: string, status: "sent" | "empty" | "failed"): Promise<void> {
    this.bot.markDelivered(subscriptionId, slot, status);
  }
  async lastSlot(subscriptionId: number): Promise<string | undefined> { return this.bot.lastSlot(subscriptionId); }

  // -- coordination between processes, and the bot's memory (store/sqlite/coordination.ts, bot-memory.ts)

  async withLock<T>(name: string, fn: () => Promise<T>, leaseMs?: number): Promise<{ ran: true; value: T } | { ran: false }> {
    return this.coordination.withLock(name, fn, leaseMs);
  }
  async markUpdateHandled(updateId: number): Promise<boolean> { return this.coordination.markUpdateHandled(updateId); }
  async isUpdateHandled(updateId: number): Promise<boolean> { return this.coordination.isUpdateHandled(updateId); }
  async rememberAnswer(key: string, entry: RememberedAnswer): Promise<void> { return this.memory.rememberAnswer(key, entry); }
  async recallAnswer(key: string): Promise<RememberedAnswer | undefined> { return this.memory.recallAnswer(key); }
  async noteVote(key: string, userId: number): Promise<boolean> { return this.memory.noteVote(key, userId); }
  async noteOnce(scope: string, id: number, label?: string): Promise<boolean> { return this.memory.noteOnce(scope, id, label); }
  async notedLabel(scope: string, id: number): Promise<string | undefined> { return this.memory.notedLabel(scope, id); }

  // -- export and import (store/sqlite/portable.ts)

  async exportDocument(id: number): Promise<{ draft: DocumentDraft; ingestedAt: string; vectors: Float32Array[] } | undefined> {
    return this.portable.exportDocument(id);
  }
  async exportBotState(): Promise<BotState> { return { ...this.portable.exportBotState(), status: this.statuses.exportState() }; }
  async importBotState(state: BotState): Promise<void> {
    this.portable.importBotState(state);
    if (state.status) this.statuses.importState(state.status);
  }

  // -- task statuses (store/sqlite/status.ts)

  async setTaskStatus(change: StatusChange): Promise<TaskStatus> { return this.statuses.set(change); }
  async getTaskStatuses(keys?: string[]): Promise<Map<string, TaskStatus>> { return this.statuses.get(keys); }
  async taskStatusHistory(key: string): Promise<StatusHistoryEntry[]> { return this.statuses.history(key); }
  async confirmTaskStatus(key: string): Promise<void> { this.statuses.confirm(key); }
  async addReporter(entry: Omit<Reporter, "grantedAt">): Promise<void> { this.statuses.addReporter(entry); }
  async removeReporter(orgKey: string, userId: number): Promise<boolean> { return this.statuses.removeReporter(orgKey, userId); }
  async listReporters(orgKey?: string): Promise<Reporter[]> { return this.statuses.reporters(orgKey); }

  /** Flushes the vector index and closes the database. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      this.vectors.flush();
    } finally {
      this.db.close();
    }
  }
}
