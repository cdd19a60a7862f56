/**
 * The PostgreSQL side of `PortableStore`: a stored document read back as the draft it was saved from,
 * and the bot's rows read and written with their ids kept (then the sequences moved past them).
 */
import type { DocumentDraft, DocumentMeta, Section } from "../../core/types.js";
import { toAssignmentDraft, type AssignmentDraftRow } from "../rows.js";
import type { BotState, DeliveryEntry, FeedbackEntry } from "../types.js";
import { toAccess, toSubscription, type SubscriptionRow } from "./bot-tables.js";
import type { PgChunkVectors, SqlClient } from "./sql.js";


/** The document as a draft (rows in insertion order) with its chunk vectors, or [] when any is missing. */
export async function exportDocument(
  client: SqlClient, vectors: PgChunkVectors, id: number,
): Promise<{ draft: DocumentDraft; ingestedAt: string; vectors: Float32Array[] } | undefined> {
  // One snapshot: a concurrent re-ingest must not give sections of one version and chunks of another.
  const read = await client.transaction(async (tx) => {
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    const doc = (await tx.query<{ name: string; path: string; hash: string; format: DocumentDraft["format"]; text: string;
      meta: string; ingested_at: string; pages: string | null }>(
      "SELECT name, path, hash, format, text, meta, ingested_at, pages FROM documents WHERE id = $1", [id])).rows[0];
    if (!doc) return undefined;
    const sections = (await tx.query<{ idx: number; parent: number | null; depth: number; marker: string; label: string;
      heading: string; start_at: number; end_at: number }>(`SELECT idx, parent, depth, marker, label, heading, start_at,
      end_at FROM sections WHERE doc_id = $1 ORDER BY idx`, [id])).rows;
    const chunks = (await tx.query<{ id: number; section: number; start_at: number; end_at: number; text: string; context: string }>(
      "SELECT id, section, start_at, end_at, text, context FROM chunks WHERE doc_id = $1 ORDER BY id", [id])).rows;
    const assignments = (await tx.query<AssignmentDraftRow>(`SELECT org_id, org, org_text, role, coordinators, task, deadline,
      period, section, quote_start, quote_end FROM assignments WHERE doc_id = $1 ORDER BY id`, [id])).rows;
    return { doc, sections, chunks, assignments };
  });
  if (!read) return undefined;
  const { doc } = read;
  const draft: DocumentDraft = {
    name: doc.name, path: doc.path, hash: doc.hash, format: doc.format, text: doc.text,
    meta: JSON.parse(doc.meta) as DocumentMeta,
    sections: read.sections.map((s): Section => ({
      index: s.idx, parent: s.parent, depth: s.depth, marker: s.marker, label: s.label, heading: s.heading,
      start: s.start_at, end: s.end_at,
    })),
    chunks: read.chunks.map((c) => ({ section: c.section, start: c.start_at, end: c.end_at, text: c.text, context: c.context })),
    assignments: read.assignments.map(toAssignmentDraft),
    ...(doc.pages !== null ? { pages: JSON.parse(doc.pages) as number[] } : {}),
  };
  const ids = read.chunks.map((c) => Number(c.id));
  const found = await vectors.get(ids);
  const ordered = ids.map((i) => found.get(i));
  const complete = ordered.every((v): v is Float32Array => v !== undefined);
  return { draft, ingestedAt: doc.ingested_at, vectors: complete ? ordered : [] };
}

export async function exportBotState(client: SqlClient): Promise<BotState> {
  return client.transaction(async (tx) => {
    await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
    const access = await tx.query<Parameters<typeof toAccess>[0]>(
      "SELECT id, kind, label, granted_by, granted_at FROM access ORDER BY id");
    const subs = await tx.query<SubscriptionRow>("SELECT * FROM subscriptions ORDER BY id");
    const deliveries = await tx.query<{ subscription_id: number; slot: string; status: string; claimed_at: string;
      finished_at: string | null }>(`SELECT subscription_id, slot, status, claimed_at, finished_at FROM deliveries
      ORDER BY subscription_id, slot`);
    const feedback = await tx.query<{ user_id: number; chat_id: number; question: string; answer: string; vote: number;
      created_at: string }>("SELECT user_id, chat_id, question, answer, vote, created_at FROM feedback ORDER BY id");
    return {
      access: access.rows.map(toAccess),
      subscriptions: subs.rows.map(toSubscription),
      deliveries: deliveries.rows.map((r) => {
        const d: DeliveryEntry = { subscriptionId: Number(r.subscription_id), slot: r.slot, status: r.status, claimedAt: r.claimed_at };
        if (r.finished_at !== null) d.finishedAt = r.finished_at;
        return d;
      }),
      feedback: feedback.rows.map((r): FeedbackEntry => ({
        userId: Number(r.user_id), chatId: Number(r.chat_id), question: r.question, answer: r.answer,
        vote: r.vote as 1 | -1, createdAt: r.created_at,
      })),
    };
  });
}

/** Adds the rows in one transaction, keeping ids; rows already there are left as they are. */
export async function importBotState(client: SqlClient, state: BotState): Promise<void> {
  await client.transaction(async (tx) => {
    for (const a of state.access) {
      await tx.query(`INSERT INTO access (id, kind, label, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (id) DO NOTHING`, [a.id, a.kind, a.label ?? null, a.grantedBy ?? null, a.grantedAt]);
    }
    for (const s of state.subscriptions) {
      await tx.query(`INSERT INTO subscriptions (id, chat_id, org_ids, cadence, time, weekday, lookahead_days, send_empty,
        paused, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
      [s.id, s.chatId, JSON.stringify(s.orgIds), s.cadence, s.time, s.weekday ?? null, s.lookaheadDays, s.sendEmpty,
        s.paused, s.createdAt]);
    }
    // A delivery of a subscription that is not there (removed since) has nothing to protect: skipped.
    for (const d of state.deliveries) {
      await tx.query(`INSERT INTO deliveries (subscription_id, slot, status, claimed_at, finished_at)
        SELECT $1::bigint, $2::text, $3::text, $4::text, $5::text WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = $1::bigint)
        ON CONFLICT (subscription_id, slot) DO NOTHING`, [d.subscriptionId, d.slot, d.status, d.claimedAt, d.finishedAt ?? null]);
    }
    // Feedback rows have no id in a BotState: an identical row already present is the same vote.
    for (const f of state.feedback) {
      await tx.query(`INSERT INTO feedback (user_id, chat_id, question, answer, vote, created_at)
        SELECT $1::bigint, $2::bigint, $3::text, $4::text, $5::int, $6::text WHERE NOT EXISTS (SELECT 1 FROM feedback
        WHERE user_id = $1::bigint AND chat_id = $2::bigint AND question = $3::text AND answer = $4::text
        AND vote = $5::int AND created_at = $6::text)`, [f.userId, f.chatId, f.question, f.answer, f.vote, f.createdAt]);
    }
    // Rows inserted with explicit ids leave the sequence behind: move it past them.
    await tx.query(`SELECT setval(pg_get_serial_sequence('subscriptions', 'id'),
      GREATEST((SELECT max(id) FROM subscriptions), 1), (SELECT max(id) FROM subscriptions) IS NOT NULL)`);
  });
}
