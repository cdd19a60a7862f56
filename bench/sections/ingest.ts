/**
 * Ingest throughput: the scale corpus (or its generated stand-in) ingested from scratch in a child process
 * (docs/s, MB/s, peak RSS), then ingested again unchanged, against a plain sha256 of every file measured in
 * the same child: a no-change run should cost little more than reading and hashing the files.
 *
 * The default run time-boxes the first ingest (it must share 10 minutes with the other sections) and
 * projects the whole corpus from the part done; BENCH_FULL=1 ingests everything in one call.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { runChild } from "../lib/child.js";
import { INGEST_CHILD, openBenchApp, type IngestChildResult } from "../lib/app.js";
import { workDir, type BenchContext, type BuiltStore, type Section, type SectionBody } from "../lib/context.js";
import { scaleCorpus } from "../lib/inputs.js";
import { fmt, median } from "../lib/stats.js";
import type { Goal } from "../lib/report.js";

const GOAL_SECONDS = 120;
const GOAL_RSS_MB = 1536;
/** Seconds the default run spends on the first ingest (quick: less). */
const BUDGET_S = 120;
const QUICK_BUDGET_S = 15;

/** The query benchmark's largest store: a snapshot of the ingest's store once it holds this many chunks. */
export const SNAPSHOT_CHUNKS = 100_000;

/**
 * The child's arguments for building the big store: the time box (none in a BENCH_FULL run) and the
 * 100k-chunk snapshot, registered in the context as "scale-100k" by `registerSnapshot`.
 */
export function ingestBudgetArgs(ctx: BenchContext): string[] {
  const box = ctx.full ? [] : ["--budget-s", String(ctx.quick ? QUICK_BUDGET_S : BUDGET_S)];
  return [...box, "--batch", "500", "--snapshot-at", String(SNAPSHOT_CHUNKS), "--snapshot-dir", join(ctx.work, "stores", "scale-100k")];
}

export function registerSnapshot(ctx: BenchContext, r: IngestChildResult, corpusDir: string, source: BuiltStore["source"]): void {
  if (r.snapshot) ctx.stores.set("scale-100k", { dataDir: r.snapshot.dir, corpusDir, docs: r.snapshot.files, chunks: r.snapshot.chunks, source, files: r.snapshot.files });
}
const RUNS = 3;

