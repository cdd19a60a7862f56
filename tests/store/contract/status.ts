/** Contract: task statuses, their history, reporters, and what re-saving a document does to them. */
import { describe, expect, it } from "vitest";
import { identityOf, taskKey } from "../../../core/status.js";
import type { Store } from "../../../store/types.js";
import { makeDraft, saveWithVectors } from "../helpers.js";
import { movable, type StoreFactory } from "./factory.js";

const TASK_A = "Bộ Y tế chủ trì xây dựng đề án y tế cơ sở";
const TASK_B = "Bộ Y tế hướng dẫn khám sức khoẻ định kỳ";

function draft(taskA = TASK_A, hashSuffix = "") {
  const d = makeDraft({
    path: "/c/kl-1.txt", number: "1-KL/TW", date: "2026-03-01",
    items: [
      { label: "1", text: `${taskA}, hoàn thành trong quý II/2026.`, tasks: [{ orgId: "bo-y-te", org: "Bộ Y tế", quote: taskA, deadline: { text: "quý II/2026", kind: "range", due: "2026-06-30" } }] },
      { label: "2", text: `${TASK_B}.`, tasks: [{ orgId: "bo-y-te", org: "Bộ Y tế", quote: TASK_B }] },
    ],
  });
  return { ...d, hash: d.hash + hashSuffix };
}

async function tasksOf(store: Store) {
  return store.findAssignments({ orgIds: ["bo-y-te"] });
}

export function statusContract(factory: StoreFactory): void {
  describe(`${factory.name}: task statuses`, () => {
    it("records a change with its history and returns it by key", async () => {
      const clock = movable("2026-05-10T03:00:00Z");
      const store = await factory.open(clock.now);
      await saveWithVectors(store, draft());
      const [a] = await tasksOf(store);
      const identity = identityOf(a!);
      expect(await store.getTaskStatuses([taskKey(identity)])).toEqual(new Map());

      await store.setTaskStatus({ identity, to: "doing", by: "tg:7" });
      clock.advance(86_400_000);
      const done = await store.setTaskStatus({ identity, to: "done", by: "tg:7", note: "Đã trình", evidence: { file: "bao-cao.pdf" } });
      expect(done).toMatchObject({ state: "done", doneOn: "2026-05-11", note: "Đã trình", needsReview: false, updatedBy: "tg:7" });
      clock.advance(3_600_000);
      await store.setTaskStatus({ identity, by: "cli", note: "Đã gửi bản chính" });

      const got = (await store.getTaskStatuses([taskKey(identity)])).get(taskKey(identity));
      expect(got).toMatchObject({ state: "done", doneOn: "2026-05-11", note: "Đã gửi bản chính", evidence: { file: "bao-cao.pdf" } });
      const history = await store.taskStatusHistory(taskKey(identity));
      expect(history.map((h) => [h.from, h.to, h.by])).toEqual([[null, "doing", "tg:7"], ["doing", "done", "tg:7"], ["done", "done", "cli"]]);
      expect(history[1]!.evidence).toEqual({ file: "bao-cao.pdf" });
      expect((await store.getTaskStatuses()).size).toBe(1);
    });

    it("keeps statuses when the document is saved again, and carries a reworded task's status flagged for review", async () => {
      const store = await factory.open(movable("2026-05-10T03:00:00Z").now);
      await saveWithVectors(store, draft());
      const [a, b] = await tasksOf(store);
      await store.setTaskStatus({ identity: identityOf(a!), to: "done", by: "cli" });
      await store.setTaskStatus({ identity: identityOf(b!), to: "doing", by: "cli" });

      await saveWithVectors(store, draft(TASK_A, "-same"));
      const again = await store.getTaskStatuses();
      expect([...again.values()].map((s) => [s.state, s.needsReview]).sort()).toEqual([["doing", false], ["done", false]]);

      const reworded = "Bộ Y tế chủ trì xây dựng và trình đề án y tế cơ sở";
      await saveWithVectors(store, draft(reworded, "-changed"));
      const [a2] = await tasksOf(store);
      const moved = (await store.getTaskStatuses([taskKey(identityOf(a2!))])).get(taskKey(identityOf(a2!)));
      expect(moved).toMatchObject({ state: "done", needsReview: true });
      expect((await store.getTaskStatuses([taskKey(identityOf(a!))])).size).toBe(0);
      const history = await store.taskStatusHistory(taskKey(identityOf(a2!)));
      expect(history.map((h) => h.by)).toEqual(["cli", "ingest"]);

      await store.confirmTaskStatus(moved!.key);
      expect((await store.getTaskStatuses([moved!.key])).get(moved!.key)!.needsReview).toBe(false);
    });

    it("keeps reporters per body", async () => {
      const store = await factory.open();
      await store.addReporter({ orgKey: "bo-y-te", userId: 42, grantedBy: 1 });
      await store.addReporter({ orgKey: "bo-y-te", userId: 42, grantedBy: 1 });
      await store.addReporter({ orgKey: "bo-noi-vu", userId: 43 });
      expect((await store.listReporters("bo-y-te")).map((r) => r.userId)).toEqual([42]);
      expect((await store.listReporters()).length).toBe(2);
      expect(await store.removeReporter("bo-y-te", 42)).toBe(true);
      expect(await store.removeReporter("bo-y-te", 42)).toBe(false);
      expect((await store.listReporters("bo-y-te")).length).toBe(0);
    });

    it("exports statuses, history and reporters with the bot's rows, and imports them once", async () => {
      const source = await factory.open(movable("2026-05-10T03:00:00Z").now);
      await saveWithVectors(source, draft());
      const [a] = await tasksOf(source);
      await source.setTaskStatus({ identity: identityOf(a!), to: "done", by: "tg:7", note: "xong" });
      await source.addReporter({ orgKey: "bo-y-te", userId: 42 });
      const state = await source.exportBotState();
      expect(state.status?.statuses.length).toBe(1);

      const target = await factory.open();
      await target.importBotState(state);
      await target.importBotState(state);
      const copied = await target.exportBotState();
      expect(copied.status).toEqual(state.status);
    });
  });
}
