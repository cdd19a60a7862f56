/**
 * Child process of the ingest benchmark, so that peak RSS is the ingest's own. Usage:
 *   node --import tsx bench/child/ingest.ts DATA_DIR CORPUS_DIR [--limit N] [--budget-s S] [--batch B] [--hash-baseline]
 * Takes the corpus files in name order (the first N with --limit) and ingests them in batches of B (one
 * `app.ingest` call each, which saves the index at its end; the pipeline itself saves at most once a
 * minute; default: one call over all, or 1000 with a budget; the ingest section passes 500); with --budget-s it starts no batch once S
 * seconds have passed.
 * With --snapshot-at C --snapshot-dir DIR it copies the store, between batches, the first time it holds C
 * chunks or more (the query benchmark's 100k store, without a second ingest); the copy is not timed.
 * Prints one JSON line: times in ms, files and bytes done, counts, peak RSS in MB.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { openApp } from "../../app/open.js";
import { loadConfig } from "../../core/config.js";
import { peakRssMB } from "../lib/machine.js";

function flag(args: string[], name: string): number | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : undefined;
}

/**
 * Copies the SQLite file with its WAL and the vector file. Safe between batches: `ingest()` has committed
 * and flushed, and nothing writes until the next batch starts.
 */
function copyStore(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of ["nhiemvu.sqlite", "nhiemvu.sqlite-wal", "vectors.hnsw"]) {
    if (existsSync(join(from, name))) copyFileSync(join(from, name), join(to, name));
  }
}

async function main(): Promise<void> {
  const [dataDir, corpus, ...rest] = process.argv.slice(2);
  if (!dataDir || !corpus) throw new Error("usage: ingest.ts DATA_DIR CORPUS_DIR [--limit N] [--budget-s S] [--batch B] [--hash-baseline]");
  const all = readdirSync(corpus).filter((n) => !n.startsWith(".")).sort().map((n) => join(corpus, n));
  const files = all.slice(0, flag(rest, "--limit") ?? all.length);

  let hashMs: number | undefined;
  if (rest.includes("--hash-baseline")) {
    // The floor for a no-change run: read and sha256 every file, one at a time as the ingest does.
    const t = performance.now();
    for (const f of files) createHash("sha256").update(await readFile(f)).digest("hex");
    hashMs = performance.now() - t;
  }

  const t0 = performance.now();
  const app = await openApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  const t1 = performance.now();
  const budget = flag(rest, "--budget-s");
  const batch = flag(rest, "--batch") ?? (budget === undefined ? files.length : 1000);
  const counts: Record<string, number> = {};
  let done = 0;
  let chunks = 0;
  let snapshotMs = 0;
  let snapshot: { dir: string; files: number; chunks: number } | undefined;
  const snapshotAt = flag(rest, "--snapshot-at");
  const snapshotDir = rest[rest.indexOf("--snapshot-dir") + 1];
  const batches = Array.from({ length: Math.ceil(files.length / batch) }, (_, i) => files.slice(i * batch, (i + 1) * batch));
  for (const b of batches) {
    if (budget !== undefined && performance.now() - t1 > budget * 1000) break;
    const summary = await app.ingest(b);
    for (const [k, v] of Object.entries(summary.counts)) counts[k] = (counts[k] ?? 0) + v;
    done += b.length;
    chunks += summary.chunks;
    if (snapshotAt !== undefined && snapshotDir && !snapshot && chunks >= snapshotAt) {
      const t = performance.now();
      snapshot = { dir: snapshotDir, files: done, chunks };
      copyStore(dataDir, snapshotDir);
      snapshotMs += performance.now() - t;
    }
  }
  const t2 = performance.now();
  const stats = await app.store.stats();
  await app.close();
  const bytes = files.slice(0, done).reduce((s, f) => s + statSync(f).size, 0);
  const out = {
    openMs: t1 - t0, ingestMs: t2 - t1 - snapshotMs, hashMs, snapshot, snapshotMs, files: done, totalFiles: files.length, bytes, counts,
    chunks: stats.chunks, vectors: stats.vectors, assignments: stats.assignments, peakRssMB: peakRssMB(),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
