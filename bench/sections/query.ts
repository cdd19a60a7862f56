/**
 * Query latency at about 1k, 10k and 100k chunks: `ask` (llm off) in process, and the vector search alone
 * (the store's hnswlib index against exact cosine over the same vectors), with recall@10 of the index.
 * Smaller stores are prefixes of the scale corpus, cut by the chunk counts of the full store.
 */
import { join } from "node:path";
import type { App } from "../../app/types.js";
import { buildStore, linkSubset, listFiles, openBenchApp } from "../lib/app.js";
import { ingestBudgetArgs, registerSnapshot, SNAPSHOT_CHUNKS } from "./ingest.js";
import { importPiece, sharedPath, workDir, type BenchContext, type BuiltStore, type Section, type SectionBody } from "../lib/context.js";
import { scaleCorpus } from "../lib/inputs.js";
import { SETS, setPath } from "../lib/question-sets.js";
import { latencyQuestions, readJsonl } from "../lib/questions.js";
import type { Goal } from "../lib/report.js";
import { fmt, median, percentile, recallAt } from "../lib/stats.js";
import { efSweep, type EfPoint } from "../lib/ef-sweep.js";
import { exactTopK, normalise, readIndexVectors } from "../lib/vectors.js";

const RUNS = 3;
const K = 10;
/** Seconds of timed asks, and of timed vector searches, per store size in the default run. */
const ASK_BUDGET_S = 30;
const VECTOR_BUDGET_S = 15;
/** Seconds of timed lexical searches per store size in the default run, and their depth (retrieve's). */
const LEXICAL_BUDGET_S = 10;
const LEXICAL_DEPTH = 40;

interface SizeResult {
  label: string;
  chunks: number;
  asked: number;
  searched: number;
  askP50: number;
  askP95: number;
  lexicalSearched: number;
  lexicalP50: number;
  lexicalP95: number;
  hnswP50: number;
  hnswP95: number;
  exactP50: number;
  speedup: number;
  recall: number;
  sweep: EfPoint[];
}

const SWEEP_EFS = [64, 128, 256, 512];

export async function fullScaleStore(ctx: BenchContext): Promise<BuiltStore> {
  const cached = ctx.stores.get("scale-all");
  if (cached) return cached;
  await (await openBenchApp(workDir(ctx, "probe-query"))).close();
  const corpus = await scaleCorpus(ctx);
  const { store, result } = await buildStore(ctx, "scale-all", corpus.dir, corpus.source, ingestBudgetArgs(ctx));
  if (result) registerSnapshot(ctx, result, corpus.dir, corpus.source);
  return store;
}

/** Doc-file prefixes of the full store reaching about `target` chunks each (the full store for the last). */
async function plan(ctx: BenchContext, full: BuiltStore, targets: number[]): Promise<Array<{ label: string; store: BuiltStore }>> {
  const app = await openBenchApp(full.dataDir);
  const docs = (await app.store.listDocuments()).sort((a, b) => a.path.localeCompare(b.path));
  await app.close();
  const out: Array<{ label: string; store: BuiltStore }> = [];
  for (const target of targets) {
    const label = target >= 1000 ? `${target / 1000}k` : String(target);
    // Within 25% of the target, the big store stands for it (its real size is printed): rebuilding a
    // 100k store beside a 118k one would cost two minutes of the budget for nothing.
    if (target >= full.chunks * 0.8) {
      out.push({ label, store: full });
      break;
    }
    const snapshot = ctx.stores.get("scale-100k");
    if (target === SNAPSHOT_CHUNKS && snapshot) {
      out.push({ label, store: snapshot });
      continue;
    }
    const names: string[] = [];
    let chunks = 0;
    for (const d of docs) {
      if (chunks >= target) break;
      names.push(d.path.slice(d.path.lastIndexOf("/") + 1));
      chunks += d.chunks;
    }
    const dir = linkSubset(full.corpusDir, names, join(workDir(ctx), `subset-${label}`));
    out.push({ label, store: (await buildStore(ctx, `q-${label}`, dir, full.source)).store });
  }
  return out;
}

/**
 * The store issue 4 names: the sample corpus with ../shared/ext/directives and ../shared/ext/news (426
 * documents), linked into one folder and ingested like the others. Undefined when any part is missing.
 */
export async function issueStore(ctx: BenchContext): Promise<BuiltStore | undefined> {
  const dirs = [sharedPath(ctx, "corpus"), sharedPath(ctx, "ext", "directives"), sharedPath(ctx, "ext", "news")];
  if (dirs.some((d) => d === undefined)) return undefined;
  const into = join(workDir(ctx), "issue-corpus");
  for (const d of dirs as string[]) linkSubset(d, listFiles(d), into);
  return (await buildStore(ctx, "issue-426", into, "scale")).store;
}

