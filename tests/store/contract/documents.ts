/** Contract: documents saved, read back, found, replaced and removed; reopening keeps them. */
import { describe, expect, it } from "vitest";
import { lexical, makeDraft, queryVector, saveWithVectors } from "../helpers.js";
import type { StoreFactory } from "./factory.js";

const kl229 = () => makeDraft({
  path: "/corpus/Ket luan 229.txt", number: "229-KL/TW", date: "2025-06-10",
  items: [
    { label: "1", text: "Ban Tổ chức Trung ương chủ trì rà soát tổ chức bộ máy.", tasks: [{ org: "Ban Tổ chức Trung ương", quote: "Ban Tổ chức Trung ương chủ trì rà soát tổ chức bộ máy." }] },
    { label: "1 (a)", text: "Bộ Nội vụ phối hợp hoàn thiện đề án.", tasks: [{ org: "Bộ Nội vụ", role: "coordinate", quote: "Bộ Nội vụ phối hợp hoàn thiện đề án." }] },
    { label: "2", text: "Các tỉnh ủy báo cáo kết quả thực hiện." },
  ],
});
const tb634 = () => makeDraft({
  path: "/corpus/tb-634.txt", number: "634/TB-VPCP", kind: "thong_bao", date: "2025-07-01",
  items: [{ label: "1", text: "Bộ Y tế chủ trì xây dựng kế hoạch phòng chống dịch." }],
});
const other229 = () => makeDraft({
  path: "/corpus/other.txt", number: "229/QĐ-TTg", kind: "quyet_dinh", date: "2024-01-02",
  items: [{ label: "1", text: "Quyết định phê duyệt đề án." }],
});
const nd48 = () => makeDraft({
  path: "/corpus/nd48.txt", number: "48/2013/NĐ-CP", kind: "other", date: "2013-05-14",
  items: [{ label: "1", text: "Sửa đổi, bổ sung các nghị định liên quan đến kiểm soát thủ tục hành chính." }],
});

