/**
 * The store contract. Ingest writes through it, answering, the bot, digests and the CLI read through it.
 * Two implementations: SQLite + hnswlib (store/sqlite, the default) and PostgreSQL (store/pg, with pgvector
 * or in-process hnswlib), each composed of per-concern pieces; tests/store/contract runs one suite over
 * both. Every method is async because PostgreSQL is, even though better-sqlite3 is synchronous.
 */
import type { Reporter, StatusChange, StatusHistoryEntry, StatusState, TaskStatus } from "../core/status.js";
import type {
  AssignmentDraft, Deadline, DocKind, DocumentDraft, DocumentMeta, Period, Role, Section,
} from "../core/types.js";

export interface DocumentSummary {
  id: number;
  name: string;
  path: string;
  hash: string;
  format: DocumentDraft["format"];
  meta: DocumentMeta;
  sections: number;
  chunks: number;
  assignments: number;
  ingestedAt: string;
}

export interface StoredDocument extends DocumentSummary {
  text: string;
  /** A PDF's page map (DocumentDraft.pages). */
  pages?: number[];
}

export interface StoredSection extends Section {
  docId: number;
  /** Number of assignment records whose quote lies in this section or below it. */
  assignments: number;
}

export interface StoredChunk {
  id: number;
  docId: number;
  docName: string;
  docMeta: DocumentMeta;
  /** The document's page map, for a PDF. */
  docPages?: number[];
  section: number;
  sectionLabel: string;
  start: number;
  end: number;
  text: string;
  context: string;
}

export interface StoredAssignment extends Omit<AssignmentDraft, "section"> {
  id: number;
  docId: number;
  docName: string;
  docMeta: DocumentMeta;
  /** The document's page map, for a PDF. */
  docPages?: number[];
  section: number;
  sectionLabel: string;
  /** The verbatim quote: the document text between quoteStart and quoteEnd. */
  quote: string;
}

export interface ChunkFilter {
  docIds?: number[];
  kinds?: DocKind[];
}

export interface AssignmentFilter {
  /** Canonical organisation ids. */
  orgIds?: string[];
  /** Free text matched (folded) against the body's words, for bodies not in the registry. */
  orgText?: string;
  roles?: Role[];
  docIds?: number[];
  /** Keep tasks whose period or deadline overlaps [start, end] (ISO, inclusive). */
  overlaps?: { start: string; end: string };
  /** Keep tasks due on or before this date (ISO). */
  dueBefore?: string;
  /** Keep tasks due on or after this date (ISO). */
  dueAfter?: string;
  limit?: number;
}

export interface ScoredChunk {
  chunkId: number;
  /** Higher is better. BM25 scores are negated FTS5 ranks; vector scores are cosine similarities. */
  score: number;
}

/** How many chunks hold each term, and how many chunks there are (for IDF). */
export interface TermStats {
  chunks: number;
  df: Map<string, number>;
}

/** Which FTS5 column a lexical query runs on: the text as written, or folded (no diacritics, đ -> d). */
export type LexicalColumn = "raw" | "folded";

/**
 * A BM25 query over one column, OR-ed: each store writes it in its own syntax (FTS5 MATCH, tsquery), so
 * nobody outside store/ builds either. Every item is a term of the sum; an item the column's tokenizer
 * splits otherwise than its kind says (a "term" of two tokens) is searched as what it is.
 */
export interface LexicalQuery {
  column: LexicalColumn;
  /** Single syllables as the column holds them: raw = NFC lower case, folded = core/text.ts fold. */
  terms: string[];
  /** Two neighbouring syllables, "a b": one lookup in the column's pair index. */
  pairs: string[];
  /** Longer token sequences matched as phrases ("so 229 kl"). */
  phrases?: string[];
  /**
   * When set, BM25 ranks only the chunks holding a rare item (term, pair or phrase): one that at most
   * `share` of the chunks hold (the two rarest items are rare whatever their share), each chunk scored by
   * every item as usual. A chunk holding only common items is not ranked. When fewer than `min` (or the
   * limit) chunks hold a rare item, or when the filter names documents (their chunks are few), every
   * chunk holding any item is ranked, as without it.
   */
  candidates?: { share: number; min: number };
  /**
   * Weight of a chunk's head (store/lexical.ts chunkHead: its document's number, issuer, title and its
   * heading path) against its text's 1 in BM25: a term's frequency is its count in the text plus this
   * times its count in the head (FTS5's column weights). Default 1.
   */
  headWeight?: number;
}