/** How many items fit `budgetS` seconds at `eachMs` a run, over `runs` runs (all of them in BENCH_FULL). */
function fit(ctx: BenchContext, total: number, eachMs: number, budgetS: number, min = 20): number {
  if (ctx.full) return total;
  const s = ctx.quick ? budgetS / 4 : budgetS;
  return Math.max(Math.min(min, total), Math.min(total, Math.floor((s * 1000) / (RUNS * Math.max(eachMs, 0.001)))));
}

/** The held-out questions of bench/questions (both halves): what the lexical timing runs over. */
function heldOutQuestions(): string[] {
  return SETS.flatMap((name) => readJsonl<{ q: string }>(setPath(name)).map((d) => d.q));
}

/**
 * `store.searchLexical` alone over each question's own query (qa/lexical.ts `questionQuery`: every
 * syllable and neighbouring pair, as the quality section's "BM25 only" row searches), medians of RUNS runs.
 */
async function lexicalLatency(ctx: BenchContext, app: App, label: string): Promise<{ searched: number; p50: number; p95: number }> {
  const { understandQuestion } = await importPiece<typeof import("../../qa/understand.js")>("../../qa/understand.js", "qa/understand.ts");
  const { isEmptyQuery, questionQuery } = await importPiece<typeof import("../../qa/lexical.js")>("../../qa/lexical.js", "qa/lexical.ts");
  const all = heldOutQuestions().map((q) => questionQuery(understandQuestion(q, { registry: app.registry, now: app.now() }))).filter((q) => !isEmptyQuery(q));
  const w0 = performance.now();
  for (const q of all.slice(-10)) await app.store.searchLexical(q, {}, LEXICAL_DEPTH);
  const queries = all.slice(0, fit(ctx, all.length, (performance.now() - w0) / 10, LEXICAL_BUDGET_S));
  ctx.log(`query: ${label}: searchLexical x${queries.length} x${RUNS}`);
  const runs: Array<{ p50: number; p95: number }> = [];
  for (let r = 0; r < RUNS; r++) {
    const ms: number[] = [];
    for (const q of queries) {
      const t = performance.now();
      await app.store.searchLexical(q, {}, LEXICAL_DEPTH);
      ms.push(performance.now() - t);
    }
    runs.push({ p50: percentile(ms, 50), p95: percentile(ms, 95) });
  }
  return { searched: queries.length, p50: median(runs.map((x) => x.p50)), p95: median(runs.map((x) => x.p95)) };
}

