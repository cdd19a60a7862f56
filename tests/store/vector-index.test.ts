import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { VectorIndex } from "../../store/hnsw/vector-index.js";
import { readIndexFile } from "../../store/hnsw/index-file.js";
import { tempDir } from "./helpers.js";

/** Deterministic pseudo-random unit-ish vectors. */
function vectors(n: number, dim: number, seed = 7): Float32Array[] {
  let s = seed;
  const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x7fffffff) - 0.5;
  return Array.from({ length: n }, () => Float32Array.from({ length: dim }, rnd));
}

describe("VectorIndex", () => {
  it("gives the same filtered answer exactly and through hnswlib's filter callback", () => {
    const dir = tempDir();
    const labels = Array.from({ length: 400 }, (_, i) => 1000 + i * 3);
    const vs = vectors(400, 24);
    const exact = VectorIndex.open(join(dir, "a.hnsw"), undefined, undefined, { exactSearchLimit: 10_000 });
    const graph = VectorIndex.open(join(dir, "b.hnsw"), undefined, undefined, { exactSearchLimit: 0 });
    exact.add(labels, vs);
    graph.add(labels, vs);
    const allow = new Set(labels.filter((_, i) => i % 4 === 0));
    for (const q of vectors(5, 24, 99)) {
      const a = exact.search(q, 10, allow);
      const b = graph.search(q, 10, allow);
      expect(a).toHaveLength(10);
      expect(a.every((h) => allow.has(h.label))).toBe(true);
      expect(b.map((h) => h.label)).toEqual(a.map((h) => h.label));
      b.forEach((h, i) => expect(h.similarity).toBeCloseTo(a[i]!.similarity, 4));
    }
  });

  it("scores a filtered search the same from the saved file as from memory, after a reload and after changes", () => {
    const dir = tempDir();
    const file = join(dir, "f.hnsw");
    const labels = Array.from({ length: 300 }, (_, i) => 10 + i);
    const vs = vectors(300, 16, 3);
    const memory = VectorIndex.open(join(dir, "m.hnsw"), undefined, undefined, { exactSearchLimit: 10_000 });
    memory.add(labels, vs); // never flushed: every vector comes from hnswlib
    const saved = VectorIndex.open(file, undefined, undefined, { exactSearchLimit: 10_000 });
    saved.add(labels, vs);
    saved.flush();
    const reloaded = VectorIndex.open(file, 16, undefined, { exactSearchLimit: 10_000 });
    const allow = new Set(labels.filter((_, i) => i % 3 !== 0));
    const same = (index: VectorIndex) => {
      for (const q of vectors(4, 16, 41)) expect(index.search(q, 12, allow)).toEqual(memory.search(q, 12, allow));
    };
    same(saved);
    same(reloaded);
    // A change since the save (unflushed, then flushed) is seen too.
    const moved = vectors(1, 16, 77)[0]!;
    for (const index of [memory, reloaded]) index.add([labels[1]!], [moved]);
    same(reloaded);
    reloaded.flush();
    same(reloaded);
  });

  it("grows past its initial capacity, deletes, and writes a file whose labels it can read back", () => {
    const dir = tempDir();
    const file = join(dir, "v.hnsw");
    const index = VectorIndex.open(file, undefined);
    const labels = Array.from({ length: 1500 }, (_, i) => i + 1);
    index.add(labels, vectors(1500, 8));
    expect(index.remove([1, 2, 3, 99_999])).toBe(3);
    index.flush();
    const info = readIndexFile(file)!;
    expect(info.dimensions).toBe(8);
    expect(info.live).toHaveLength(1497);
    expect(info.deleted.sort((a, b) => a - b)).toEqual([1, 2, 3]);
    const again = VectorIndex.open(file, 8);
    expect(again.size).toBe(1497);
    expect(again.has(1)).toBe(false);
    // A deleted label can come back (its slot is unmarked and updated).
    again.add([2], vectors(1, 8, 3));
    expect(again.search(vectors(1, 8, 3)[0]!, 1)[0]).toEqual({ label: 2, similarity: expect.closeTo(1, 5) });
  });
});
