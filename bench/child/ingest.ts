/**
 * Child process of the ingest benchmark, so that peak RSS is the ingest's own. Usage:
 *   node --import tsx bench/child/ingest.ts DATA_DIR CORPUS_DIR [--hash-baseline]
 * Prints one JSON line: open, ingest and (optionally) plain-sha256 times in ms, counts, peak RSS in MB.
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { openApp } from "../../app/open.js";
import { loadConfig } from "../../core/config.js";
import { peakRssMB } from "../lib/machine.js";

/** sha256 of every file under `dir`, read one at a time as the ingest does: the floor for a no-change run. */
async function hashAll(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    createHash("sha256").update(await readFile(join(e.parentPath, e.name))).digest("hex");
    n++;
  }
  return n;
}

async function main(): Promise<void> {
  const [dataDir, corpus, ...flags] = process.argv.slice(2);
  if (!dataDir || !corpus) throw new Error("usage: ingest.ts DATA_DIR CORPUS_DIR [--hash-baseline]");
  let hashMs: number | undefined;
  if (flags.includes("--hash-baseline")) {
    const t = performance.now();
    await hashAll(corpus);
    hashMs = performance.now() - t;
  }
  const t0 = performance.now();
  const app = await openApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
  const t1 = performance.now();
  const summary = await app.ingest([corpus]);
  const t2 = performance.now();
  const stats = await app.store.stats();
  await app.close();
  const out = {
    openMs: t1 - t0,
    ingestMs: t2 - t1,
    hashMs,
    counts: summary.counts,
    chunks: stats.chunks,
    vectors: stats.vectors,
    assignments: stats.assignments,
    peakRssMB: peakRssMB(),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
