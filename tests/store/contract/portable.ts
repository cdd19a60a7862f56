/** Contract: a store's content read out and written into another store without re-ingesting. */
import { describe, expect, it } from "vitest";
import type { Store } from "../../../store/types.js";
import { cosine, makeDraft, saveWithVectors, vectorsFor } from "../helpers.js";
import { clock, type StoreFactory } from "./factory.js";

const draft = () => makeDraft({
  path: "/c/kl-229.txt", number: "229-KL/TW", date: "2025-06-10",
  items: [
    {
      label: "1", text: "Bộ Y tế chủ trì xây dựng đề án y tế cơ sở, hoàn thành trong tháng 9/2025.",
      tasks: [{
        orgId: "bo-y-te", org: "Bộ Y tế", quote: "Bộ Y tế chủ trì xây dựng đề án y tế cơ sở", coordinators: ["Bộ Tài chính"],
        deadline: { text: "trong tháng 9/2025", kind: "range", start: "2025-09-01", due: "2025-09-30" },
      }],
    },
    { label: "1 (a)", text: "Bộ Nội vụ phối hợp hoàn thiện đề án.", tasks: [{ org: "Bộ Nội vụ", role: "coordinate", quote: "Bộ Nội vụ phối hợp" }] },
    {
      label: "2", text: "Ủy ban nhân dân các tỉnh thực hiện trong quý II/2026.",
      tasks: [{
        org: "Ủy ban nhân dân các tỉnh", role: "execute", quote: "Ủy ban nhân dân các tỉnh thực hiện",
        period: { text: "quý II/2026", kind: "range", start: "2026-04-01", end: "2026-06-30", label: "Q2/2026" },
      }],
    },
  ],
});

const daily = { chatId: -100, orgIds: ["bo-y-te"], cadence: "daily" as const, time: "07:30", lookaheadDays: 14, sendEmpty: false };

/** Access, three subscriptions of which the first is removed (ids with a gap), deliveries and feedback. */
async function botRows(store: Store): Promise<void> {
  await store.grant({ id: 42, kind: "user", label: "Chị Lan", grantedBy: 1 });
  await store.grant({ id: -100500, kind: "chat" });
  const gone = await store.addSubscription(daily);
  const kept = await store.addSubscription({ ...daily, chatId: 7 });
  await store.addSubscription({ ...daily, chatId: 8, orgIds: [], cadence: "weekly", weekday: 1, sendEmpty: true });
  await store.removeSubscriptions(daily.chatId, gone.id);
  expect(await store.claimDelivery(kept.id, "2026-03-02T07:30")).toBe(true);
  await store.markDelivered(kept.id, "2026-03-02T07:30", "sent");
  expect(await store.claimDelivery(kept.id, "2026-03-03T07:30")).toBe(true);
  await store.setPaused(8, true);
  await store.addFeedback({ userId: 42, chatId: 42, question: "Bộ Y tế được giao gì?", answer: "Bộ Y tế chủ trì…", vote: 1 });
  await store.addFeedback({ userId: 42, chatId: 42, question: "Hạn nào?", answer: "…", vote: -1 });
}

export function portableContract(f: StoreFactory): void {
  describe(`export and import (${f.name})`, () => {
    it("exports a document as the draft it was saved from, with its vectors in chunk order", async () => {
      const store = await f.open(clock("2026-02-03T04:05:06.000Z"));
      const saved = draft();
      const { id } = await saveWithVectors(store, saved);
      const out = await store.exportDocument(id);
      expect(out).toBeDefined();
      expect(out!.draft).toEqual(saved);
      expect(out!.ingestedAt).toBe("2026-02-03T04:05:06.000Z");
      // A cosine index may keep vectors normalised: the same directions, each at its own chunk (the
      // three chunks' vectors differ, so an order mix-up fails).
      const savedVectors = await vectorsFor(saved);
      expect(out!.vectors.map((v) => v.length)).toEqual(savedVectors.map((v) => v.length));
      expect(out!.vectors.map((v, i) => cosine(v, savedVectors[i]!))).toEqual(savedVectors.map(() => expect.closeTo(1, 5)));
      expect(await store.exportDocument(id + 1000)).toBeUndefined();
    });

    it("exports no vectors for a document whose chunks lack some", async () => {
      const store = await f.open();
      const { id } = await store.saveDocument(draft(), []);
      const out = await store.exportDocument(id);
      expect(out!.draft).toEqual(draft());
      expect(out!.vectors).toEqual([]);
    });

    it("moves the bot's rows to another store keeping ids; new rows there get fresh ids", async () => {
      const source = await f.open(clock("2026-03-01T00:00:00.000Z"));
      await botRows(source);
      const state = await source.exportBotState();
      expect(state.access.map((a) => a.id).sort((x, y) => x - y)).toEqual([-100500, 42]);
      expect(state.subscriptions).toHaveLength(2);
      expect(state.deliveries.map((d) => [d.slot, d.finishedAt !== undefined])).toEqual([
        ["2026-03-02T07:30", true], ["2026-03-03T07:30", false],
      ]);
      expect(state.deliveries[0]!.status).toBe("sent");
      expect(state.feedback.map((e) => e.vote)).toEqual([1, -1]);

      const target = await f.open(clock("2026-04-01T00:00:00.000Z"));
      await target.importBotState(state);
      expect(await target.exportBotState()).toEqual(state);
      expect(await target.listSubscriptions()).toEqual(await source.listSubscriptions());
      expect(await target.listAccess()).toEqual(await source.listAccess());
      // A delivery claimed before the move is still claimed after it.
      const kept = state.subscriptions.find((s) => s.chatId === 7)!;
      expect(await target.claimDelivery(kept.id, "2026-03-03T07:30")).toBe(false);
      expect(await target.lastSlot(kept.id)).toBe(await source.lastSlot(kept.id));

      const fresh = await target.addSubscription({ ...daily, chatId: 9 });
      expect(fresh.id).toBeGreaterThan(Math.max(...state.subscriptions.map((s) => s.id)));
      expect(fresh.createdAt).toBe("2026-04-01T00:00:00.000Z");
    });

    it("leaves rows that exist alone when the same state is imported again", async () => {
      const source = await f.open(clock("2026-03-01T00:00:00.000Z"));
      await botRows(source);
      const state = await source.exportBotState();
      const target = await f.open();
      await target.importBotState(state);
      await target.setPaused(7, true);
      await target.grant({ id: 42, kind: "user", label: "Lan (Văn phòng)" });
      await target.importBotState(state);
      const again = await target.exportBotState();
      expect(again.subscriptions).toHaveLength(state.subscriptions.length);
      expect(again.subscriptions.find((s) => s.chatId === 7)!.paused).toBe(true);
      expect(again.access.find((a) => a.id === 42)!.label).toBe("Lan (Văn phòng)");
      expect(again.deliveries).toEqual(state.deliveries);
    });
  });
}
