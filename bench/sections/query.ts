/**
 * Query latency at about 1k, 10k and 100k chunks: `ask` (llm off) in process, and the vector search alone
 * (the store's hnswlib index against exact cosine over the same vectors), with recall@10 of the index.
 * Smaller stores are prefixes of the scale corpus, cut by the chunk counts of the full store.
 */
import { join } from "node:path";
import type { App } from "../../app/types.js";
import { buildStore, linkSubset, openBenchApp } from "../lib/app.js";
import { workDir, type BenchContext, type BuiltStore, type Section, type SectionBody } from "../lib/context.js";
import { scaleCorpus } from "../lib/inputs.js";
import { latencyQuestions } from "../lib/questions.js";
import type { Goal } from "../lib/report.js";
import { fmt, median, percentile, recallAt } from "../lib/stats.js";
import { exactTopK, normalise, readIndexVectors } from "../lib/vectors.js";

const RUNS = 3;
const K = 10;

interface SizeResult {
  label: string;
  chunks: number;
  askP50: number;
  askP95: number;
  hnswP50: number;
  hnswP95: number;
  exactP50: number;
  speedup: number;
  recall: number;
}

export async function fullScaleStore(ctx: BenchContext): Promise<BuiltStore> {
  const cached = ctx.stores.get("scale-all");
  if (cached) return cached;
  await (await openBenchApp(workDir(ctx, "probe-query"))).close();
  const corpus = await scaleCorpus(ctx);
  return buildStore(ctx, "scale-all", corpus.dir, corpus.source);
}

/** Doc-file prefixes of the full store reaching about `target` chunks each (the full store for the last). */
async function plan(ctx: BenchContext, full: BuiltStore, targets: number[]): Promise<Array<{ label: string; store: BuiltStore }>> {
  const app = await openBenchApp(full.dataDir);
  const docs = (await app.store.listDocuments()).sort((a, b) => a.path.localeCompare(b.path));
  await app.close();
  const out: Array<{ label: string; store: BuiltStore }> = [];
  for (const target of targets) {
    const label = target >= 1000 ? `${target / 1000}k` : String(target);
    if (target >= full.chunks * 0.9) {
      out.push({ label, store: full });
      break;
    }
    const names: string[] = [];
    let chunks = 0;
    for (const d of docs) {
      if (chunks >= target) break;
      names.push(d.path.slice(d.path.lastIndexOf("/") + 1));
      chunks += d.chunks;
    }
    const dir = linkSubset(full.corpusDir, names, join(workDir(ctx), `subset-${label}`));
    out.push({ label, store: await buildStore(ctx, `q-${label}`, dir, full.source) });
  }
  return out;
}

async function measure(ctx: BenchContext, label: string, store: BuiltStore, questions: string[], vectorQuestions: string[]): Promise<SizeResult> {
  const app: App = await openBenchApp(store.dataDir);
  try {
    const chunks = (await app.store.stats()).chunks;
    ctx.log(`query: ${label} (${chunks} chunks): ask x${questions.length} x${RUNS}`);
    for (const q of questions.slice(0, 20)) await app.answerer.ask(q, { llm: false }); // warm-up
    const askRuns: Array<{ p50: number; p95: number }> = [];
    for (let r = 0; r < RUNS; r++) {
      const ms: number[] = [];
      for (const q of questions) {
        const t = performance.now();
        await app.answerer.ask(q, { llm: false });
        ms.push(performance.now() - t);
      }
      askRuns.push({ p50: percentile(ms, 50), p95: percentile(ms, 95) });
    }

    ctx.log(`query: ${label}: vector search x${vectorQuestions.length} x${RUNS}, exact baseline`);
    const flat = readIndexVectors(join(store.dataDir, "vectors.hnsw"));
    const queries = await Promise.all(vectorQuestions.map(async (q) => normalise(await app.embeddings.embedQuery(q))));
    const exact = queries.map((v) => exactTopK(flat, v, K).map((h) => h.label));
    const recalls: number[] = [];
    for (const [i, v] of queries.entries()) {
      const hits = await app.store.searchVector(v, {}, K);
      recalls.push(recallAt(hits.map((h) => h.chunkId), exact[i]!));
    }
    const vecRuns: Array<{ hnswP50: number; hnswP95: number; exactP50: number; ratio: number }> = [];
    for (let r = 0; r < RUNS; r++) {
      const h: number[] = [], e: number[] = [];
      for (const v of queries) {
        let t = performance.now();
        await app.store.searchVector(v, {}, K);
        h.push(performance.now() - t);
        t = performance.now();
        exactTopK(flat, v, K);
        e.push(performance.now() - t);
      }
      const run = { hnswP50: percentile(h, 50), hnswP95: percentile(h, 95), exactP50: percentile(e, 50), ratio: 0 };
      run.ratio = run.exactP50 / run.hnswP50;
      vecRuns.push(run);
    }
    return {
      label, chunks,
      askP50: median(askRuns.map((r) => r.p50)), askP95: median(askRuns.map((r) => r.p95)),
      hnswP50: median(vecRuns.map((r) => r.hnswP50)), hnswP95: median(vecRuns.map((r) => r.hnswP95)),
      exactP50: median(vecRuns.map((r) => r.exactP50)), speedup: median(vecRuns.map((r) => r.ratio)),
      recall: recalls.reduce((s, x) => s + x, 0) / Math.max(1, recalls.length),
    };
  } finally {
    await app.close();
  }
}

