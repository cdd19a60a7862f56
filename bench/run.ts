/**
 * `npm run bench`: runs every section (ingest, query latency and vector search, retrieval quality, bot),
 * prints a table per section and writes bench/RESULTS.md. A section whose input (../shared) or measured
 * piece is missing prints "skipped: <why>"; the others still run.
 *
 * The default run time-boxes its longest parts to finish within 10 minutes on 2 cores and says what it cut.
 * Environment (read here only, as the entry point): BENCH_QUICK=1 for a fast variant, BENCH_FULL=1 for no
 * time boxes (whole scale corpus, every question, 10,000 bot messages; far longer), BENCH_ONLY=ingest,query
 * to run some sections, BENCH_KEEP=1 to keep bench/.work/run-* afterwards, BENCH_OUT=PATH to write the
 * results elsewhere than bench/RESULTS.md (the quick variant writes bench/.work/RESULTS-quick.md), BENCH_SHARED=DIR
 * to read another copy of ../shared (a missing folder shows what runs without it).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Skip, type BenchContext, type Section } from "./lib/context.js";
import { describeMachine, machineLine } from "./lib/machine.js";
import { goalTable, renderReport, textTable, type SectionResult } from "./lib/report.js";
import { botSection } from "./sections/bot.js";
import { ingestSection } from "./sections/ingest.js";
import { ocrSection } from "./sections/ocr.js";
import { qualitySection } from "./sections/quality.js";
import { querySection } from "./sections/query.js";
import { startupSection } from "./sections/startup.js";

const BENCH = fileURLToPath(new URL("./", import.meta.url));
const SECTIONS: Section[] = [ingestSection, querySection, startupSection, qualitySection, botSection, ocrSection];

async function main(): Promise<number> {
  const yes = (v: string | undefined) => ["1", "true", "yes"].includes(v ?? "");
  const quick = yes(process.env.BENCH_QUICK);
  const full = yes(process.env.BENCH_FULL) && !quick;
  const only = (process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const shared = process.env.BENCH_SHARED ?? fileURLToPath(new URL("../../shared/", import.meta.url));
  const started = new Date();
  const work = join(BENCH, ".work", `run-${started.toISOString().replace(/[:.]/g, "-")}`);
  mkdirSync(work, { recursive: true });
  const t0 = performance.now();
  const ctx: BenchContext = {
    quick,
    full,
    machine: describeMachine(),
    shared: existsSync(shared) ? shared : undefined,
    work,
    stores: new Map(),
    log: (m) => process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}\n`),
  };
  console.log(`Machine: ${machineLine(ctx.machine)}${quick ? "  (BENCH_QUICK)" : full ? "  (BENCH_FULL)" : ""}`);
  if (!ctx.shared) console.log("../shared is absent: sections fall back to generated inputs or skip.");

  const results: SectionResult[] = [];
  let errors = 0;
  for (const section of SECTIONS) {
    if (only.length > 0 && !only.includes(section.key)) continue;
    const s0 = performance.now();
    ctx.log(`section ${section.name}`);
    let result: SectionResult;
    try {
      const body = await section.run(ctx);
      result = { name: section.name, ...body, seconds: (performance.now() - s0) / 1000 };
    } catch (err) {
      const why = err instanceof Skip ? err.message : `error: ${err instanceof Error ? err.message : String(err)}`;
      if (!(err instanceof Skip)) {
        errors++;
        process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
      }
      result = { name: section.name, skipped: why, tables: [], notes: [], goals: [], seconds: (performance.now() - s0) / 1000 };
    }
    results.push(result);
    printSection(result);
  }
  const seconds = (performance.now() - t0) / 1000;
  const goals = results.flatMap((r) => r.goals);
  if (goals.length > 0) console.log(`\n${textTable(goalTable(goals))}`);
  console.log(`\nTotal: ${seconds.toFixed(0)} s`);

  const out = process.env.BENCH_OUT ?? (quick ? join(BENCH, ".work", "RESULTS-quick.md") : join(BENCH, "RESULTS.md"));
  writeFileSync(out, renderReport({ machine: ctx.machine, started, seconds, quick, full, sections: results }));
  console.log(`Wrote ${out}`);
  if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  return errors > 0 ? 1 : 0;
}

function printSection(r: SectionResult): void {
  console.log(`\n== ${r.name} (${r.seconds.toFixed(0)} s)`);
  if (r.skipped) {
    console.log(r.skipped.startsWith("error:") ? r.skipped : `skipped: ${r.skipped}`);
    return;
  }
  for (const t of r.tables) console.log(`\n${textTable(t)}`);
  for (const n of r.notes) console.log(`- ${n}`);
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
