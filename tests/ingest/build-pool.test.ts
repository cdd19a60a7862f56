import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { loadOrgRegistry } from "../../core/orgs.js";
import { ingestPaths, type IngestDeps } from "../../ingest/pipeline.js";
import type { IngestSummary } from "../../ingest/types.js";
import { copyCorpus, openTempApp, removeDir } from "../helpers/app.js";
import { memoryLogger } from "../bot/fakes.js";

const apps: Array<App & { dir: string }> = [];
afterEach(async () => {
  for (const app of apps.splice(0)) {
    await app.close();
    removeDir(app.dir);
  }
});

/**
 * A fresh store ingesting 53 files (enough for the run to start worker threads): the sample corpus's five
 * texts ten times over under other names, a broken .docx, an empty text and a broken PDF (read on the
 * main thread, as OCR may read a PDF).
 */
async function ingestBatch(threads: IngestDeps["threads"]): Promise<{ app: App; run: IngestSummary; log: string }> {
  const app = await openTempApp();
  apps.push(app);
  const corpus = copyCorpus(app.dir);
  const dir = join(app.dir, "batch");
  mkdirSync(dir);
  for (const name of readdirSync(corpus)) for (let n = 1; n <= 10; n++) copyFileSync(join(corpus, name), join(dir, `${n}-${name}`));
  writeFileSync(join(dir, "broken.docx"), "this is not a zip file");
  writeFileSync(join(dir, "empty.txt"), "   \n");
  writeFileSync(join(dir, "broken.pdf"), "%PDF-1.4 garbage");
  const { logger, lines } = memoryLogger();
  const deps: IngestDeps = { store: app.store, registry: loadOrgRegistry(), embeddings: app.embeddings, maxBytes: 20 * 1024 * 1024, logger, threads };
  const run = await ingestPaths([dir], deps);
  return { app, run, log: lines.join("") };
}

/** What a run stored, file by file: status, counts and error code. */
function outcome(run: IngestSummary) {
  return run.files.map((f) => [f.name, f.status, f.sections, f.chunks, f.assignments, f.error?.code]);
}

describe("reading files in worker threads", () => {
  it("stores what reading on the main thread stores, in the same order, bad files reported with the same codes", async () => {
    const here = await ingestBatch({ count: 0 });
    const threaded = await ingestBatch({ count: 2 });
    expect(threaded.log).toContain("reading files in worker threads");
    expect(here.log).not.toContain("worker threads");
    expect(threaded.log).not.toContain("stopped");
    expect(threaded.run.counts).toMatchObject({ new: 50, failed: 3 });
    expect(outcome(threaded.run)).toEqual(outcome(here.run));
    const failed = Object.fromEntries(threaded.run.files.filter((f) => f.error).map((f) => [f.name, f.error!.code]));
    expect(failed).toEqual({ "broken.docx": "docx_broken", "empty.txt": "empty_file", "broken.pdf": "pdf_broken" });
    const ask = (app: App) => app.answerer.ask("Ban Tổ chức Trung ương được giao nhiệm vụ gì?", { llm: false });
    expect((await ask(threaded.app)).citations).toEqual((await ask(here.app)).citations);
  });

  it("loses no file when its threads cannot start: the files are read on the main thread", async () => {
    const here = await ingestBatch({ count: 0 });
    // The workers load the registry from this file and stop on it; the run's own registry is fine.
    const broken = join(here.app.config.store.dataDir, "..", "broken-registry.json");
    writeFileSync(broken, "{ not json");
    const threaded = await ingestBatch({ count: 2, registryFile: broken });
    expect(threaded.log).toContain("a reader thread stopped");
    expect(outcome(threaded.run)).toEqual(outcome(here.run));
  });
});
