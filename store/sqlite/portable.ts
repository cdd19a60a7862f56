/**
 * The SQLite side of `PortableStore`: a stored document read back as the draft it was saved from, and the
 * bot's rows (access, subscriptions, deliveries, feedback) read and written with their ids kept.
 */
import type { Database, Statement } from "better-sqlite3";
import type { ChunkDraft, DocumentDraft, DocumentMeta, Section } from "../../core/types.js";
import type { VectorIndex } from "../hnsw/vector-index.js";
import { toAssignmentDraft, type AssignmentDraftRow } from "../rows.js";
import type { AccessEntry, BotState, DeliveryEntry, FeedbackEntry, Subscription } from "../types.js";

interface DocRow { name: string; path: string; hash: string; format: DocumentDraft["format"]; text: string; meta: string; ingested_at: string; pages: string | null }
interface SectionRow { idx: number; parent: number | null; depth: number; marker: string; label: string; heading: string; start: number; end: number }
interface ChunkRow extends ChunkDraft { id: number }
interface AccessRow { id: number; kind: AccessEntry["kind"]; label: string | null; granted_by: number | null; granted_at: string }
interface SubscriptionRow {
  id: number; chat_id: number; org_ids: string; cadence: Subscription["cadence"]; time: string; weekday: number | null;
  lookahead_days: number; send_empty: number; paused: number; created_at: string;
}
interface DeliveryRow { subscription_id: number; slot: string; status: string; claimed_at: string; finished_at: string | null }
interface FeedbackRow { user_id: number; chat_id: number; question: string; answer: string; vote: 1 | -1; created_at: string }

