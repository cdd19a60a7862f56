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
}

export interface BenchContext {
  quick: boolean;
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
