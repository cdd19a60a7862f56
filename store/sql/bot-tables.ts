/** The bot's own tables, one SQL text for both stores: access list, feedback, digest subscriptions and deliveries. */
import type { AccessEntry, AccessStore, FeedbackStore, Subscription, SubscriptionStore } from "../types.js";
import type { Query } from "./query.js";

export interface AccessRow { id: number; kind: AccessEntry["kind"]; label: string | null; granted_by: number | null; granted_at: string }
/** SQLite keeps the flags as 0/1, PostgreSQL as booleans. */
export interface SubscriptionRow {
  id: number; chat_id: number; org_ids: string; cadence: Subscription["cadence"]; time: string; weekday: number | null;
  lookahead_days: number; send_empty: number | boolean; paused: number | boolean; created_at: string;
}

export function botTables(q: Query, now: () => Date): AccessStore & FeedbackStore & SubscriptionStore {
  const stamp = () => now().toISOString();
  return {
    async isAllowed(id) {
      return (await q.all("SELECT 1 AS yes FROM access WHERE id = ?", [id])).length > 0;
    },

    /** Adds or updates an entry (granting twice refreshes label and grantor). */
    async grant(e) {
      await q.run(`INSERT INTO access (id, kind, label, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, label = excluded.label,
        granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
      [e.id, e.kind, e.label ?? null, e.grantedBy ?? null, stamp()]);
    },

    async revoke(id) {
      return (await q.run("DELETE FROM access WHERE id = ?", [id])) > 0;
    },

    async listAccess() {
      return (await q.all<AccessRow>("SELECT * FROM access ORDER BY granted_at, id")).map(toAccess);
    },

    async addFeedback(f) {
      await q.run(`INSERT INTO feedback (user_id, chat_id, question, answer, vote, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
        [f.userId, f.chatId, f.question, f.answer, f.vote, stamp()]);
    },

    async addSubscription(sub) {
      const [row] = await q.all<SubscriptionRow>(`INSERT INTO subscriptions (chat_id, org_ids, cadence, time, weekday,
        lookahead_days, send_empty, paused, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      [sub.chatId, JSON.stringify(sub.orgIds), sub.cadence, sub.time, sub.weekday ?? null, sub.lookaheadDays,
        sub.sendEmpty, false, stamp()]);
      return toSubscription(row!);
    },

    /** Removes one subscription of the chat, or all of them; returns how many. */
    async removeSubscriptions(chatId, id) {
      return q.run(`DELETE FROM subscriptions WHERE chat_id = ? AND (${q.typed("bigint")} IS NULL OR id = ${q.typed("bigint")})`,
        [chatId, id ?? null, id ?? null]);
    },

    async listSubscriptions(chatId) {
      return (await q.all<SubscriptionRow>(`SELECT * FROM subscriptions
        WHERE (${q.typed("bigint")} IS NULL OR chat_id = ${q.typed("bigint")}) ORDER BY id`, [chatId ?? null, chatId ?? null]))
        .map(toSubscription);
    },

    async setPaused(chatId, paused) {
      await q.run("UPDATE subscriptions SET paused = ? WHERE chat_id = ?", [paused, chatId]);
    },

    /**
     * One INSERT on a UNIQUE (subscription, slot): atomic across every process sharing the store, so exactly
     * one claimer wins. A claimed slot stays claimed whatever its outcome (no double sends after a crash).
     */
    async claimDelivery(subscriptionId, slot) {
      return (await q.run(`INSERT INTO deliveries (subscription_id, slot, status, claimed_at) VALUES (?, ?, 'claimed', ?)
        ON CONFLICT (subscription_id, slot) DO NOTHING`, [subscriptionId, slot, stamp()])) === 1;
    },

    async markDelivered(subscriptionId, slot, status) {
      await q.run("UPDATE deliveries SET status = ?, finished_at = ? WHERE subscription_id = ? AND slot = ?",
        [status, stamp(), subscriptionId, slot]);
    },

    /** The latest slot claimed for the subscription (slots sort as strings, e.g. "2026-06-01T07:30"; COLLATE "C"). */
    async lastSlot(subscriptionId) {
      const [row] = await q.all<{ s: string | null }>("SELECT max(slot) AS s FROM deliveries WHERE subscription_id = ?", [subscriptionId]);
      return row?.s ?? undefined;
    },
  };
}

export function toAccess(r: AccessRow): AccessEntry {
  const e: AccessEntry = { id: Number(r.id), kind: r.kind, grantedAt: r.granted_at };
  if (r.label !== null) e.label = r.label;
  if (r.granted_by !== null) e.grantedBy = Number(r.granted_by);
  return e;
}

export function toSubscription(r: SubscriptionRow): Subscription {
  const sub: Subscription = {
    id: Number(r.id), chatId: Number(r.chat_id), orgIds: JSON.parse(r.org_ids) as string[], cadence: r.cadence,
    time: r.time, lookaheadDays: r.lookahead_days, sendEmpty: Boolean(r.send_empty), paused: Boolean(r.paused),
    createdAt: r.created_at,
  };
  if (r.weekday !== null) sub.weekday = r.weekday;
  return sub;
}
