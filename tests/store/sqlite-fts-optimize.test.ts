import Database from "better-sqlite3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { lexical, makeDraft, open, saveWithVectors, tempDir } from "./helpers.js";

/** flush() merges the full-text index after a batch; searches must find the same passages afterwards. */
describe("SQLite full-text index merge on flush", () => {
  it("leaves one segment after a batch, with the same search hits and scores, and keeps later writes searchable", async () => {
    const dir = tempDir();
    const store = await open(dir);
    const texts = ["Bộ Tài chính chủ trì rà soát kinh phí.", "Ủy ban nhân dân tỉnh báo cáo kết quả.", "Bộ Nội vụ hướng dẫn tinh gọn bộ máy."];
    for (const [i, text] of texts.entries()) {
      await saveWithVectors(store, makeDraft({ path: `/c/${i}.txt`, items: [{ label: "1", text }, { label: "2", text: `${text} Bộ phối hợp.` }] }));
    }
    const segments = () => {
      const db = new Database(join(dir, "nhiemvu.sqlite"), { readonly: true });
      try { return db.prepare("SELECT count(DISTINCT segid) FROM chunks_fts_idx").pluck().get() as number; } finally { db.close(); }
    };
    const search = () => store.searchLexical(lexical("folded", "bo", "bao cao"), {}, 10);
    const before = await search();
    expect(segments()).toBeGreaterThan(1);
    await store.flush();
    expect(segments()).toBe(1);
    expect(await search()).toEqual(before);

    const later = await saveWithVectors(store, makeDraft({ path: "/c/later.txt", items: [{ label: "1", text: "Bộ Y tế báo cáo." }] }));
    await store.removeDocument((await store.listDocuments()).find((d) => d.path === "/c/0.txt")!.id);
    await store.flush();
    expect(segments()).toBe(1);
    const hits = await store.getChunks((await store.searchLexical(lexical("folded", "y te"), {}, 10)).map((h) => h.chunkId));
    expect(hits.map((c) => c.docId)).toEqual([later.id]);
    expect(await store.searchLexical(lexical("folded", "tai chinh"), {}, 10)).toEqual([]);
    await store.close();
  });
});
