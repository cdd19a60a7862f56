/**
 * The SQLite store reads its vector file on first use: `stats` and row reads never read it; vector
 * search, saves, repairs and a re-embedding still work after such an open, and the count `stats` gives
 * without reading follows the file (another process's save, a crash before the count was recorded).
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { VectorIndex } from "../../store/hnsw/vector-index.js";
import { DIM, makeDraft, open, queryVector, saveWithVectors, tempDir, vectorsFor } from "./helpers.js";

const doc = (n: number) => makeDraft({
  path: `/c/lazy-${n}.txt`, number: `${n}-KL/TW`, date: "2025-03-01",
  items: [
    { label: "1", text: `Văn bản ${n}: đẩy mạnh chuyển đổi số trong cơ quan Đảng`, tasks: [{ org: "Ban Tổ chức Trung ương", quote: "đẩy mạnh chuyển đổi số" }] },
    { label: "2", text: `Văn bản ${n}: cải cách hành chính và tinh gọn bộ máy` },
  ],
});

/** Counts reads of a vector file (VectorIndex's private `load`) from here on. */
function countLoads() {
  return vi.spyOn(VectorIndex.prototype as unknown as { load: (d?: number) => void }, "load");
}

afterEach(() => void vi.restoreAllMocks());

async function storeWith(docs: number[]): Promise<string> {
  const dir = tempDir();
  const s = await open(dir);
  await s.setEmbedderInfo({ name: "local-hash-v1", dimensions: DIM });
  for (const n of docs) await saveWithVectors(s, doc(n));
  await s.flush();
  await s.close();
  return dir;
}

describe("lazy vector index", () => {
  it("answers stats, row reads and task lists without reading the vector file", async () => {
    const dir = await storeWith([1, 2]);
    const loads = countLoads();
    const s = await open(dir);
    expect(await s.stats()).toMatchObject({ documents: 2, chunks: 4, vectors: 4 });
    expect(await s.findAssignments({})).toHaveLength(2);
    expect(await s.listDocuments()).toHaveLength(2);
    await s.close();
    expect(loads).not.toHaveBeenCalled();
  });

  it("reads the file for stats when another process replaced it since the count was recorded, then records it", async () => {
    const dir = await storeWith([1]);
    const other = await storeWith([1, 2, 3]);
    copyFileSync(join(other, "vectors.hnsw"), join(dir, "vectors.hnsw")); // a save whose count never reached the rows
    const loads = countLoads();
    const s = await open(dir);
    expect((await s.stats()).vectors).toBe(6);
    await s.close();
    expect(loads).toHaveBeenCalledTimes(1);
    const again = await open(dir);
    expect((await again.stats()).vectors).toBe(6);
    expect(loads).toHaveBeenCalledTimes(1);
  });

  it("searches, saves, repairs and re-embeds after a lazy open", async () => {
    const dir = await storeWith([1, 2]);
    const s = await open(dir);
    expect(await s.chunksMissingVectors()).toEqual([]);
    const hits = await s.searchVector(await queryVector("cải cách hành chính tinh gọn bộ máy"), {}, 2);
    expect(hits).toHaveLength(2);
    // ingest: a new document, and one saved without vectors (repaired as ingest does)
    await saveWithVectors(s, doc(3));
    await s.saveDocument(doc(4), []);
    const missing = await s.chunksMissingVectors();
    expect(missing).toHaveLength(2);
    await s.addVectors(missing.map((c) => c.id), await vectorsFor(doc(4)));
    await s.flush();
    expect((await s.stats()).vectors).toBe(8);
    await s.close();

    // reindex: drop every vector and embed the chunks again, with nothing read before
    const r = await open(dir);
    await r.clearVectors();
    const all = await r.chunksMissingVectors();
    expect(all).toHaveLength(8);
    const vecs = await Promise.all(all.map((c) => queryVector(c.text)));
    await r.addVectors(all.map((c) => c.id), vecs);
    await r.flush();
    await r.close();

    const loads = countLoads();
    const after = await open(dir);
    expect((await after.stats()).vectors).toBe(8);
    expect(loads).not.toHaveBeenCalled();
    expect(await after.searchVector(await queryVector("chuyển đổi số"), {}, 3)).toHaveLength(3);
    expect(loads).toHaveBeenCalledTimes(1);
  });
});