async function measure(ctx: BenchContext, label: string, store: BuiltStore, allQuestions: string[], sweep: boolean): Promise<SizeResult> {
  const app: App = await openBenchApp(store.dataDir);
  try {
    const chunks = (await app.store.stats()).chunks;
    // Warm-up (JIT, page cache), also timing one ask to size the timed runs to the budget.
    const w0 = performance.now();
    const warm = allQuestions.slice(-10);
    for (const q of warm) await app.answerer.ask(q, { llm: false });
    const questions = allQuestions.slice(0, fit(ctx, allQuestions.length, (performance.now() - w0) / warm.length, ASK_BUDGET_S));
    ctx.log(`query: ${label} (${chunks} chunks): ask x${questions.length} x${RUNS}`);
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
    const lexical = await lexicalLatency(ctx, app, label);

    const flat = readIndexVectors(join(store.dataDir, "vectors.hnsw"));
    const all = await Promise.all(allQuestions.map(async (q) => normalise(await app.embeddings.embedQuery(q))));
    const e0 = performance.now();
    exactTopK(flat, all[0]!, K);
    const queries = all.slice(0, fit(ctx, all.length, performance.now() - e0, VECTOR_BUDGET_S));
    ctx.log(`query: ${label}: vector search x${queries.length} x${RUNS}, exact baseline`);
    let exact: number[][] = [];
    const vecRuns: Array<{ hnswP50: number; hnswP95: number; exactP50: number; ratio: number }> = [];
    for (let r = 0; r < RUNS; r++) {
      const h: number[] = [], e: number[] = [];
      const found: number[][] = [];
      for (const v of queries) {
        let t = performance.now();
        await app.store.searchVector(v, {}, K);
        h.push(performance.now() - t);
        t = performance.now();
        found.push(exactTopK(flat, v, K).map((x) => x.label));
        e.push(performance.now() - t);
      }
      exact = found;
      const hnswP50 = percentile(h, 50), exactP50 = percentile(e, 50);
      vecRuns.push({ hnswP50, hnswP95: percentile(h, 95), exactP50, ratio: exactP50 / hnswP50 });
    }
    const recalls: number[] = [];
    for (const [i, v] of queries.entries()) {
      const hits = await app.store.searchVector(v, {}, K);
      recalls.push(recallAt(hits.map((x) => x.chunkId), exact[i]!));
    }
    const points = sweep ? efSweep({ file: join(store.dataDir, "vectors.hnsw"), dim: flat.dim, queries, exact, k: K, efs: SWEEP_EFS, runs: RUNS }) : [];
    return {
      label, chunks, asked: questions.length, searched: queries.length, sweep: points,
      askP50: median(askRuns.map((r) => r.p50)), askP95: median(askRuns.map((r) => r.p95)),
      lexicalSearched: lexical.searched, lexicalP50: lexical.p50, lexicalP95: lexical.p95,
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
    const { questions, source } = latencyQuestions(ctx, 200);
    const results: SizeResult[] = [];
    const issue = await issueStore(ctx);
    if (issue) results.push(await measure(ctx, `${issue.docs} docs`, issue, questions, false));
    for (const [i, s] of sizes.entries()) results.push(await measure(ctx, s.label, s.store, questions, i === sizes.length - 1));

    const largest = results[results.length - 1]!;
    const goals: Goal[] = [];
    if (!ctx.quick) {
      const at = `at ${largest.chunks.toLocaleString("en-US")} chunks`;
      const short = largest.chunks < 100_000 ? ` (the whole corpus gives only ${largest.chunks.toLocaleString("en-US")} chunks, not 100k)` : "";
      if (issue) {
        const r = results[0]!;
        const at426 = `at ${r.label} (${r.chunks.toLocaleString("en-US")} chunks; sample corpus + ext/directives + ext/news)`;
        goals.push({ what: `ask p95 ${at426}`, target: "< 50 ms", measured: `${fmt(r.askP95, 1)} ms`, pass: r.askP95 < 50,
          note: r.askP95 < 50 ? "" : `over by ${fmt(r.askP95 - 50, 1)} ms` });
      }
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
        title: `ask (llm off), lexical search (depth ${LEXICAL_DEPTH}) and vector search (k=${K}), ms; medians of ${RUNS} runs`,
        header: ["store", "chunks", "questions", "ask p50", "ask p95", "lexical", "lexical p50", "lexical p95", "searches", "hnsw p50", "hnsw p95", "exact p50", "speed-up", "recall@10"],
        rows: results.map((r) => [r.label, r.chunks.toLocaleString("en-US"), String(r.asked), fmt(r.askP50, 2), fmt(r.askP95, 2), String(r.lexicalSearched), fmt(r.lexicalP50, 2), fmt(r.lexicalP95, 2), String(r.searched), fmt(r.hnswP50, 3), fmt(r.hnswP95, 3), fmt(r.exactP50, 2), `${fmt(r.speedup, 1)}x`, fmt(r.recall, 3)]),
      }, {
        title: `hnswlib search width (ef) on the ${largest.label} store's index file (${largest.chunks.toLocaleString("en-US")} chunks): raw \`searchKnn\`, ${largest.searched} queries, k=${K}, medians of ${RUNS} runs; exact p50 ${fmt(largest.exactP50, 2)} ms`,
        header: ["ef", "p50 ms", "p95 ms", "speed-up vs exact (p50)", "recall@10"],
        rows: largest.sweep.map((p) => [String(p.ef), fmt(p.p50, 3), fmt(p.p95, 3), `${fmt(largest.exactP50 / p.p50, 1)}x`, fmt(p.recall, 3)]),
      }],
      notes: [
        `Stores: "${issue ? `${issue.docs} docs` : "426 docs"}" is issue 4's corpus (../shared/corpus + ext/directives + ext/news${issue ? "" : ": absent, not measured"}); the others are prefixes (by file name) of the ${full.source === "scale" ? "scale" : "generated"} corpus reaching each chunk count; the 100k store is a copy the ingest section took once it held 100k chunks (or that store itself when it ended near 100k).`,
        `ask: up to ${questions.length} questions (${source}) per run, in process, \`answerer.ask(q, { llm: false })\`, after a 10-question warm-up; p50/p95 are per run, the table shows the median of ${RUNS} runs. The store caches document frequencies per word until its data changes, so the first run reads each new word's frequency once and later runs none (on the 426-doc store that read costs about 4 ms a question cold).${ctx.full ? "" : ` The number of questions (and of vector searches) per store is cut to fit about ${ASK_BUDGET_S} s (${VECTOR_BUDGET_S} s) of timed work, at least 20; BENCH_FULL=1 uses all.`}`,
        `Lexical: \`store.searchLexical(questionQuery(u), {}, ${LEXICAL_DEPTH})\` alone (FTS5 BM25 over every syllable and neighbouring pair of the question, each pair one indexed term; no common syllable dropped, unlike retrieve()) over the held-out questions of bench/questions (both halves${ctx.full ? "" : `, cut to about ${LEXICAL_BUDGET_S} s of timed work`}), after a 10-query warm-up.`,
        `Vector search: the questions' embeddings; hnsw = \`store.searchVector(v, {}, ${K})\` (the product's path, with the store's own M, efConstruction and search ef); exact = brute-force cosine over the same vectors read from the index file (a flat Float32Array scan: LangChain's MemoryVectorStore is not installed, and this is a faster exact baseline, so the speed-up is conservative). Speed-up = exact p50 / hnsw p50 in the same run, median of ${RUNS}.`,
      ],
      goals,
    };
  },
};
