import { describe, expect, it } from "vitest";
import { makeDraft, open, saveWithVectors, tempDir } from "./helpers.js";

/**
 * The SQLite store keeps each document's tasks for `findAssignments({ docIds })`; a `limit` sends the same
 * question to SQL uncached, so the two must agree, in order, across saves, removals and other processes.
 */
describe("SQLite tasks by document, cached", () => {
  const doc = (path: string, date: string | undefined, org: string) => makeDraft({
    path, date, items: [
      { label: "1", text: `${org} chủ trì rà soát kinh phí.`, tasks: [{ org, quote: "chủ trì rà soát kinh phí" }] },
      { label: "2", text: `${org} báo cáo Thủ tướng.`, tasks: [{ org, quote: "báo cáo Thủ tướng", role: "coordinate" }] },
    ],
  });

  it("gives what the uncached query gives, newest document first, and follows changes", async () => {
    const dir = tempDir();
    const store = await open(dir);
    const other = await open(dir);
    const a = await saveWithVectors(store, doc("/c/a.txt", "2025-01-02", "Bộ Tài chính"));
    const b = await saveWithVectors(store, doc("/c/b.txt", undefined, "Bộ Nội vụ"));
    const c = await saveWithVectors(store, doc("/c/c.txt", "2025-06-01", "Bộ Y tế"));
    const ids = [a.id, b.id, c.id];
    const check = async (docIds: number[]) => {
      const cached = await store.findAssignments({ docIds });
      expect(cached).toEqual(await store.findAssignments({ docIds, limit: 1000 }));
      return cached;
    };
    expect((await check(ids)).map((t) => [t.docId, t.org])).toEqual([
      [c.id, "Bộ Y tế"], [c.id, "Bộ Y tế"], [a.id, "Bộ Tài chính"], [a.id, "Bộ Tài chính"], [b.id, "Bộ Nội vụ"], [b.id, "Bộ Nội vụ"],
    ]);
    expect((await check([a.id])).length).toBe(2);
    // A caller changing what it got does not change the next answer.
    (await store.findAssignments({ docIds: [a.id] }))[0]!.coordinators.push("Bộ Công an");
    expect((await check([a.id]))[0]!.coordinators).toEqual([]);

    await store.removeDocument(c.id);
    expect((await check(ids)).map((t) => t.docId)).toEqual([a.id, a.id, b.id, b.id]);
    // Another process replaces a document: its new tasks are read, not the remembered ones.
    await saveWithVectors(other, doc("/c/a.txt", "2025-01-02", "Bộ Công an"));
    const after = await check(ids);
    expect(after.map((t) => t.org)).toEqual(["Bộ Công an", "Bộ Công an", "Bộ Nội vụ", "Bộ Nội vụ"]);
    expect(await store.findAssignments({ docIds: [] })).toEqual([]);
    await store.close();
    await other.close();
  });
});