export const ingestSection: Section = {
  name: "Ingest",
  key: "ingest",
  async run(ctx: BenchContext): Promise<SectionBody> {
    // Fails fast (as a skip) when the pipeline is not importable, before writing 100 MB of files.
    await (await openBenchApp(workDir(ctx, "probe-ingest"))).close();
    const corpus = await scaleCorpus(ctx);
    const dataDir = workDir(ctx, "stores", "scale-all");

    const budget = ingestBudgetArgs(ctx);
    ctx.log(`ingest: first run over ${corpus.files} files${ctx.full ? "" : ` (time box ${budget[1]} s)`}`);
    const first = await runChild<IngestChildResult>(INGEST_CHILD, [dataDir, corpus.dir, ...budget]);
    const f = first.value;
    const whole = f.files === f.totalFiles;
    ctx.stores.set("scale-all", { dataDir, corpusDir: corpus.dir, docs: f.files, chunks: f.chunks, source: corpus.source, files: f.files });
    registerSnapshot(ctx, f, corpus.dir, corpus.source);

    const again: Array<{ wallMs: number; v: IngestChildResult }> = [];
    for (let i = 0; i < RUNS; i++) {
      ctx.log(`ingest: unchanged run ${i + 1}/${RUNS}`);
      const r = await runChild<IngestChildResult>(INGEST_CHILD, [dataDir, corpus.dir, "--limit", String(f.files), "--hash-baseline"]);
      again.push({ wallMs: r.wallMs, v: r.value });
    }
    const reIngest = median(again.map((r) => r.v.ingestMs));
    const hash = median(again.map((r) => r.v.hashMs ?? Number.NaN));
    const ratio = median(again.map((r) => r.v.ingestMs / (r.v.hashMs ?? Number.NaN)));
    const unchanged = again.every((r) => (r.v.counts.unchanged ?? 0) === f.files);

    const mb = f.bytes / 1e6;
    const ingestS = f.ingestMs / 1000;
    const firstWallMs = first.wallMs - f.snapshotMs;
    const rows = [
      [`first ingest (1 run${whole ? "" : ", time-boxed"})`, `${f.files}/${f.totalFiles}`, fmt(firstWallMs / 1000, 1), fmt(ingestS, 1), fmt(f.files / ingestS, 1), fmt(mb / ingestS, 2), fmt(f.peakRssMB, 0),
        `${f.counts.new ?? 0} new, ${f.counts.failed ?? 0} failed; ${f.chunks.toLocaleString("en-US")} chunks, ${f.assignments} assignments`],
      [`unchanged re-ingest (median of ${RUNS})`, `${f.files}`, fmt(median(again.map((r) => r.wallMs)) / 1000, 1), fmt(reIngest / 1000, 2), fmt(f.files / (reIngest / 1000), 0), fmt(mb / (reIngest / 1000), 1),
        fmt(median(again.map((r) => r.v.peakRssMB)), 0), unchanged ? "all unchanged" : "NOT all reported unchanged"],
      [`plain sha256 of every file (median of ${RUNS})`, `${f.files}`, "", fmt(hash / 1000, 2), fmt(f.files / (hash / 1000), 0), fmt(mb / (hash / 1000), 1), "", "same child process, before its re-ingest"],
    ];

    // Whole-corpus projection when time-boxed: linear in bytes, so optimistic (index inserts and flushes
    // grow with the store); memory adds the index's bytes per vector for the chunks still to come.
    const share = f.bytes / corpus.bytes;
    const wholeS = whole ? firstWallMs / 1000 : firstWallMs / 1000 / share;
    const indexBytes = statSync(join(dataDir, "vectors.hnsw")).size;
    const wholeChunks = whole ? f.chunks : f.chunks / share;
    const wholeRss = whole ? f.peakRssMB : f.peakRssMB + ((wholeChunks - f.chunks) * (indexBytes / Math.max(1, f.vectors))) / 1024 / 1024;
    const notes = [
      `Corpus: ${corpus.source === "scale" ? "../shared/ext/scale/scale_all_nonwiki.jsonl.gz" : "generated stand-in (no ../shared)"}, ${corpus.files} documents, ${fmt(corpus.chars / 1e6, 1)} M characters, ${fmt(corpus.bytes / 1e6, 1)} MB as UTF-8 .txt (written in ${fmt(corpus.writeMs / 1000, 1)} s, not timed); files in name order.`,
      "Wall = the child process from spawn to exit (tsx start, opening the store, ingest, index write); ingest = the `app.ingest()` calls alone (batches of 500 files, one call each, so that the time box and the 100k-chunk snapshot fall between calls; each call ends with an index save, while the pipeline itself saves at most once a minute); rates use the ingest time; peak RSS = the child's VmHWM. A copy of the store taken once it held 100k chunks (for the query section) is left out of both times.",
      whole
        ? "The first ingest ran over the whole corpus in this run."
        : `The first ingest was time-boxed at ${budget[1]} s and did ${f.files} of ${f.totalFiles} files (${fmt(100 * share, 1)}% of the bytes). Whole corpus projected linearly: ${fmt(wholeS, 0)} s wall, ~${Math.round(wholeChunks).toLocaleString("en-US")} chunks, peak RSS ~${fmt(wholeRss, 0)} MB (+${fmt(indexBytes / Math.max(1, f.vectors), 0)} index bytes per extra chunk). Linear is optimistic: index inserts and flushes grow with the store. \`BENCH_FULL=1\` measures it outright.`,
      `Re-ingest / sha256 ratio (median of the per-run ratios): ${fmt(ratio, 2)}x. Opening the store in the re-ingest child (reads ${f.vectors.toLocaleString("en-US")} vectors, ${fmt(indexBytes / 1e6, 0)} MB index file): median ${fmt(median(again.map((r) => r.v.openMs)), 0)} ms.`,
    ];
    const goals: Goal[] = [];
    if (!ctx.quick) {
      const how = whole ? "measured" : "projected";
      goals.push({
        what: `ingest of the whole ${corpus.source} corpus (${corpus.files} docs), wall, ${how}`,
        target: `< ${GOAL_SECONDS} s`,
        measured: `${fmt(wholeS, 0)} s`,
        pass: wholeS < GOAL_SECONDS,
        note: wholeS < GOAL_SECONDS ? `${fmt(GOAL_SECONDS - wholeS, 0)} s to spare` : `over by ${fmt(wholeS - GOAL_SECONDS, 0)} s (${fmt(wholeS / GOAL_SECONDS, 1)}x the goal)`,
      });
      goals.push({
        what: `ingest peak RSS, whole corpus, ${how}`,
        target: `< ${GOAL_RSS_MB} MB`,
        measured: `${fmt(wholeRss, 0)} MB`,
        pass: wholeRss < GOAL_RSS_MB,
        note: wholeRss < GOAL_RSS_MB ? `${fmt(GOAL_RSS_MB - wholeRss, 0)} MB to spare` : `over by ${fmt(wholeRss - GOAL_RSS_MB, 0)} MB`,
      });
    } else {
      notes.push(`Quick variant: ${corpus.files} documents only; the whole-corpus goals are not judged.`);
    }
    return {
      tables: [{ title: "Ingest throughput", header: ["run", "docs", "wall s", "ingest s", "docs/s", "MB/s", "peak RSS MB", "result"], rows }],
      notes,
      goals,
    };
  },
};
