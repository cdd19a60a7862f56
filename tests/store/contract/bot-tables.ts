/** Contract: access grants, feedback, subscriptions and once-only delivery claims across processes. */
import { describe, expect, it } from "vitest";
import { clock, type StoreFactory } from "./factory.js";

export function botTablesContract(f: StoreFactory): void {
  const daily = { chatId: -100, orgIds: ["bo-y-te"], cadence: "daily" as const, time: "07:30", lookaheadDays: 14, sendEmpty: false };

  describe(`access and feedback (${f.name})`, () => {
    it("grants, lists, refreshes and revokes access", async () => {
      const store = await f.open(clock("2026-01-02T03:04:05.000Z"));
      expect(await store.isAllowed(42)).toBe(false);
      await store.grant({ id: 42, kind: "user", label: "Chị Lan", grantedBy: 1 });
      await store.grant({ id: -100500, kind: "chat" });
      expect(await store.isAllowed(42)).toBe(true);
      expect(await store.listAccess()).toEqual([
        { id: -100500, kind: "chat", grantedAt: "2026-01-02T03:04:05.000Z" },
        { id: 42, kind: "user", label: "Chị Lan", grantedBy: 1, grantedAt: "2026-01-02T03:04:05.000Z" },
      ]);
      await store.grant({ id: 42, kind: "user", label: "Lan (Văn phòng)" });
      expect((await store.listAccess()).find((e) => e.id === 42)?.label).toBe("Lan (Văn phòng)");
      expect(await store.revoke(42)).toBe(true);
      expect(await store.revoke(42)).toBe(false);
      expect(await store.isAllowed(42)).toBe(false);
    });

    it("records feedback", async () => {
      const store = await f.open();
      await store.addFeedback({ userId: 1, chatId: 2, question: "Bộ Y tế được giao gì?", answer: "…", vote: -1 });
      await store.close();
      const rows = await f.query(store, `SELECT CAST(user_id AS INTEGER) AS user_id, CAST(chat_id AS INTEGER) AS chat_id,
        question, vote FROM feedback`);
      expect(rows).toEqual([{ user_id: 1, chat_id: 2, question: "Bộ Y tế được giao gì?", vote: -1 }]);
    });
  });

  describe(`subscriptions and deliveries (${f.name})`, () => {
    it("adds, lists, pauses and removes subscriptions per chat", async () => {
      const store = await f.open(clock("2026-03-01T00:00:00.000Z"));
      const a = await store.addSubscription(daily);
      const b = await store.addSubscription({ ...daily, orgIds: [], cadence: "weekly", weekday: 1, sendEmpty: true });
      await store.addSubscription({ ...daily, chatId: 7 });
      expect(a).toEqual({ ...daily, id: a.id, paused: false, createdAt: "2026-03-01T00:00:00.000Z" });
      expect(b.weekday).toBe(1);
      expect(b.sendEmpty).toBe(true);
      expect((await store.listSubscriptions(-100)).map((s) => s.id)).toEqual([a.id, b.id]);
      expect(await store.listSubscriptions()).toHaveLength(3);

      await store.setPaused(-100, true);
      expect((await store.listSubscriptions(-100)).every((s) => s.paused)).toBe(true);
      expect((await store.listSubscriptions(7))[0]!.paused).toBe(false);

      expect(await store.removeSubscriptions(-100, a.id)).toBe(1);
      expect(await store.removeSubscriptions(7, b.id)).toBe(0); // another chat's subscription
      expect(await store.removeSubscriptions(-100)).toBe(1);
      expect(await store.listSubscriptions(-100)).toEqual([]);
    });

    it("claims a delivery slot once, also against a second store on the same files", async () => {
      const first = await f.open();
      const second = await f.reopen(first);
      const sub = await first.addSubscription(daily);

      expect(await first.claimDelivery(sub.id, "2026-03-02T07:30")).toBe(true);
      expect(await first.claimDelivery(sub.id, "2026-03-02T07:30")).toBe(false);
      expect(await second.claimDelivery(sub.id, "2026-03-02T07:30")).toBe(false);
      expect(await second.claimDelivery(sub.id, "2026-03-03T07:30")).toBe(true);
      expect(await first.claimDelivery(sub.id, "2026-03-03T07:30")).toBe(false);

      await second.markDelivered(sub.id, "2026-03-03T07:30", "sent");
      expect(await first.lastSlot(sub.id)).toBe("2026-03-03T07:30");
      expect(await first.lastSlot(sub.id + 1)).toBeUndefined();

      // Removing the subscription drops its deliveries.
      await first.removeSubscriptions(daily.chatId);
      expect(await f.query(first, "SELECT CAST(count(*) AS INTEGER) AS n FROM deliveries")).toEqual([{ n: 0 }]);
    });
  });
}