export interface EmbedderInfo {
  name: string;
  dimensions: number;
}

export type SaveStatus = "new" | "updated";

export interface DocumentStore {
  getDocumentByPath(path: string): Promise<DocumentSummary | undefined>;
  /** Writes a document, its sections, chunks, assignments and chunk vectors in one transaction,
   *  replacing whatever was stored for the same path. Vectors are in `draft.chunks` order. */
  saveDocument(draft: DocumentDraft, vectors: Float32Array[]): Promise<{ id: number; status: SaveStatus }>;
  /** Deletes a document and everything derived from it (rows and vectors). */
  removeDocument(id: number): Promise<void>;
  listDocuments(): Promise<DocumentSummary[]>;
  /** By id, file name (with or without extension), or number ("229-KL/TW", "229", "634/TB-VPCP"). */
  findDocuments(ref: string): Promise<DocumentSummary[]>;
  getDocument(id: number): Promise<StoredDocument | undefined>;
  getSections(docId: number): Promise<StoredSection[]>;
}

export interface SearchStore {
  /** BM25 over one column's syllables and neighbouring-syllable pairs; higher scores first. */
  searchLexical(query: LexicalQuery, filter: ChunkFilter, limit: number): Promise<ScoredChunk[]>;
  searchVector(vector: Float32Array, filter: ChunkFilter, k: number): Promise<ScoredChunk[]>;
  getChunks(ids: number[]): Promise<StoredChunk[]>;
  /** How many chunks hold each term (a single token) in a column, and how many chunks there are: for IDF. */
  termFrequencies(column: LexicalColumn, terms: string[]): Promise<TermStats>;
}

export interface AssignmentStore {
  findAssignments(filter: AssignmentFilter): Promise<StoredAssignment[]>;
}

export interface IndexStore {
  embedderInfo(): Promise<EmbedderInfo | undefined>;
  setEmbedderInfo(info: EmbedderInfo): Promise<void>;
  /** Chunk ids that have a row but no vector (an interrupted run); the caller re-embeds them. */
  chunksMissingVectors(): Promise<StoredChunk[]>;
  /** Removes vectors whose chunk row is gone; returns how many. */
  dropOrphanVectors(): Promise<number>;
  addVectors(chunkIds: number[], vectors: Float32Array[]): Promise<void>;
  /** Drops every vector (for reindex with another embedder). */
  clearVectors(): Promise<void>;
  /** Writes the vector index to disk atomically (temp file, then rename). */
  flush(): Promise<void>;
  stats(): Promise<{ documents: number; sections: number; chunks: number; assignments: number; vectors: number }>;
}

export interface AccessEntry {
  /** A user id or a chat id (groups are negative). */
  id: number;
  kind: "user" | "chat";
  label?: string;
  grantedBy?: number;
  grantedAt: string;
}

export interface AccessStore {
  isAllowed(id: number): Promise<boolean>;
  grant(entry: Omit<AccessEntry, "grantedAt">): Promise<void>;
  revoke(id: number): Promise<boolean>;
  listAccess(): Promise<AccessEntry[]>;
}

export interface FeedbackStore {
  addFeedback(entry: { userId: number; chatId: number; question: string; answer: string; vote: 1 | -1 }): Promise<void>;
}

export interface Subscription {
  id: number;
  chatId: number;
  /** Canonical organisation ids; empty means every organisation. */
  orgIds: string[];
  cadence: "daily" | "weekly";
  /** "HH:MM" in Asia/Ho_Chi_Minh. */
  time: string;
  /** 1 = Monday ... 7 = Sunday, for weekly. */
  weekday?: number;
  lookaheadDays: number;
  sendEmpty: boolean;
  paused: boolean;
  createdAt: string;
}

export interface SubscriptionStore {
  addSubscription(sub: Omit<Subscription, "id" | "createdAt" | "paused">): Promise<Subscription>;
  removeSubscriptions(chatId: number, id?: number): Promise<number>;
  listSubscriptions(chatId?: number): Promise<Subscription[]>;
  setPaused(chatId: number, paused: boolean): Promise<void>;
  /** Claims (subscription, slot) for delivery. False when another process or an earlier run has it. */
  claimDelivery(subscriptionId: number, slot: string): Promise<boolean>;
  markDelivered(subscriptionId: number, slot: string, status: "sent" | "empty" | "failed"): Promise<void>;
  lastSlot(subscriptionId: number): Promise<string | undefined>;
}

