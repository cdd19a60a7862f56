/**
 * The bot's rows (access, subscriptions, deliveries, feedback) read and written with their ids kept, for
 * `nhiemvu export` / `import` (PortableStore), one SQL text for both stores.
 */
import type { BotState, DeliveryEntry, FeedbackEntry } from "../types.js";
import { toAccess, toSubscription, type AccessRow, type SubscriptionRow } from "./bot-tables.js";
import type { Query, Statement } from "./query.js";

export async function exportBotRows(q: Query): Promise<Omit<BotState, "status">> {
  return q.snapshot(async (s) => {
    const access = await s.all<AccessRow>("SELECT id, kind, label, granted_by, granted_at FROM access ORDER BY id");
    const subs = await s.all<SubscriptionRow>("SELECT * FROM subscriptions ORDER BY id");
    const deliveries = await s.all<{ subscription_id: number; slot: string; status: string; claimed_at: string;
      finished_at: string | null }>(`SELECT subscription_id, slot, status, claimed_at, finished_at FROM deliveries
      ORDER BY subscription_id, slot`);
    const feedback = await s.all<{ user_id: number; chat_id: number; question: string; answer: string; vote: number;
      created_at: string }>("SELECT user_id, chat_id, question, answer, vote, created_at FROM feedback ORDER BY id");
    return {
      access: access.map(toAccess),
      subscriptions: subs.map(toSubscription),
      deliveries: deliveries.map((r) => {
        const d: DeliveryEntry = { subscriptionId: Number(r.subscription_id), slot: r.slot, status: r.status, claimedAt: r.claimed_at };
        if (r.finished_at !== null) d.finishedAt = r.finished_at;
        return d;
      }),
      feedback: feedback.map((r): FeedbackEntry => ({
        userId: Number(r.user_id), chatId: Number(r.chat_id), question: r.question, answer: r.answer,
        vote: r.vote as 1 | -1, createdAt: r.created_at,
      })),
    };
  });
}

/** Adds the rows in one transaction, keeping ids; rows already there are left as they are. */
export async function importBotRows(q: Query, state: Omit<BotState, "status">): Promise<void> {
  const t = q.typed;
  const statements: Statement[] = [
    ...state.access.map((a): Statement => [`INSERT INTO access (id, kind, label, granted_by, granted_at)
      VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`, [a.id, a.kind, a.label ?? null, a.grantedBy ?? null, a.grantedAt]]),
    ...state.subscriptions.map((s): Statement => [`INSERT INTO subscriptions (id, chat_id, org_ids, cadence, time, weekday,
      lookahead_days, send_empty, paused, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [s.id, s.chatId, JSON.stringify(s.orgIds), s.cadence, s.time, s.weekday ?? null, s.lookaheadDays, s.sendEmpty, s.paused,
      s.createdAt]]),
    // A delivery of a subscription that is not there (removed since) has nothing to protect: skipped.
    ...state.deliveries.map((d): Statement => [`INSERT INTO deliveries (subscription_id, slot, status, claimed_at, finished_at)
      SELECT ${t("bigint")}, ${t("text")}, ${t("text")}, ${t("text")}, ${t("text")}
      WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = ${t("bigint")})
      ON CONFLICT (subscription_id, slot) DO NOTHING`,
    [d.subscriptionId, d.slot, d.status, d.claimedAt, d.finishedAt ?? null, d.subscriptionId]]),
    // Feedback rows have no id in a BotState: an identical row already present is the same vote.
    ...state.feedback.map((f): Statement => [`INSERT INTO feedback (user_id, chat_id, question, answer, vote, created_at)
      SELECT ${t("bigint")}, ${t("bigint")}, ${t("text")}, ${t("text")}, ${t("integer")}, ${t("text")}
      WHERE NOT EXISTS (SELECT 1 FROM feedback WHERE user_id = ? AND chat_id = ? AND question = ? AND answer = ?
        AND vote = ? AND created_at = ?)`,
    [f.userId, f.chatId, f.question, f.answer, f.vote, f.createdAt, f.userId, f.chatId, f.question, f.answer, f.vote, f.createdAt]]),
  ];
  // PostgreSQL: rows inserted with explicit ids leave the sequence behind, so move it past them.
  if (q.dialect === "postgres") {
    statements.push([`SELECT setval(pg_get_serial_sequence('subscriptions', 'id'),
      GREATEST((SELECT max(id) FROM subscriptions), 1), (SELECT max(id) FROM subscriptions) IS NOT NULL)`, []]);
  }
  await q.batch(statements);
}