export function documentsContract(f: StoreFactory): void {
  describe(`documents (${f.name})`, () => {
    it("saves, reads back, lists and removes a document with everything derived from it", async () => {
      const store = await f.open();
      const draft = kl229();
      const { id, status } = await saveWithVectors(store, draft);
      expect(status).toBe("new");

      const doc = await store.getDocument(id);
      expect(doc?.text).toBe(draft.text);
      expect(doc?.meta.number).toBe("229-KL/TW");
      expect(doc).toMatchObject({ name: "Ket luan 229.txt", sections: 3, chunks: 3, assignments: 2, format: "txt" });
      expect((await store.getDocumentByPath(draft.path))?.id).toBe(id);
      expect((await store.listDocuments()).map((d) => d.id)).toEqual([id]);
      expect(await store.stats()).toEqual({ documents: 1, sections: 3, chunks: 3, assignments: 2, vectors: 3 });

      await store.removeDocument(id);
      expect(await store.getDocument(id)).toBeUndefined();
      expect(await store.stats()).toEqual({ documents: 0, sections: 0, chunks: 0, assignments: 0, vectors: 0 });
      expect(await store.searchLexical(lexical("raw", "chủ trì"), {}, 10)).toEqual([]);
      expect(await store.searchVector(await queryVector("tổ chức bộ máy"), {}, 5)).toEqual([]);
    });

    it("replaces the rows and vectors of a document saved again under the same path", async () => {
      const store = await f.open();
      const first = await saveWithVectors(store, kl229());
      const oldChunks = (await store.searchLexical(lexical("raw", "tỉnh ủy"), {}, 10)).map((h) => h.chunkId);
      expect(oldChunks).toHaveLength(1);

      const revised = makeDraft({
        path: "/corpus/Ket luan 229.txt", number: "229-KL/TW", date: "2025-06-10",
        items: [{ label: "1", text: "Bộ Tài chính chủ trì cân đối ngân sách.", tasks: [{ org: "Bộ Tài chính", quote: "Bộ Tài chính chủ trì cân đối ngân sách." }] }],
      });
      const second = await saveWithVectors(store, revised);
      expect(second).toEqual({ id: first.id, status: "updated" });
      expect(await store.stats()).toEqual({ documents: 1, sections: 1, chunks: 1, assignments: 1, vectors: 1 });
      expect(await store.searchLexical(lexical("raw", "tỉnh ủy"), {}, 10)).toEqual([]);
      expect(await store.getChunks(oldChunks)).toEqual([]);
      const hits = await store.searchVector(await queryVector("Các tỉnh ủy báo cáo kết quả"), {}, 5);
      expect(hits.map((h) => h.chunkId).some((id) => oldChunks.includes(id))).toBe(false);
      expect((await store.findAssignments({})).map((a) => a.org)).toEqual(["Bộ Tài chính"]);
      // Chunk ids are never reused: they are vector labels.
      const [newChunk] = await store.searchLexical(lexical("raw", "ngân sách"), {}, 10);
      expect(newChunk!.chunkId).toBeGreaterThan(Math.max(...oldChunks));
    });

    it("finds documents by number, number and year, bare leading number, file name and id", async () => {
      const store = await f.open();
      const a = await saveWithVectors(store, kl229());
      const b = await saveWithVectors(store, tb634());
      const c = await saveWithVectors(store, other229());
      const d = await saveWithVectors(store, nd48());
      const ids = async (ref: string) => (await store.findDocuments(ref)).map((d) => d.id);

      expect(await ids("229-KL/TW")).toEqual([a.id]);
      expect(await ids("229-kl/tw")).toEqual([a.id]);
      expect(await ids("229/QD-TTg")).toEqual([c.id]); // diacritics-insensitive (QĐ)
      expect(await ids("634/TB-VPCP")).toEqual([b.id]);
      expect(await ids("634")).toEqual([b.id]);
      expect(await ids("229")).toEqual([a.id, c.id]); // every match, newest first
      expect(await ids("Ket luan 229.txt")).toEqual([a.id]);
      expect(await ids("ket luan 229")).toEqual([a.id]);
      expect(await ids("tb-634")).toEqual([b.id]);
      expect(await ids(`#${b.id}`)).toEqual([b.id]);
      expect(await ids("48/2013")).toEqual([d.id]); // "Nghị định 48/2013"
      expect(await ids("4/2013")).toEqual([]);
      expect(await ids("48/2014")).toEqual([]);
      expect(await ids("9999")).toEqual([]);
      expect(await ids("")).toEqual([]);
    });

    it("lists sections with labels and assignment counts rolled up to parents", async () => {
      const store = await f.open();
      const { id } = await saveWithVectors(store, kl229());
      const sections = await store.getSections(id);
      expect(sections.map((s) => [s.label, s.parent, s.assignments])).toEqual([
        ["1", null, 2], ["1 (a)", 0, 1], ["2", null, 0],
      ]);
      expect(sections.every((s) => s.docId === id)).toBe(true);
    });

    it("keeps a PDF's page map with the document and gives it to its chunks, tasks and export", async () => {
      const store = await f.open();
      const draft = kl229();
      // Page 2 starts at item "1 (a)".
      const pages = [0, draft.sections[1]!.start];
      const { id } = await saveWithVectors(store, { ...draft, path: "/corpus/kl229.pdf", format: "pdf", pages });
      const plain = await saveWithVectors(store, tb634());
      expect((await store.getDocument(id))?.pages).toEqual(pages);
      expect((await store.getDocument(plain.id))?.pages).toBeUndefined();
      const tasks = await store.findAssignments({ docIds: [id] });
      expect(tasks.map((t) => t.docPages)).toEqual([pages, pages]);
      const chunkOf = async (phrase: string) => (await store.getChunks((await store.searchLexical(lexical("raw", phrase), {}, 10)).map((h) => h.chunkId)))[0];
      expect((await chunkOf("đề án"))?.docPages).toEqual(pages);
      expect((await chunkOf("phòng chống"))?.docPages).toBeUndefined();
      expect((await store.exportDocument(id))?.draft.pages).toEqual(pages);
      expect((await store.exportDocument(plain.id))?.draft).not.toHaveProperty("pages");
      await store.close();
      expect((await (await f.reopen(store)).getDocument(id))?.pages).toEqual(pages);
    });

    it("keeps a document's seams in its metadata and gives them to its chunks, tasks and export", async () => {
      const store = await f.open();
      const draft = kl229();
      const seams = [draft.sections[1]!.start];
      const { id } = await saveWithVectors(store, { ...draft, meta: { ...draft.meta, seams } });
      const plain = await saveWithVectors(store, tb634());
      expect((await store.getDocument(id))?.meta.seams).toEqual(seams);
      expect((await store.getDocument(plain.id))?.meta).not.toHaveProperty("seams");
      expect((await store.findAssignments({ docIds: [id] })).map((t) => t.docMeta.seams)).toEqual([seams, seams]);
      const chunkOf = async (phrase: string) => (await store.getChunks((await store.searchLexical(lexical("raw", phrase), {}, 10)).map((h) => h.chunkId)))[0];
      expect((await chunkOf("đề án"))?.docMeta.seams).toEqual(seams);
      expect((await chunkOf("phòng chống"))?.docMeta).not.toHaveProperty("seams");
      expect((await store.exportDocument(id))?.draft.meta.seams).toEqual(seams);
      await store.close();
    });

    it("keeps documents across reopening and refuses vectors that do not match the chunks", async () => {
      const store = await f.open();
      const draft = kl229();
      await expect(store.saveDocument(draft, [new Float32Array(64)])).rejects.toMatchObject({ code: "bad_vectors" });
      expect((await store.stats()).documents).toBe(0);
      const broken = { ...draft, assignments: [{ ...draft.assignments[0]!, quoteEnd: draft.text.length + 5 }] };
      await expect(saveWithVectors(store, broken)).rejects.toMatchObject({ code: "bad_offsets" });
      expect(await store.stats()).toMatchObject({ documents: 0, chunks: 0, vectors: 0 });
      const { id } = await saveWithVectors(store, draft);
      await store.close();

      const again = await f.reopen(store);
      expect((await again.getDocument(id))?.text).toBe(draft.text);
      expect((await again.stats()).vectors).toBe(3);
    });
  });
}
