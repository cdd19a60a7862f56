/**
 * The benchmark corpus written out as .txt files (outside any timed part): the scale corpus of ../shared,
 * or the generated stand-in. Written once per run and shared by the sections.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { generateCorpus, readJsonlGz, writeCorpus, type WrittenCorpus } from "./corpus.js";
import { sharedPath, workDir, type BenchContext } from "./context.js";

export interface ScaleCorpus extends WrittenCorpus {
  source: "scale" | "generated";
  writeMs: number;
}

const written = new WeakMap<BenchContext, ScaleCorpus>();

/** Quick runs take this many documents; full runs the whole corpus (8,631 documents). */
export const QUICK_DOCS = 600;

export async function scaleCorpus(ctx: BenchContext): Promise<ScaleCorpus> {
  const done = written.get(ctx);
  if (done) return done;
  const gz = sharedPath(ctx, "ext", "scale", "scale_all_nonwiki.jsonl.gz");
  const limit = ctx.quick ? QUICK_DOCS : Infinity;
  const dir = join(workDir(ctx), "scale-corpus");
  if (existsSync(dir)) throw new Error(`${dir} exists already`);
  const t0 = performance.now();
  const out = gz
    ? await writeCorpus(readJsonlGz(gz, limit), dir)
    : await writeCorpus(generateCorpus(ctx.quick ? QUICK_DOCS : 8631), dir);
  const corpus: ScaleCorpus = { ...out, source: gz ? "scale" : "generated", writeMs: performance.now() - t0 };
  ctx.log(`wrote ${corpus.files} ${corpus.source} documents (${(corpus.bytes / 1e6).toFixed(1)} MB) in ${(corpus.writeMs / 1000).toFixed(1)} s`);
  written.set(ctx, corpus);
  return corpus;
}
