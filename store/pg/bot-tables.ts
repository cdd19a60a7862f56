/** The bot's own tables: access list, feedback, digest subscriptions and their deliveries. */
import type { AccessEntry, Subscription } from "../types.js";
import type { SqlQueryable } from "./sql.js";

interface AccessRow { id: number; kind: AccessEntry["kind"]; label: string | null; granted_by: number | null; granted_at: string }
export interface SubscriptionRow {
  id: number; chat_id: number; org_ids: string; cadence: Subscription["cadence"]; time: string; weekday: number | null;
  lookahead_days: number; send_empty: boolean; paused: boolean; created_at: string;
}

export class PgBotTables {
  constructor(private readonly q: SqlQueryable, private readonly now: () => Date) {}

  async isAllowed(id: number): Promise<boolean> {
    return (await this.q.query("SELECT 1 FROM access WHERE id = $1", [id])).rows.length > 0;
  }

  /** Adds or updates an entry (granting twice refreshes label and grantor). */
  async grant(e: Omit<AccessEntry, "grantedAt">): Promise<void> {
    await this.q.query(`INSERT INTO access (id, kind, label, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, label = excluded.label,
      granted_by = excluded.granted_by, granted_at = excluded.granted_at`,
    [e.id, e.kind, e.label ?? null, e.grantedBy ?? null, this.stamp()]);
  }

  async revoke(id: number): Promise<boolean> {
    return (await this.q.query("DELETE FROM access WHERE id = $1", [id])).rowCount > 0;
  }

  async listAccess(): Promise<AccessEntry[]> {
    return (await this.q.query<AccessRow>("SELECT * FROM access ORDER BY granted_at, id")).rows.map(toAccess);
  }

  async addFeedback(f: { userId: number; chatId: number; question: string; answer: string; vote: 1 | -1 }): Promise<void> {
    await this.q.query(`INSERT INTO feedback (user_id, chat_id, question, answer, vote, created_at)
      VALUES ($1, $2, $3, $4, $5, $6)`, [f.userId, f.chatId, f.question, f.answer, f.vote, this.stamp()]);
  }

  async addSubscription(sub: Omit<Subscription, "id" | "createdAt" | "paused">): Promise<Subscription> {
    const r = await this.q.query<SubscriptionRow>(`INSERT INTO subscriptions (chat_id, org_ids, cadence, time, weekday,
      lookahead_days, send_empty, paused, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, false, $8) RETURNING *`,
    [sub.chatId, JSON.stringify(sub.orgIds), sub.cadence, sub.time, sub.weekday ?? null, sub.lookaheadDays,
      sub.sendEmpty, this.stamp()]);
    return toSubscription(r.rows[0]!);
  }

  /** Removes one subscription of the chat, or all of them; returns how many. */
  async removeSubscriptions(chatId: number, id?: number): Promise<number> {
    return (await this.q.query("DELETE FROM subscriptions WHERE chat_id = $1 AND ($2::bigint IS NULL OR id = $2::bigint)",
      [chatId, id ?? null])).rowCount;
  }

  async listSubscriptions(chatId?: number): Promise<Subscription[]> {
    const r = await this.q.query<SubscriptionRow>(
      "SELECT * FROM subscriptions WHERE ($1::bigint IS NULL OR chat_id = $1::bigint) ORDER BY id", [chatId ?? null]);
    return r.rows.map(toSubscription);
  }

  async setPaused(chatId: number, paused: boolean): Promise<void> {
    await this.q.query("UPDATE subscriptions SET paused = $1 WHERE chat_id = $2", [paused, chatId]);
  }

  /** One INSERT on UNIQUE (subscription, slot): exactly one claimer wins across every process. */
  async claimDelivery(subscriptionId: number, slot: string): Promise<boolean> {
    const r = await this.q.query(`INSERT INTO deliveries (subscription_id, slot, status, claimed_at)
      VALUES ($1, $2, 'claimed', $3) ON CONFLICT (subscription_id, slot) DO NOTHING`, [subscriptionId, slot, this.stamp()]);
    return r.rowCount === 1;
  }

  async markDelivered(subscriptionId: number, slot: string, status: "sent" | "empty" | "failed"): Promise<void> {
    await this.q.query("UPDATE deliveries SET status = $1, finished_at = $2 WHERE subscription_id = $3 AND slot = $4",
      [status, this.stamp(), subscriptionId, slot]);
  }

  /** The latest slot claimed for the subscription (slots sort as strings, COLLATE "C"). */
  async lastSlot(subscriptionId: number): Promise<string | undefined> {
    const r = await this.q.query<{ s: string | null }>("SELECT max(slot) AS s FROM deliveries WHERE subscription_id = $1", [subscriptionId]);
    return r.rows[0]?.s ?? undefined;
  }

  private stamp(): string {
    return this.now().toISOString();
  }
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
    time: r.time, lookaheadDays: r.lookahead_days, sendEmpty: r.send_empty, paused: r.paused, createdAt: r.created_at,
  };
  if (r.weekday !== null) sub.weekday = r.weekday;
  return sub;
}
