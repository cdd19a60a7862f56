import { copyFileSync, existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Store } from "../../store/types.js";
import { lexical, makeDraft, open, queryVector, saveWithVectors, tempDir, vectorsFor } from "./helpers.js";

const doc = (n: number, extra = "") => makeDraft({
  path: `/c/doc-${n}.txt`, number: `${n}-KL/TW`, date: `2025-0${n}-01`,
  items: [
    { label: "1", text: `Nội dung thứ nhất của văn bản ${n} về chuyển đổi số ${extra}` },
    { label: "2", text: `Nội dung thứ hai của văn bản ${n} về cải cách hành chính ${extra}` },
  ],
});

/** What a killed process leaves: the database (with its WAL) and whatever vector file was last flushed. */
function crashCopy(from: string): string {
  const to = tempDir();
  for (const f of readdirSync(from)) if (/^(nhiemvu\.sqlite(-wal)?|vectors\.hnsw)$/.test(f)) copyFileSync(join(from, f), join(to, f));
  return to;
}

async function chunkIdsOf(store: Store, docId: number): Promise<number[]> {
  const hits = await store.searchLexical(lexical("folded", "noi dung"), { docIds: [docId] }, 100);
  return hits.map((h) => h.chunkId).sort((a, b) => a - b);
}

describe("crash safety", () => {
  it("lists exactly the chunks saved after the last flush, and repairs them", async () => {
    const dir = tempDir();
    const live = await open(dir);
    await saveWithVectors(live, doc(1));
    await live.flush();
    const second = await saveWithVectors(live, doc(2)); // killed before the next flush
    const copy = crashCopy(dir);

    const store = await open(copy);
    const missing = await store.chunksMissingVectors();
    expect(missing).toHaveLength(2);
    expect(missing.map((c) => c.id).sort((a, b) => a - b)).toEqual(await chunkIdsOf(store, second.id));
    expect(missing.every((c) => c.docName === "doc-2.txt" && c.text.length > 0)).toBe(true);
    expect(await store.dropOrphanVectors()).toBe(0);

    const vectors = await vectorsFor(doc(2));
    await store.addVectors(missing.map((c) => c.id), vectors);
    expect(await store.chunksMissingVectors()).toEqual([]);
    const hits = await store.searchVector(await queryVector("văn bản 2 cải cách hành chính"), { docIds: [second.id] }, 1);
    expect(hits).toHaveLength(1);
    await store.close();
    const reopened = await open(copy);
    expect(await reopened.chunksMissingVectors()).toEqual([]);
    expect((await reopened.stats()).vectors).toBe(4);
  });

  it("drops vectors whose rows were deleted after the last flush", async () => {
    const dir = tempDir();
    const live = await open(dir);
    const first = await saveWithVectors(live, doc(1));
    const second = await saveWithVectors(live, doc(2));
    await live.flush();
    const gone = await chunkIdsOf(live, second.id);
    await live.removeDocument(second.id); // killed before the next flush
    const copy = crashCopy(dir);

    const store = await open(copy);
    expect((await store.stats()).vectors).toBe(4);
    expect(await store.chunksMissingVectors()).toEqual([]);
    expect(await store.dropOrphanVectors()).toBe(gone.length);
    expect(await store.dropOrphanVectors()).toBe(0);
    const hits = await store.searchVector(await queryVector("văn bản 2 cải cách hành chính"), {}, 10);
    expect(hits.map((h) => h.chunkId).filter((id) => gone.includes(id))).toEqual([]);
    expect(new Set((await store.getChunks(hits.map((h) => h.chunkId))).map((c) => c.docId))).toEqual(new Set([first.id]));
  });

  it("starts the vector index empty when the file is unreadable or of another dimension", async () => {
    const dir = tempDir();
    const store = await open(dir);
    await store.setEmbedderInfo({ name: "local-hash-v1", dimensions: 64 });
    await saveWithVectors(store, doc(1));
    await store.close();

    writeFileSync(join(dir, "vectors.hnsw"), "not an index");
    const damaged = await open(dir);
    expect((await damaged.chunksMissingVectors())).toHaveLength(2);
    await damaged.close();

    const other = tempDir();
    const s2 = await open(other);
    await saveWithVectors(s2, doc(1));
    await s2.setEmbedderInfo({ name: "local-hash-v1", dimensions: 64 });
    await s2.close();
    const Database = (await import("better-sqlite3")).default;
    const db = new Database(join(other, "nhiemvu.sqlite"));
    db.prepare("UPDATE meta SET value = '32' WHERE key = 'embedder_dimensions'").run();
    db.close();
    const s3 = await open(other);
    expect(await s3.embedderInfo()).toEqual({ name: "local-hash-v1", dimensions: 32 });
    expect((await s3.stats()).vectors).toBe(0);
    expect(await s3.chunksMissingVectors()).toHaveLength(2);
  });

  it("flushes atomically: a new file by rename, no temp file left, deleted slots reused", async () => {
    const dir = tempDir();
    const store = await open(dir);
    await saveWithVectors(store, doc(1));
    await store.flush();
    const file = join(dir, "vectors.hnsw");
    const before = statSync(file);
    for (let i = 0; i < 5; i++) await saveWithVectors(store, doc(1, `lần ${i}`)); // replaces the same path
    await store.flush();
    const after = statSync(file);
    expect(after.ino).not.toBe(before.ino);
    expect(after.size).toBe(before.size); // replaced vectors reuse the slots of deleted ones
    expect(readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
    expect((await store.stats()).vectors).toBe(2);
  });

  // Reindexing and a second process seeing flushed vectors are part of the contract (contract/index-store.ts).
  it("writes no vector file before the first flush", async () => {
    const dir = tempDir();
    const store = await open(dir);
    expect(existsSync(join(dir, "vectors.hnsw"))).toBe(false);
    await saveWithVectors(store, doc(1));
    expect(existsSync(join(dir, "vectors.hnsw"))).toBe(false);
    await store.flush();
    expect(existsSync(join(dir, "vectors.hnsw"))).toBe(true);
  });
});
