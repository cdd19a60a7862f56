import { describe, expect, it } from "vitest";
import { HnswChunkVectorStore } from "../../store/hnsw/langchain.js";
import { embedder, makeDraft, open, tempDir } from "./helpers.js";

describe("HnswChunkVectorStore", () => {
  it("returns chunks as Documents with similarities sorted high to low, filtered and as a retriever", async () => {
    const store = await open(tempDir());
    const kl = await store.saveDocument(makeDraft({
      path: "/c/kl.txt", number: "229-KL/TW", date: "2025-06-10",
      items: [
        { label: "1", text: "Đẩy mạnh chuyển đổi số trong các cơ quan Đảng." },
        { label: "2", text: "Bộ Tài chính cân đối ngân sách cho đầu tư công." },
        { label: "3", text: "Bộ Y tế nâng cao chất lượng khám chữa bệnh." },
      ],
    }), []);
    const tb = await store.saveDocument(makeDraft({
      path: "/c/tb.txt", number: "634/TB-VPCP", kind: "thong_bao",
      items: [{ label: "1", text: "Ngân sách nhà nước bố trí cho chuyển đổi số." }],
    }), []);
    // Index the stored chunks through the VectorStore itself.
    const vs = new HnswChunkVectorStore(embedder, { store });
    expect(vs._vectorstoreType()).toBe("nhiemvu-hnsw");
    const missing = await store.chunksMissingVectors();
    const ids = await vs.addDocuments(missing.map((c) => ({ pageContent: c.text, metadata: { chunkId: c.id } })));
    expect(ids).toEqual(missing.map((c) => String(c.id)));
    expect(await store.chunksMissingVectors()).toEqual([]);

    const results = await vs.similaritySearchWithScore("ngân sách đầu tư công", 4);
    expect(results).toHaveLength(4);
    const scores = results.map(([, s]) => s);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]!).toBeGreaterThan(scores[3]!);
    const [bestDoc] = results[0]!;
    expect(bestDoc.pageContent).toContain("đầu tư công");
    expect(bestDoc.metadata).toMatchObject({ docId: kl.id, docName: "kl.txt", kind: "ket_luan", number: "229-KL/TW", sectionLabel: "2" });

    const filtered = await vs.similaritySearch("ngân sách", 5, { kinds: ["thong_bao"] });
    expect(filtered.map((d) => d.metadata.docId)).toEqual([tb.id]);

    const retrieved = await vs.asRetriever({ k: 1 }).invoke("khám chữa bệnh");
    expect(retrieved[0]!.pageContent).toContain("khám chữa bệnh");
  });

  it("refuses documents that are not stored chunks", async () => {
    const store = await open(tempDir());
    const vs = new HnswChunkVectorStore(embedder, { store });
    await expect(vs.addDocuments([{ pageContent: "x", metadata: {} }])).rejects.toMatchObject({ code: "no_chunk_id" });
  });
});