function prepare(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    doc: p("SELECT name, path, hash, format, text, meta, ingested_at, pages FROM documents WHERE id = ?"),
    sections: p("SELECT idx, parent, depth, marker, label, heading, start, end FROM sections WHERE doc_id = ? ORDER BY idx"),
    chunks: p("SELECT id, section, start, end, text, context FROM chunks WHERE doc_id = ? ORDER BY id"),
    assignments: p(`SELECT org_id, org, org_text, role, coordinators, task, deadline, period, section, quote_start,
      quote_end FROM assignments WHERE doc_id = ? ORDER BY id`),
    access: p("SELECT id, kind, label, granted_by, granted_at FROM access ORDER BY id"),
    subscriptions: p("SELECT * FROM subscriptions ORDER BY id"),
    deliveries: p("SELECT subscription_id, slot, status, claimed_at, finished_at FROM deliveries ORDER BY subscription_id, slot"),
    feedback: p("SELECT user_id, chat_id, question, answer, vote, created_at FROM feedback ORDER BY id"),
    addAccess: p(`INSERT INTO access (id, kind, label, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO NOTHING`),
    addSubscription: p(`INSERT INTO subscriptions (id, chat_id, org_ids, cadence, time, weekday, lookahead_days,
      send_empty, paused, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
    // A delivery of a subscription that is not there (removed since) has nothing to protect: skipped.
    addDelivery: p(`INSERT INTO deliveries (subscription_id, slot, status, claimed_at, finished_at)
      SELECT @sub, @slot, @status, @claimed, @finished WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = @sub)
      ON CONFLICT (subscription_id, slot) DO NOTHING`),
    // Feedback rows have no id in a BotState: an identical row already present is the same vote.
    addFeedback: p(`INSERT INTO feedback (user_id, chat_id, question, answer, vote, created_at)
      SELECT @user, @chat, @question, @answer, @vote, @at WHERE NOT EXISTS (SELECT 1 FROM feedback WHERE
      user_id = @user AND chat_id = @chat AND question = @question AND answer = @answer AND vote = @vote AND created_at = @at)`),
  };
}

export class SqlitePortable {
  private readonly s: ReturnType<typeof prepare>;
  private readonly importTx: (state: BotState) => void;

  constructor(db: Database, private readonly vectors: VectorIndex) {
    this.s = prepare(db);
    this.importTx = db.transaction((state: BotState) => this.write(state));
  }

  /** The document as a draft (rows in insertion order) with its chunk vectors, or [] when any is missing. */
  exportDocument(id: number): { draft: DocumentDraft; ingestedAt: string; vectors: Float32Array[] } | undefined {
    const doc = this.s.doc.get(id) as DocRow | undefined;
    if (!doc) return undefined;
    const sections = (this.s.sections.all(id) as SectionRow[]).map(({ idx, ...s }): Section => ({ index: idx, ...s }));
    const chunkRows = this.s.chunks.all(id) as ChunkRow[];
    const chunks = chunkRows.map(({ id: _id, ...c }): ChunkDraft => c);
    const assignments = (this.s.assignments.all(id) as AssignmentDraftRow[]).map(toAssignmentDraft);
    const draft: DocumentDraft = {
      name: doc.name, path: doc.path, hash: doc.hash, format: doc.format, text: doc.text,
      meta: JSON.parse(doc.meta) as DocumentMeta, sections, chunks, assignments,
      ...(doc.pages !== null ? { pages: JSON.parse(doc.pages) as number[] } : {}),
    };
    const vectors: Float32Array[] = [];
    this.vectors.refresh();
    for (const c of chunkRows) {
      const v = this.vectors.get(c.id);
      if (!v) return { draft, ingestedAt: doc.ingested_at, vectors: [] };
      vectors.push(v);
    }
    return { draft, ingestedAt: doc.ingested_at, vectors };
  }

  exportBotState(): BotState {
    return {
      access: (this.s.access.all() as AccessRow[]).map((r) => {
        const e: AccessEntry = { id: r.id, kind: r.kind, grantedAt: r.granted_at };
        if (r.label !== null) e.label = r.label;
        if (r.granted_by !== null) e.grantedBy = r.granted_by;
        return e;
      }),
      subscriptions: (this.s.subscriptions.all() as SubscriptionRow[]).map((r) => {
        const sub: Subscription = {
          id: r.id, chatId: r.chat_id, orgIds: JSON.parse(r.org_ids) as string[], cadence: r.cadence, time: r.time,
          lookaheadDays: r.lookahead_days, sendEmpty: r.send_empty === 1, paused: r.paused === 1, createdAt: r.created_at,
        };
        if (r.weekday !== null) sub.weekday = r.weekday;
        return sub;
      }),
      deliveries: (this.s.deliveries.all() as DeliveryRow[]).map((r) => {
        const d: DeliveryEntry = { subscriptionId: r.subscription_id, slot: r.slot, status: r.status, claimedAt: r.claimed_at };
        if (r.finished_at !== null) d.finishedAt = r.finished_at;
        return d;
      }),
      feedback: (this.s.feedback.all() as FeedbackRow[]).map((r): FeedbackEntry => ({
        userId: r.user_id, chatId: r.chat_id, question: r.question, answer: r.answer, vote: r.vote, createdAt: r.created_at,
      })),
    };
  }

  /** Adds the rows in one transaction, keeping ids; rows already there are left as they are. */
  importBotState(state: BotState): void {
    this.importTx(state);
  }

  private write(state: BotState): void {
    for (const a of state.access) {
      this.s.addAccess.run(a.id, a.kind, a.label ?? null, a.grantedBy ?? null, a.grantedAt);
    }
    for (const sub of state.subscriptions) {
      this.s.addSubscription.run(sub.id, sub.chatId, JSON.stringify(sub.orgIds), sub.cadence, sub.time,
        sub.weekday ?? null, sub.lookaheadDays, sub.sendEmpty ? 1 : 0, sub.paused ? 1 : 0, sub.createdAt);
    }
    for (const d of state.deliveries) {
      this.s.addDelivery.run({ sub: d.subscriptionId, slot: d.slot, status: d.status, claimed: d.claimedAt, finished: d.finishedAt ?? null });
    }
    for (const f of state.feedback) {
      this.s.addFeedback.run({ user: f.userId, chat: f.chatId, question: f.question, answer: f.answer, vote: f.vote, at: f.createdAt });
    }
  }
}
