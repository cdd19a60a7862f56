/**
 * Opening the real app for a section, and building stores of a given corpus in a child process (the same
 * child the ingest section times), cached in the run's context so the big store is built once.
 */
import { linkSync, mkdirSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import type { App } from "../../app/types.js";
import { runChild } from "./child.js";
import { importPiece, workDir, type BenchContext, type BuiltStore } from "./context.js";

export const INGEST_CHILD = "bench/child/ingest.ts";

export interface IngestChildResult {
  openMs: number;
  ingestMs: number;
  hashMs?: number;
  snapshot?: { dir: string; files: number; chunks: number };
  snapshotMs: number;
  files: number;
  totalFiles: number;
  bytes: number;
  counts: Record<string, number>;
  chunks: number;
  vectors: number;
  assignments: number;
  peakRssMB: number;
}

/** Opens the app on `dataDir` with the default (local) embedder, logging off. */
export async function openBenchApp(dataDir: string): Promise<App> {
  const { openApp } = await importPiece<typeof import("../../app/open.js")>("../../app/open.js", "app/open.ts (openApp)");
  const { loadConfig } = await importPiece<typeof import("../../core/config.js")>("../../core/config.js", "core/config.ts");
  return openApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
}

/** Ingests `corpusDir` into a fresh store (child process), or returns the one this run already built. */
export async function buildStore(ctx: BenchContext, name: string, corpusDir: string, source: BuiltStore["source"], args: string[] = []): Promise<{ store: BuiltStore; result?: IngestChildResult }> {
  const cached = ctx.stores.get(name);
  if (cached) return { store: cached };
  const dataDir = workDir(ctx, "stores", name);
  ctx.log(`building store ${name} from ${corpusDir}`);
  const { value } = await runChild<IngestChildResult>(INGEST_CHILD, [dataDir, corpusDir, ...args]);
  const store: BuiltStore = { dataDir, corpusDir, docs: value.files, chunks: value.chunks, source, files: value.files };
  ctx.stores.set(name, store);
  return { store, result: value };
}

/** Hard-links the named files of `from` into a new folder (a subset corpus without copying bytes). */
export function linkSubset(from: string, names: string[], to: string): string {
  mkdirSync(to, { recursive: true });
  for (const n of names) linkSync(join(from, n), join(to, basename(n)));
  return to;
}

export function listFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => !n.startsWith(".")).sort();
}