export const querySection: Section = {
  name: "Query latency and vector search",
  key: "query",
  async run(ctx: BenchContext): Promise<SectionBody> {
    const full = await fullScaleStore(ctx);
    const targets = ctx.quick ? [1000, 100_000] : [1000, 10_000, 100_000];
    const sizes = await plan(ctx, full, targets);
    const { questions, source } = latencyQuestions(ctx, ctx.quick ? 40 : 200);
    const vq = questions.slice(0, ctx.quick ? 30 : 100);
    const results: SizeResult[] = [];
    for (const s of sizes) results.push(await measure(ctx, s.label, s.store, questions, vq));

    const largest = results[results.length - 1]!;
    const goals: Goal[] = [];
    if (!ctx.quick) {
      const at = `at ${largest.chunks.toLocaleString("en-US")} chunks`;
      const short = largest.chunks < 100_000 ? ` (the whole corpus gives only ${largest.chunks.toLocaleString("en-US")} chunks, not 100k)` : "";
      goals.push(
        { what: `ask p95 ${at}`, target: "< 50 ms", measured: `${fmt(largest.askP95, 1)} ms`, pass: largest.askP95 < 50,
          note: (largest.askP95 < 50 ? "" : `over by ${fmt(largest.askP95 - 50, 1)} ms`) + short },
        { what: `vector search speed-up over exact ${at}`, target: ">= 10x", measured: `${fmt(largest.speedup, 1)}x`, pass: largest.speedup >= 10,
          note: (largest.speedup >= 10 ? "" : `short by ${fmt(10 - largest.speedup, 1)}x`) + short },
        { what: `vector recall@10 vs exact ${at}`, target: ">= 0.95", measured: fmt(largest.recall, 3), pass: largest.recall >= 0.95,
          note: largest.recall >= 0.95 ? "" : `short by ${fmt(0.95 - largest.recall, 3)}` },
      );
    }
    return {
      tables: [{
        title: `ask (llm off) and vector search (k=${K}), ms; medians of ${RUNS} runs`,
        header: ["store", "chunks", "ask p50", "ask p95", "hnsw p50", "hnsw p95", "exact p50", "speed-up", "recall@10"],
        rows: results.map((r) => [r.label, r.chunks.toLocaleString("en-US"), fmt(r.askP50, 2), fmt(r.askP95, 2), fmt(r.hnswP50, 3), fmt(r.hnswP95, 3), fmt(r.exactP50, 2), `${fmt(r.speedup, 1)}x`, fmt(r.recall, 3)]),
      }],
      notes: [
        `Stores: prefixes (by file name) of the ${full.source === "scale" ? "scale" : "generated"} corpus reaching each chunk count; the largest is the whole ingested corpus (${full.chunks.toLocaleString("en-US")} chunks).`,
        `ask: ${questions.length} questions (${source}) per run, in process, \`answerer.ask(q, { llm: false })\`, after a 20-question warm-up; p50/p95 are per run, the table shows the median of ${RUNS} runs.`,
        `Vector search: ${vq.length} question embeddings; hnsw = \`store.searchVector(v, {}, ${K})\` (the product's path: hnswlib, M 16, ef max(64, 2k)); exact = brute-force cosine over the same vectors read from the index file (a flat Float32Array scan: LangChain's MemoryVectorStore is not installed, and this is a faster exact baseline, so the speed-up is conservative). Speed-up = exact p50 / hnsw p50 in the same run, median of ${RUNS}.`,
      ],
      goals,
    };
  },
};
