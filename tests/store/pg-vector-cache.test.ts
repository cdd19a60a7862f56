/** The array path's in-memory vectors: exact search first, then an hnswlib graph built in the background. */
import { describe, expect, it } from "vitest";
import { VectorCache } from "../../store/pg/vector-cache.js";

function randomVectors(n: number, dim: number, seed = 1): Float32Array[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) - 0.5;
  return Array.from({ length: n }, () => Float32Array.from({ length: dim }, rnd));
}

const until = async (probe: () => boolean) => {
  for (let i = 0; i < 2000 && !probe(); i++) await new Promise((r) => setTimeout(r, 5));
  return probe();
};

describe("VectorCache", () => {
  it("answers exactly before the graph exists, the same after it is built, and keeps changes made meanwhile", async () => {
    const cache = new VectorCache(16);
    const vectors = randomVectors(3000, 16);
    const ids = vectors.map((_, i) => i + 1);
    cache.add(ids, vectors);
    const exact = cache.search(vectors[41]!, 5);
    expect(exact[0]).toEqual({ chunkId: 42, score: expect.closeTo(1, 5) });
    expect(exact.map((h) => h.score)).toEqual([...exact.map((h) => h.score)].sort((a, b) => b - a));
    cache.startGraph(0);
    // Changes while the graph is being built reach it.
    cache.remove([42]);
    const moved = randomVectors(1, 16, 99)[0]!;
    cache.add([7, 5000], [moved, vectors[41]!]);
    const graphReady = await until(() => (cache as unknown as { graph?: unknown }).graph !== undefined);
    expect(graphReady).toBe(true);
    expect(cache.size).toBe(3000);
    expect(cache.search(vectors[41]!, 1)[0]).toEqual({ chunkId: 5000, score: expect.closeTo(1, 5) });
    expect(cache.search(moved, 1)[0]!.chunkId).toBe(7);
    expect(cache.search(vectors[99]!, 3, new Set([100, 200]))[0]!.chunkId).toBe(100);
    cache.close();
  });

  it("builds no graph for a few vectors, and refuses another dimension", () => {
    const cache = new VectorCache(undefined);
    cache.add([1, 2], randomVectors(2, 8));
    cache.startGraph(0);
    expect(cache.dimensions).toBe(8);
    expect(() => cache.add([3], randomVectors(1, 4))).toThrow(/dimensions/);
    expect(() => cache.search(new Float32Array(4), 1)).toThrow(/dimensions/);
    cache.close();
  });
});
