import { describe, expect, it } from "vitest";
import { makeDraft, open, saveWithVectors, tempDir } from "./helpers.js";

/** The SQLite store caches document frequencies; these check the cache never outlives a change. */
describe("SQLite term frequencies", () => {
  it("follow documents saved and removed through the store, asked again with the same words", async () => {
    const store = await open(tempDir());
    await saveWithVectors(store, makeDraft({ path: "/c/a.txt", items: [{ label: "1", text: "Đảng uỷ Chính phủ lãnh đạo." }, { label: "2", text: "Ủy ban tỉnh báo cáo." }] }));
    const first = await store.termFrequencies("folded", ["dang", "uy", "tinh", "khong"]);
    expect([first.chunks, Object.fromEntries(first.df)]).toEqual([2, { dang: 1, uy: 2, tinh: 1 }]);
    const other = await saveWithVectors(store, makeDraft({ path: "/c/b.txt", items: [{ label: "1", text: "Đảng uỷ tỉnh không họp." }] }));
    const more = await store.termFrequencies("folded", ["dang", "uy", "tinh", "khong"]);
    expect([more.chunks, Object.fromEntries(more.df)]).toEqual([3, { dang: 2, uy: 3, tinh: 2, khong: 1 }]);
    await store.removeDocument(other.id);
    const after = await store.termFrequencies("folded", ["dang", "uy", "tinh", "khong"]);
    expect([after.chunks, Object.fromEntries(after.df)]).toEqual([2, { dang: 1, uy: 2, tinh: 1 }]);
  });

  it("follow a document another process saved in the same store", async () => {
    const dir = tempDir();
    const reader = await open(dir);
    const writer = await open(dir);
    await saveWithVectors(writer, makeDraft({ path: "/c/a.txt", items: [{ label: "1", text: "Đảng uỷ Chính phủ." }] }));
    expect(Object.fromEntries((await reader.termFrequencies("folded", ["dang", "tinh"])).df)).toEqual({ dang: 1 });
    await saveWithVectors(writer, makeDraft({ path: "/c/b.txt", items: [{ label: "1", text: "Đảng uỷ tỉnh." }] }));
    const seen = await reader.termFrequencies("folded", ["dang", "tinh"]);
    expect([seen.chunks, Object.fromEntries(seen.df)]).toEqual([2, { dang: 2, tinh: 1 }]);
  });
});
