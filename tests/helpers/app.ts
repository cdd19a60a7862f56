import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect } from "vitest";
import { openApp, type OpenAppOptions } from "../../app/open.js";
import type { App } from "../../app/types.js";
import { loadConfig } from "../../core/config.js";

export const PROJECT = fileURLToPath(new URL("../../", import.meta.url));
export const SAMPLE_CORPUS = join(PROJECT, "sample-corpus");
export const SHARED = join(PROJECT, "..", "shared");

export function tempDir(prefix = "nhiemvu-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A real app (SQLite file + hnswlib index) in a fresh temp folder. */
export async function openTempApp(env: Record<string, string> = {}, options: OpenAppOptions = {}): Promise<App & { dir: string }> {
  const dir = tempDir();
  const config = loadConfig({ DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent", ...env });
  const app = await openApp(config, options);
  return Object.assign(app, { dir });
}

/** A copy of the sample corpus that a test may change. */
export function copyCorpus(dir: string): string {
  const to = join(dir, "corpus");
  cpSync(SAMPLE_CORPUS, to, { recursive: true });
  return to;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A real app over the sample corpus plus documents of the test's own (file name -> text), ingested with
 * no failure. Close it with `closeTempApp`.
 */
export async function openSampleApp(files: Record<string, string> = {}): Promise<App & { dir: string }> {
  const app = await openTempApp();
  const corpus = copyCorpus(app.dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(corpus, name), text);
  const run = await app.ingest([corpus]);
  expect(run.counts.failed).toBe(0);
  return app;
}

/**
 * The sample app of a test file (openSampleApp): opened before its tests, closed after them. Returns a
 * getter, since the app exists only once the tests run.
 */
export function useSampleApp(files: Record<string, string> = {}): () => App & { dir: string } {
  let app: (App & { dir: string }) | undefined;
  beforeAll(async () => {
    app = await openSampleApp(files);
  });
  afterAll(() => (app ? closeTempApp(app) : undefined));
  return () => app!;
}

export async function closeTempApp(app: App & { dir: string }): Promise<void> {
  await app.close();
  removeDir(app.dir);
}
