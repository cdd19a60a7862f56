/**
 * Summary statistics for benchmark samples. Percentiles use linear interpolation between closest ranks
 * (the "R-7" rule of numpy and most spreadsheets), so p50 of [1, 2, 3, 4] is 2.5.
 */

/** The q-th percentile (0..100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const pos = (Math.min(100, Math.max(0, q)) / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function latency(samples: readonly number[]): Latency {
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: Math.max(...samples) };
}

/** Fixed-precision number for tables: "—" for NaN or undefined. */
export function fmt(x: number | undefined, digits = 1): string {
  if (x === undefined || !Number.isFinite(x)) return "—";
  return x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Runs `fn` `runs` times and returns every result (the caller takes the median of what it needs). */
export async function repeat<T>(runs: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn(i));
  return out;
}

/** Milliseconds taken by `fn`, with its result. */
export async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

/**
 * Ranking metrics over one question: the 1-based rank of the first gold id in `ranked` (undefined when
 * absent from the first `depth`).
 */
export function firstHit(ranked: readonly string[], gold: ReadonlySet<string>, depth = 10): number | undefined {
  const i = ranked.slice(0, depth).findIndex((id) => gold.has(id));
  return i < 0 ? undefined : i + 1;
}

export interface RankScores {
  n: number;
  hit1: number;
  hit5: number;
  hit10: number;
  mrr10: number;
}

/** Hit@1/5/10 and MRR@10 from first-hit ranks (undefined = no hit in the first 10). */
export function rankScores(ranks: ReadonlyArray<number | undefined>): RankScores {
  const n = ranks.length;
  if (n === 0) return { n, hit1: Number.NaN, hit5: Number.NaN, hit10: Number.NaN, mrr10: Number.NaN };
  const share = (k: number) => ranks.filter((r) => r !== undefined && r <= k).length / n;
  const mrr = ranks.reduce<number>((s, r) => s + (r !== undefined && r <= 10 ? 1 / r : 0), 0) / n;
  return { n, hit1: share(1), hit5: share(5), hit10: share(10), mrr10: mrr };
}

/** Share of `exact` ids that `approx` also returned (recall@k of an approximate search against exact). */
export function recallAt(approx: readonly number[], exact: readonly number[]): number {
  if (exact.length === 0) return 1;
  const got = new Set(approx);
  return exact.filter((id) => got.has(id)).length / exact.length;
}
