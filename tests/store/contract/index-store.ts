/** Contract: the vector side of a store (embedder info, missing vectors, reindex, other processes). */
import { describe, expect, it } from "vitest";
import { makeDraft, queryVector, saveWithVectors, vectorsFor } from "../helpers.js";
import type { StoreFactory } from "./factory.js";

const doc = (n: number, extra = "") => makeDraft({
  path: `/c/doc-${n}.txt`, number: `${n}-KL/TW`, date: `2025-0${n}-01`,
  items: [
    { label: "1", text: `Nội dung thứ nhất của văn bản ${n} về chuyển đổi số ${extra}` },
    { label: "2", text: `Nội dung thứ hai của văn bản ${n} về cải cách hành chính ${extra}` },
  ],
});

export function indexContract(f: StoreFactory): void {
  describe(`vector index (${f.name})`, () => {
    it("remembers the embedder and lists chunks saved without vectors until they are added", async () => {
      const store = await f.open();
      expect(await store.embedderInfo()).toBeUndefined();
      await store.setEmbedderInfo({ name: "local-hash-v1", dimensions: 64 });
      expect(await store.embedderInfo()).toEqual({ name: "local-hash-v1", dimensions: 64 });

      const draft = doc(1);
      const { id } = await store.saveDocument(draft, []);
      const missing = await store.chunksMissingVectors();
      expect(missing.map((c) => c.text)).toEqual(draft.chunks.map((c) => c.text));
      expect(missing.every((c) => c.docId === id && c.docName === "doc-1.txt")).toBe(true);
      expect(await store.stats()).toMatchObject({ chunks: 2, vectors: 0 });
      expect(await store.searchVector(await queryVector("chuyển đổi số"), {}, 3)).toEqual([]);

      await store.addVectors(missing.map((c) => c.id), await vectorsFor(draft));
      expect(await store.chunksMissingVectors()).toEqual([]);
      expect(await store.dropOrphanVectors()).toBe(0);
      expect(await store.stats()).toMatchObject({ chunks: 2, vectors: 2 });
      const [top] = await store.searchVector(await queryVector("văn bản 1 cải cách hành chính"), {}, 1);
      expect((await store.getChunks([top!.chunkId]))[0]!.text).toContain("cải cách hành chính");
    });

    it("clears vectors for a reindex with another dimension", async () => {
      const store = await f.open();
      await store.setEmbedderInfo({ name: "local-hash-v1", dimensions: 64 });
      await saveWithVectors(store, doc(1));
      await store.flush();
      await store.clearVectors();
      const missing = await store.chunksMissingVectors();
      expect(missing).toHaveLength(2);
      const small = missing.map((_, i) => Float32Array.from({ length: 16 }, (_, j) => (j === i ? 1 : 0.1)));
      await store.addVectors(missing.map((c) => c.id), small);
      await store.setEmbedderInfo({ name: "test-16", dimensions: 16 });
      await store.close();
      const again = await f.reopen(store);
      expect((await again.stats()).vectors).toBe(2);
      expect(await again.searchVector(small[0]!, {}, 1)).toEqual([{ chunkId: missing[0]!.id, score: expect.closeTo(1, 5) }]);
    });

    it("lets a second process see vectors another one flushed", async () => {
      const writer = await f.open();
      const reader = await f.reopen(writer);
      expect(await reader.searchVector(await queryVector("chuyển đổi số"), {}, 3)).toEqual([]);
      const { id } = await saveWithVectors(writer, doc(1));
      await writer.flush();
      const hits = await reader.searchVector(await queryVector("chuyển đổi số"), {}, 3);
      expect(hits).toHaveLength(2);
      expect((await reader.getChunks(hits.map((h) => h.chunkId)))[0]!.docId).toBe(id);
    });
  });
}