/** Work that several processes (bot replicas, a CLI beside a bot) must not do twice. */
export interface CoordinationStore {
  /**
   * Runs `fn` while holding the lock `name` for every process sharing the store; when another process
   * holds it, returns `{ ran: false }` at once without running `fn`. A holder that dies releases it
   * (PostgreSQL: a session advisory lock; SQLite: a lease that expires after `leaseMs`, default 15 min).
   */
  withLock<T>(name: string, fn: () => Promise<T>, leaseMs?: number): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Records that a Telegram update was answered; false when it already was (a webhook delivered twice). */
  markUpdateHandled(updateId: number): Promise<boolean>;
  isUpdateHandled(updateId: number): Promise<boolean>;
}

export interface FeedbackEntry {
  userId: number;
  chatId: number;
  question: string;
  answer: string;
  vote: 1 | -1;
  createdAt: string;
}

export interface DeliveryEntry {
  subscriptionId: number;
  slot: string;
  status: string;
  claimedAt: string;
  finishedAt?: string;
}

/** The bot's own rows, for moving a deployment between stores. Ids are kept. */
export interface BotState {
  access: AccessEntry[];
  subscriptions: Subscription[];
  deliveries: DeliveryEntry[];
  feedback: FeedbackEntry[];
  /** Task statuses, their history and the bodies' reporters (absent in dumps made before they existed). */
  status?: StatusState;
}

/** What `nhiemvu export` reads and `nhiemvu import` writes: a store's content without re-ingesting. */
export interface PortableStore {
  /** The draft the document was saved from (same text, sections, chunks, assignments, in order) and its
   *  chunk vectors in chunk order (empty when any is missing: the importer re-embeds). */
  exportDocument(id: number): Promise<{ draft: DocumentDraft; ingestedAt: string; vectors: Float32Array[] } | undefined>;
  exportBotState(): Promise<BotState>;
  /** Adds the rows, keeping ids; rows whose id (or subscription and slot) exists are left as they are. */
  importBotState(state: BotState): Promise<void>;
}

/** An answer kept for the buttons under it (Xem thêm, 👍/👎); the callback data holds only its key. */
export interface RememberedAnswer {
  question: string;
  answer: string;
  offset: number;
  limit: number;
  /** Rendered as a task list (/nhiemvu) rather than an answer with citations. */
  tasks: boolean;
}

/**
 * What the bot must remember between updates. It lives in the store, not in process memory, so that a
 * button pressed under an answer works on whichever replica the press reaches.
 */
export interface BotMemoryStore {
  rememberAnswer(key: string, entry: RememberedAnswer): Promise<void>;
  recallAnswer(key: string): Promise<RememberedAnswer | undefined>;
  /** Records one vote per user on a remembered answer; false when this user already voted on it. */
  noteVote(key: string, userId: number): Promise<boolean>;
  /** True the first time (scope, id) is noted, false afterwards: "told this user once" across replicas. */
  noteOnce(scope: string, id: number, label?: string): Promise<boolean>;
  /** The label given when (scope, id) was first noted. */
  notedLabel(scope: string, id: number): Promise<string | undefined>;
}

/**
 * Task statuses (core/status.ts), keyed by the task's stable identity so that a re-ingested document keeps
 * them: `saveDocument` carries a status over to the reworded task of the same section and body, flagged
 * for review, in the same transaction.
 */
export interface StatusStore {
  /** Applies a person's change and records it in the history; returns the new status. */
  setTaskStatus(change: StatusChange): Promise<TaskStatus>;
  /** Statuses by key; every status when `keys` is omitted. */
  getTaskStatuses(keys?: string[]): Promise<Map<string, TaskStatus>>;
  /** Oldest first. */
  taskStatusHistory(key: string): Promise<StatusHistoryEntry[]>;
  /** Clears the review flag (someone looked at the carried-over status). */
  confirmTaskStatus(key: string): Promise<void>;
  addReporter(entry: Omit<Reporter, "grantedAt">): Promise<void>;
  removeReporter(orgKey: string, userId: number): Promise<boolean>;
  listReporters(orgKey?: string): Promise<Reporter[]>;
}

/** Everything the product keeps. */
export interface Store
  extends DocumentStore, SearchStore, AssignmentStore, IndexStore, AccessStore, FeedbackStore, SubscriptionStore,
    CoordinationStore, PortableStore, BotMemoryStore, StatusStore {
  close(): Promise<void>;
}

export type { Deadline, Period };
