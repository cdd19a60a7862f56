/**
 * The PostgreSQL implementation of `Store`, with the same observable behaviour as SqliteStore. Rows,
 * full text and coordination live in the database; chunk vectors behind `PgChunkVectors` (pgvector, or
 * `real[]` rows with an hnswlib index per process). Every replica opening the same database sees one store.
 */
import type { DocumentDraft } from "../../core/types.js";
import { StoreError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import type {
  AccessEntry, AssignmentFilter, BotState, ChunkFilter, DocumentSummary, EmbedderInfo, LexicalColumn,
  RememberedAnswer, SaveStatus, ScoredChunk, Store, StoredAssignment, StoredChunk, StoredDocument, StoredSection,
  Subscription,
} from "../types.js";
import { findAssignments } from "./assignments.js";
import { PgBotTables } from "./bot-tables.js";
import { PgCoordination } from "./coordination.js";
import * as docs from "./documents.js";
import * as portable from "./portable.js";
import * as search from "./search.js";
import * as status from "./status.js";
import type { Reporter, StatusChange, StatusHistoryEntry, TaskStatus } from "../../core/status.js";
import type { PgChunkVectors, SqlClient } from "./sql.js";

export class PgStore implements Store {
  private readonly bot: PgBotTables;
  private readonly coordination: PgCoordination;
  private closed = false;

  constructor(
    private readonly client: SqlClient,
    private readonly vectors: PgChunkVectors,
    private readonly now: () => Date,
    private readonly logger?: Logger,
  ) {
    this.bot = new PgBotTables(client, now);
    this.coordination = new PgCoordination(client, now);
  }

  // -- documents

  async getDocumentByPath(path: string): Promise<DocumentSummary | undefined> {
    return docs.getByPath(this.client, path);
  }

  /** Rows and vectors in one transaction. `vectors` may be empty (the chunks then show up in `chunksMissingVectors`). */
  async saveDocument(draft: DocumentDraft, vectors: Float32Array[]): Promise<{ id: number; status: SaveStatus }> {
    if (vectors.length !== 0 && vectors.length !== draft.chunks.length) {
      throw new StoreError("bad_vectors", `${draft.name}: ${draft.chunks.length} chunks but ${vectors.length} vectors.`);
    }
    const dim = await this.dimensions();
    if (dim !== undefined && vectors.some((v) => v.length !== dim)) {
      throw new StoreError("dimension_mismatch", `${draft.name}: vectors do not have the index's ${dim} dimensions.`);
    }
    const stamp = this.now().toISOString();
    const saved = await this.client.transaction(async (tx) => {
      const s = await docs.saveDocument(tx, draft, stamp);
      await status.carryOver(tx, draft, this.now());
      if (vectors.length) await this.vectors.add(s.chunkIds, vectors, tx);
      return s;
    });
    this.vectors.forget?.(saved.replacedChunkIds);
    return { id: saved.id, status: saved.status };
  }

  async removeDocument(id: number): Promise<void> {
    const chunkIds = await this.client.transaction(async (tx) => {
      const ids = await docs.chunkIdsOf(tx, id);
      await tx.query("DELETE FROM documents WHERE id = $1", [id]);
      return ids;
    });
    this.vectors.forget?.(chunkIds);
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return docs.listDocuments(this.client);
  }

  async findDocuments(ref: string): Promise<DocumentSummary[]> {
    return docs.findDocuments(this.client, ref);
  }

  async getDocument(id: number): Promise<StoredDocument | undefined> {
    return docs.getDocument(this.client, id);
  }

  async getSections(docId: number): Promise<StoredSection[]> {
    return docs.getSections(this.client, docId);
  }

  // -- search

  async searchLexical(column: LexicalColumn, match: string, filter: ChunkFilter, limit: number): Promise<ScoredChunk[]> {
    return search.searchLexical(this.client, column, match, filter, limit);
  }

  async termFrequencies(column: LexicalColumn, terms: string[]): Promise<{ chunks: number; df: Map<string, number> }> {
    return search.termFrequencies(this.client, column, terms);
  }

  /** Cosine similarity (higher is better); a filter is applied inside the vector search, not after it. */
  async searchVector(vector: Float32Array, filter: ChunkFilter, k: number): Promise<ScoredChunk[]> {
    if (search.isEmptyFilter(filter)) return [];
    let allow: Set<number> | undefined;
    if (filter.docIds || filter.kinds) {
      allow = new Set(await search.chunkIds(this.client, filter));
      if (allow.size === 0) return [];
    }
    return (await this.vectors.search(vector, k, allow)).map((h) => ({ chunkId: h.chunkId, score: h.score }));
  }

  async getChunks(ids: number[]): Promise<StoredChunk[]> {
    return search.getChunks(this.client, ids);
  }

  async findAssignments(filter: AssignmentFilter): Promise<StoredAssignment[]> {
    return findAssignments(this.client, filter);
  }

  // -- index upkeep

  async embedderInfo(): Promise<EmbedderInfo | undefined> {
    const r = await this.client.query<{ key: string; value: string }>(
      "SELECT key, value FROM meta WHERE key IN ('embedder_name', 'embedder_dimensions')");
    const m = new Map(r.rows.map((row) => [row.key, row.value]));
    const name = m.get("embedder_name");
    const dims = m.get("embedder_dimensions");
    return name !== undefined && dims !== undefined ? { name, dimensions: Number(dims) } : undefined;
  }

  /** Records the embedder; vectors of another dimension cannot be kept and are dropped. */
  async setEmbedderInfo(info: EmbedderInfo): Promise<void> {
    const before = await this.dimensions();
    await this.client.transaction(async (tx) => {
      for (const [key, value] of [["embedder_name", info.name], ["embedder_dimensions", String(info.dimensions)]]) {
        await tx.query(`INSERT INTO meta (key, value) VALUES ($1, $2)
          ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [key, value]);
      }
    });
    if (before !== undefined && info.dimensions > 0 && before !== info.dimensions) {
      this.logger?.warn({ from: before, to: info.dimensions }, "embedder dimension changed; vectors dropped");
      await this.vectors.clear(info.dimensions);
    }
  }

  async chunksMissingVectors(): Promise<StoredChunk[]> {
    return search.getChunks(this.client, await this.vectors.missing());
  }

  /** Vectors cannot outlive their chunk here (foreign key, ON DELETE CASCADE): always 0. */
  async dropOrphanVectors(): Promise<number> {
    return 0;
  }

  async addVectors(chunkIds: number[], vectors: Float32Array[]): Promise<void> {
    await this.vectors.add(chunkIds, vectors);
  }

  async clearVectors(): Promise<void> {
    await this.vectors.clear();
  }

  /** Nothing to write: every change is committed as it is made. */
  async flush(): Promise<void> {}

  async stats(): Promise<{ documents: number; sections: number; chunks: number; assignments: number; vectors: number }> {
    const r = await this.client.query<Record<"documents" | "sections" | "chunks" | "assignments", number>>(`SELECT
      (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM sections) AS sections,
      (SELECT count(*) FROM chunks) AS chunks, (SELECT count(*) FROM assignments) AS assignments`);
    const c = r.rows[0]!;
    return {
      documents: Number(c.documents), sections: Number(c.sections), chunks: Number(c.chunks),
      assignments: Number(c.assignments), vectors: await this.vectors.count(),
    };
  }

  // -- bot

  async isAllowed(id: number): Promise<boolean> { return this.bot.isAllowed(id); }
  async grant(entry: Omit<AccessEntry, "grantedAt">): Promise<void> { await this.bot.grant(entry); }
  async revoke(id: number): Promise<boolean> { return this.bot.revoke(id); }
  async listAccess(): Promise<AccessEntry[]> { return this.bot.listAccess(); }

  async addFeedback(entry: { userId: number; chatId: number; question: string; answer: string; vote: 1 | -1 }): Promise<void> {
    await this.bot.addFeedback(entry);
  }

  async addSubscription(sub: Omit<Subscription, "id" | "createdAt" | "paused">): Promise<Subscription> {
    return this.bot.addSubscription(sub);
  }
  async removeSubscriptions(chatId: number, id?: number): Promise<number> { return this.bot.removeSubscriptions(chatId, id); }
  async listSubscriptions(chatId?: number): Promise<Subscription[]> { return this.bot.listSubscriptions(chatId); }
  async setPaused(chatId: number, paused: boolean): Promise<void> { await this.bot.setPaused(chatId, paused); }
  async claimDelivery(subscriptionId: number, slot: string): Promise<boolean> { return this.bot.claimDelivery(subscriptionId, slot); }
  async markDelivered(subscriptionId: number, slot: string, status: "sent" | "empty" | "failed"): Promise<void> {
    await this.bot.markDelivered(subscriptionId, slot, status);
  }
  async lastSlot(subscriptionId: number): Promise<string | undefined> { return this.bot.lastSlot(subscriptionId); }

  // -- coordination and bot memory

  async withLock<T>(name: string, fn: () => Promise<T>, _leaseMs?: number): Promise<{ ran: true; value: T } | { ran: false }> {
    return this.coordination.withLock(name, fn);
  }
  async markUpdateHandled(updateId: number): Promise<boolean> { return this.coordination.markUpdateHandled(updateId); }
  async isUpdateHandled(updateId: number): Promise<boolean> { return this.coordination.isUpdateHandled(updateId); }
  async rememberAnswer(key: string, entry: RememberedAnswer): Promise<void> { await this.coordination.rememberAnswer(key, entry); }
  async recallAnswer(key: string): Promise<RememberedAnswer | undefined> { return this.coordination.recallAnswer(key); }
  async noteVote(key: string, userId: number): Promise<boolean> { return this.coordination.noteVote(key, userId); }
  async noteOnce(scope: string, id: number, label?: string): Promise<boolean> { return this.coordination.noteOnce(scope, id, label); }
  async notedLabel(scope: string, id: number): Promise<string | undefined> { return this.coordination.notedLabel(scope, id); }

  // -- export and import

  async exportDocument(id: number): Promise<{ draft: DocumentDraft; ingestedAt: string; vectors: Float32Array[] } | undefined> {
    return portable.exportDocument(this.client, this.vectors, id);
  }
  async exportBotState(): Promise<BotState> {
    return { ...(await portable.exportBotState(this.client)), status: await status.exportState(this.client) };
  }
  async importBotState(state: BotState): Promise<void> {
    await portable.importBotState(this.client, state);
    if (state.status) await status.importState(this.client, state.status);
  }

  // -- task statuses (store/pg/status.ts)

  async setTaskStatus(change: StatusChange): Promise<TaskStatus> { return status.setTaskStatus(this.client, change, this.now()); }
  async getTaskStatuses(keys?: string[]): Promise<Map<string, TaskStatus>> { return status.getTaskStatuses(this.client, keys); }
  async taskStatusHistory(key: string): Promise<StatusHistoryEntry[]> { return status.taskStatusHistory(this.client, key); }
  async confirmTaskStatus(key: string): Promise<void> { await status.confirmTaskStatus(this.client, key); }
  async addReporter(entry: Omit<Reporter, "grantedAt">): Promise<void> { await status.addReporter(this.client, entry, this.now()); }
  async removeReporter(orgKey: string, userId: number): Promise<boolean> { return status.removeReporter(this.client, orgKey, userId); }
  async listReporters(orgKey?: string): Promise<Reporter[]> { return status.listReporters(this.client, orgKey); }

  /** Stops listening and closes the connections. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.vectors.close();
    } finally {
      await this.client.close();
    }
  }

  /** The dimension of the vectors held (as SQLite asks its index), else the stored embedder's (0 = not known yet). */
  private async dimensions(): Promise<number | undefined> {
    if (this.vectors.dimensions) return this.vectors.dimensions();
    const info = await this.embedderInfo();
    return info && info.dimensions > 0 ? info.dimensions : undefined;
  }
}
