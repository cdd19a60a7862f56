import { describe, expect, it } from "vitest";
import { makeDraft, open, saveWithVectors, tempDir } from "./helpers.js";

/** The SQLite store keeps each document and its sections once read; they must follow changes. */
describe("SQLite documents and sections, cached", () => {
  it("read as they are now, after this or another process replaced or removed the document", async () => {
    const dir = tempDir();
    const reader = await open(dir);
    const writer = await open(dir);
    const saved = await saveWithVectors(writer, makeDraft({ path: "/c/a.txt", items: [{ label: "1", text: "Bộ Tài chính rà soát." }] }));
    const view = async () => [(await reader.getDocument(saved.id))?.text, (await reader.getSections(saved.id)).map((s) => s.label)];
    const first = await view();
    expect(first[0]).toContain("Bộ Tài chính rà soát.");
    expect(await view()).toEqual(first);
    // A caller changing what it got does not change the next answer.
    (await reader.getSections(saved.id))[0]!.label = "changed";
    (await reader.getDocument(saved.id))!.text = "changed";
    expect(await view()).toEqual(first);

    // Another process saves the same path again (same id): the new text and sections are read.
    const again = await saveWithVectors(writer, makeDraft({ path: "/c/a.txt", items: [{ label: "2", text: "Bộ Nội vụ hướng dẫn." }, { label: "3", text: "Bộ Y tế báo cáo." }] }));
    expect(again.id).toBe(saved.id);
    const second = await view();
    expect(second[0]).toContain("Bộ Nội vụ hướng dẫn.");
    expect(second[1]).toEqual(expect.arrayContaining(["2", "3"]));
    await reader.removeDocument(saved.id);
    expect(await reader.getDocument(saved.id)).toBeUndefined();
    expect(await reader.getSections(saved.id)).toEqual([]);
    await reader.close();
    await writer.close();
  });
});
