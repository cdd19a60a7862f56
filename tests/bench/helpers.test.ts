import { describe, expect, it } from "vitest";
import { generateCorpus, rng } from "../../bench/lib/corpus.js";
import { rankedIds } from "../../bench/lib/congbot.js";
import { markdownTable } from "../../bench/lib/report.js";
import { spread } from "../../bench/lib/questions.js";
import { firstHit, median, percentile, rankScores, recallAt } from "../../bench/lib/stats.js";
import { exactTopK, normalise } from "../../bench/lib/vectors.js";

describe("bench statistics", () => {
  it("interpolates percentiles between ranks and ignores input order", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48);
    expect(percentile([7], 95)).toBe(7);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it("scores rankings: first gold rank, Hit@k and MRR@10", () => {
    const gold = new Set(["b"]);
    expect(firstHit(["a", "b", "c"], gold)).toBe(2);
    expect(firstHit(["a", "c"], gold)).toBeUndefined();
    const s = rankScores([1, 2, undefined, 6]);
    expect(s).toMatchObject({ n: 4, hit1: 0.25, hit5: 0.5, hit10: 0.75 });
    expect(s.mrr10).toBeCloseTo((1 + 0.5 + 1 / 6) / 4);
    expect(recallAt([1, 2, 9], [1, 2, 3, 4])).toBe(0.5);
  });

  it("maps cited file names back to chunk ids once each, in order", () => {
    const idOf = new Map([["49_2012_QĐ_UBND_art8", "49_2012_QĐ_UBND_art8"]]);
    expect(rankedIds(["x.txt", "49_2012_QĐ_UBND_art8.txt", "x.txt"], idOf)).toEqual(["x", "49_2012_QĐ_UBND_art8"]);
    expect(spread([1, 2, 3, 4, 5, 6], 3)).toEqual([1, 3, 5]);
  });

  it("renders a Markdown table with escaped bars", () => {
    expect(markdownTable({ title: "t", header: ["a", "b"], rows: [["1", "x|y"]] })).toBe("| a | b |\n| --- | --- |\n| 1 | x\\|y |");
  });
});

describe("exact vector baseline", () => {
  it("returns the k most cosine-similar labels, best first", () => {
    const rows = [[1, 0], [0, 1], [0.8, 0.6], [-1, 0]].map((v) => normalise(v));
    const data = new Float32Array(rows.flatMap((r) => [...r]));
    const flat = { dim: 2, labels: Int32Array.from([10, 11, 12, 13]), data };
    expect(exactTopK(flat, normalise([1, 0.1]), 2).map((h) => h.label)).toEqual([10, 12]);
    expect(exactTopK(flat, normalise([0, 1]), 3).map((h) => h.label)).toEqual([11, 12, 10]);
  });
});

describe("generated corpus", () => {
  it("is deterministic, Vietnamese-like and sized like the scale corpus", () => {
    const a = [...generateCorpus(300, 1)];
    const b = [...generateCorpus(300, 1)];
    expect(a.map((d) => d.text)).toEqual(b.map((d) => d.text));
    expect(new Set(a.map((d) => d.id)).size).toBe(300);
    const lengths = a.map((d) => d.text.length).sort((x, y) => x - y);
    const med = lengths[150]!;
    // The scale corpus has a median of 5,695 characters; a 300-document sample lands near it.
    expect(med).toBeGreaterThan(4000);
    expect(med).toBeLessThan(8000);
    expect(a[0]!.text).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽềếểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/);
    expect(a.some((d) => /^Điều \d+\./m.test(d.text))).toBe(true);
  });

  it("draws uniform numbers in [0, 1)", () => {
    const r = rng(42);
    const xs = Array.from({ length: 2000 }, r);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(median(xs)).toBeGreaterThan(0.45);
    expect(median(xs)).toBeLessThan(0.55);
  });
});
