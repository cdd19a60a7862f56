/**
 * Recall/speed trade-off of the store's own hnswlib index file at several search widths (ef), against the
 * exact top-k: what raising ef would buy and cost, measured on the same vectors and queries.
 */
import hnswlib from "hnswlib-node";
import { median, percentile, recallAt } from "./stats.js";

export interface EfPoint {
  ef: number;
  p50: number;
  p95: number;
  recall: number;
}

export function efSweep(opts: { file: string; dim: number; queries: Float32Array[]; exact: number[][]; k: number; efs: number[]; runs: number }): EfPoint[] {
  const index = new hnswlib.HierarchicalNSW("cosine", opts.dim);
  index.readIndexSync(opts.file);
  const points = opts.queries.map((q) => Array.from(q));
  return opts.efs.map((ef) => {
    index.setEf(ef);
    const runs: Array<{ p50: number; p95: number }> = [];
    let recall = 0;
    for (let r = 0; r < opts.runs; r++) {
      const ms: number[] = [];
      let sum = 0;
      for (const [i, p] of points.entries()) {
        const t = performance.now();
        const { neighbors } = index.searchKnn(p, opts.k);
        ms.push(performance.now() - t);
        sum += recallAt(neighbors, opts.exact[i]!);
      }
      runs.push({ p50: percentile(ms, 50), p95: percentile(ms, 95) });
      recall = sum / Math.max(1, points.length);
    }
    return { ef, p50: median(runs.map((x) => x.p50)), p95: median(runs.map((x) => x.p95)), recall };
  });
}
