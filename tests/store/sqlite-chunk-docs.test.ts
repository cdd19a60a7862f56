import { describe, expect, it } from "vitest";
import { lexical, makeDraft, open, saveWithVectors, tempDir } from "./helpers.js";

/** getChunks reads each document's name, meta and section labels once; they must follow changes. */
describe("SQLite chunks with their document", () => {
  it("show the document and section as they are now, after another process replaced the document", async () => {
    const dir = tempDir();
    const reader = await open(dir);
    const writer = await open(dir);
    const first = makeDraft({ path: "/c/a.txt", number: "12-KL/TW", items: [{ label: "1", text: "Bộ Tài chính rà soát." }, { label: "1 (a)", text: "Bộ Y tế báo cáo." }] });
    const saved = await saveWithVectors(writer, first);
    const ids = async () => (await reader.searchLexical(lexical("folded", "bo"), { docIds: [saved.id] }, 10)).map((h) => h.chunkId);
    const view = async () => (await reader.getChunks(await ids())).map((c) => [c.docName, c.docMeta.number, c.sectionLabel]).sort();
    expect(await view()).toEqual([["a.txt", "12-KL/TW", "1"], ["a.txt", "12-KL/TW", "1 (a)"]]);

    const second = makeDraft({ path: "/c/a.txt", number: "15-KL/TW", items: [{ label: "2", text: "Bộ Nội vụ hướng dẫn, báo cáo." }] });
    const again = await saveWithVectors(writer, second);
    expect(again.id).toBe(saved.id);
    expect(await view()).toEqual([["a.txt", "15-KL/TW", "2"]]);
    await reader.close();
    await writer.close();
  });
});
