/** The bot's own tables: access list, feedback, digest subscriptions and their deliveries. */
import type { Database, Statement } from "better-sqlite3";
import type { AccessEntry, Subscription } from "../types.js";

interface AccessRow { id: number; kind: AccessEntry["kind"]; label: string | null; granted_by: number | null; granted_at: string }
interface SubscriptionRow {
  id: number; chat_id: number; org_ids: string; cadence: Subscription["cadence"]; time: string; weekday: number | null;
  lookahead_days: number; send_empty: number; paused: number; created_at: string;
}

function prepare(db: Database) {
  const p = (sql: string): Statement => db.prepare(sql);
  return {
    allowed: p("SELECT 1 FROM access WHERE id = ?").pluck(),
    grant: p(`INSERT INTO access (id, kind, label, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, label = excluded.label,
      granted_by = excluded.granted_by, granted_at = excluded.granted_at`),
    revoke: p("DELETE FROM access WHERE id = ?"),
    listAccess: p("SELECT * FROM access ORDER BY granted_at, id"),
    feedback: p(`INSERT INTO feedback (user_id, chat_id, question, answer, vote, created_at)
      VALUES (?, ?, ?, ?, ?, ?)`),
    addSub: p(`INSERT INTO subscriptions (chat_id, org_ids, cadence, time, weekday, lookahead_days, send_empty,
      paused, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING *`),
    removeSub: p("DELETE FROM subscriptions WHERE chat_id = @chat AND (@id IS NULL OR id = @id)"),
    listSubs: p("SELECT * FROM subscriptions WHERE (@chat IS NULL OR chat_id = @chat) ORDER BY id"),
    pause: p("UPDATE subscriptions SET paused = ? WHERE chat_id = ?"),
    claim: p(`INSERT INTO deliveries (subscription_id, slot, status, claimed_at) VALUES (?, ?, 'claimed', ?)
      ON CONFLICT (subscription_id, slot) DO NOTHING`),
    deliver: p("UPDATE deliveries SET status = ?, finished_at = ? WHERE subscription_id = ? AND slot = ?"),
    lastSlot: p("SELECT max(slot) FROM deliveries WHERE subscription_id = ?").pluck(),
  };
}

export class BotTables {
  private readonly s: ReturnType<typeof prepare>;

  constructor(db: Database, private readonly now: () => Date) {
    this.s = prepare(db);
  }

  isAllowed(id: number): boolean {
    return this.s.allowed.get(id) !== undefined;
  }

  /** Adds or updates an entry (granting twice refreshes label and grantor). */
  grant(e: Omit<AccessEntry, "grantedAt">): void {
    this.s.grant.run(e.id, e.kind, e.label ?? null, e.grantedBy ?? null, this.stamp());
  }

  revoke(id: number): boolean {
    return this.s.revoke.run(id).changes > 0;
  }

  listAccess(): AccessEntry[] {
    return (this.s.listAccess.all() as AccessRow[]).map((r) => {
      const e: AccessEntry = { id: r.id, kind: r.kind, grantedAt: r.granted_at };
      if (r.label !== null) e.label = r.label;
      if (r.granted_by !== null) e.grantedBy = r.granted_by;
      return e;
    });
  }

  addFeedback(f: { userId: number; chatId: number; question: string; answer: string; vote: 1 | -1 }): void {
    this.s.feedback.run(f.userId, f.chatId, f.question, f.answer, f.vote, this.stamp());
  }

  addSubscription(sub: Omit<Subscription, "id" | "createdAt" | "paused">): Subscription {
    const row = this.s.addSub.get(sub.chatId, JSON.stringify(sub.orgIds), sub.cadence, sub.time,
      sub.weekday ?? null, sub.lookaheadDays, sub.sendEmpty ? 1 : 0, this.stamp()) as SubscriptionRow;
    return toSubscription(row);
  }

  /** Removes one subscription of the chat, or all of them; returns how many. */
  removeSubscriptions(chatId: number, id?: number): number {
    return this.s.removeSub.run({ chat: chatId, id: id ?? null }).changes;
  }

  listSubscriptions(chatId?: number): Subscription[] {
    return (this.s.listSubs.all({ chat: chatId ?? null }) as SubscriptionRow[]).map(toSubscription);
  }

  setPaused(chatId: number, paused: boolean): void {
    this.s.pause.run(paused ? 1 : 0, chatId);
  }

  /**
   * One INSERT on a UNIQUE (subscription, slot): atomic across processes sharing the file, so exactly one
   * claimer wins. A claimed slot stays claimed whatever its outcome (no double sends after a crash).
   */
  claimDelivery(subscriptionId: number, slot: string): boolean {
    return this.s.claim.run(subscriptionId, slot, this.stamp()).changes === 1;
  }

  markDelivered(subscriptionId: number, slot: string, status: "sent" | "empty" | "failed"): void {
    this.s.deliver.run(status, this.stamp(), subscriptionId, slot);
  }

  /** The latest slot claimed for the subscription (slots sort as strings, e.g. "2026-06-01T07:30"). */
  lastSlot(subscriptionId: number): string | undefined {
    return (this.s.lastSlot.get(subscriptionId) as string | null) ?? undefined;
  }

  private stamp(): string {
    return this.now().toISOString();
  }
}

function toSubscription(r: SubscriptionRow): Subscription {
  const sub: Subscription = {
    id: r.id, chatId: r.chat_id, orgIds: JSON.parse(r.org_ids) as string[], cadence: r.cadence, time: r.time,
    lookaheadDays: r.lookahead_days, sendEmpty: r.send_empty === 1, paused: r.paused === 1, createdAt: r.created_at,
  };
  if (r.weekday !== null) sub.weekday = r.weekday;
  return sub;
}
