/**
 * What every section gets: the run's options, where ../shared is (if anywhere), a work folder, and a
 * cache of stores built earlier in the same run (the 100k-chunk store is built once and reused).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Machine } from "./machine.js";
import type { SectionResult } from "./report.js";

export interface BuiltStore {
  dataDir: string;
  corpusDir: string;
  docs: number;
  chunks: number;
  /** "scale" (../shared) or "generated". */
  source: "scale" | "generated";
  /** Only the first `files` files of corpusDir (name order) are in the store. */
  files?: number;
}

export interface BenchContext {
  quick: boolean;
  /** BENCH_FULL=1: no time boxes (whole corpus, every question, 10,000 bot messages); takes far longer. */
  full: boolean;
  machine: Machine;
  /** ../shared, when present. */
  shared?: string;
  /** This run's scratch folder (bench/.work/run-<time>). */
  work: string;
  /** Stores built by one section for the next, by name ("scale-all"). */
  stores: Map<string, BuiltStore>;
  log(message: string): void;
}

export function sharedPath(ctx: BenchContext, ...parts: string[]): string | undefined {
  if (!ctx.shared) return undefined;
  const p = join(ctx.shared, ...parts);
  return existsSync(p) ? p : undefined;
}

export function workDir(ctx: BenchContext, ...parts: string[]): string {
  const p = join(ctx.work, ...parts);
  mkdirSync(p, { recursive: true });
  return p;
}

/** A deadline `seconds` from now, or none in a BENCH_FULL run. */
export function deadline(ctx: BenchContext, seconds: number): number {
  return ctx.full ? Infinity : performance.now() + seconds * 1000;
}

/** Thrown by a section whose input or measured piece is missing: reported as "skipped: <why>". */
export class Skip extends Error {}

export type SectionBody = Omit<SectionResult, "name" | "seconds" | "skipped">;

export interface Section {
  name: string;
  /** Short key for BENCH_ONLY=ingest,query. */
  key: string;
  run(ctx: BenchContext): Promise<SectionBody>;
}

/**
 * Imports a project module, turning "the module does not exist yet" into a Skip (others are still
 * writing the pipeline; a section must not crash the run for that).
 */
export async function importPiece<T>(specifier: string, what: string): Promise<T> {
  try {
    return (await import(specifier)) as T;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === "ERR_MODULE_NOT_FOUND" || /Cannot find module|does not provide an export/.test(e.message ?? "")) {
      throw new Skip(`${what} is not available (${(e.message ?? "").split("\n")[0]})`);
    }
    throw err;
  }
}
