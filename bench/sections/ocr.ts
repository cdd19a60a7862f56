/**
 * OCR of scans: every sample-corpus document typeset, rasterised at 200 dpi and rebuilt as an image-only
 * PDF, clean and "noisy" (tilted 0.8°, speckled), read back through ingest's PDF reader (tesseract vie,
 * one process per core). Reports the character error rate against the original text, pages per second
 * per core, and the cost of a second read from the OCR cache.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importPiece, Skip, workDir, type BenchContext, type Section, type SectionBody } from "../lib/context.js";
import type { Goal } from "../lib/report.js";
import { fmt } from "../lib/stats.js";

const CORPUS = fileURLToPath(new URL("../../sample-corpus/", import.meta.url));
const GOAL_CLEAN = 0.02;
const GOAL_NOISY = 0.05;

type Scan = typeof import("../../tests/ingest/ocr-scan.js");
type Read = typeof import("../../ingest/parse/read.js");
type Pool = typeof import("../../ingest/ocr/pool.js");

export const ocrSection: Section = {
  name: "OCR of scanned documents",
  key: "ocr",
  async run(ctx: BenchContext): Promise<SectionBody> {
    const scan = await importPiece<Scan>("../../tests/ingest/ocr-scan.js", "the scan fixtures");
    const { readDocumentFile } = await importPiece<Read>("../../ingest/parse/read.js", "the document reader");
    const { coreCount } = await importPiece<Pool>("../../ingest/ocr/pool.js", "the OCR pool");
    if (!scan.canScan()) throw new Skip("tesseract-ocr with tesseract-ocr-vie, poppler-utils or fonts-dejavu-core is not installed");
    const dir = workDir(ctx, "ocr");
    const cacheDir = join(dir, "ocr-cache");
    const workers = coreCount();
    const files = readdirSync(CORPUS).filter((f) => f.endsWith(".txt")).sort().slice(0, ctx.quick ? 2 : undefined);
    const variants = ctx.quick ? [false] : [false, true];
    const rows: string[][] = [];
    const cer: Record<"clean" | "noisy", number[]> = { clean: [], noisy: [] };
    let pagesTotal = 0, coldTotal = 0, warmTotal = 0;
    for (const f of files) {
      const original = readFileSync(join(CORPUS, f), "utf8");
      for (const noisy of variants) {
        const kind = noisy ? "noisy" : "clean";
        ctx.log(`ocr ${f} (${kind})`);
        const pdf = join(dir, `${f.replace(/\.txt$/, "")}-${kind}.pdf`);
        writeFileSync(pdf, await scan.scanPdf(await scan.textToPdf(original), dir, { noisy }));
        let pages = 0;
        const t0 = performance.now();
        const raw = await readDocumentFile(pdf, { maxBytes: 200e6, ocr: { cacheDir, workers, onPage: (_d, total) => { pages = total; } } });
        const cold = (performance.now() - t0) / 1000;
        const t1 = performance.now();
        const again = await readDocumentFile(pdf, { maxBytes: 200e6, ocr: { cacheDir, workers } });
        const warm = (performance.now() - t1) / 1000;
        if (again.text !== raw.text) throw new Error(`${f}: the cached read differs from the first one`);
        const rate = scan.characterErrorRate(original, raw.text);
        cer[kind].push(rate);
        pagesTotal += pages; coldTotal += cold; warmTotal += warm;
        rows.push([f, kind, String(pages), fmt(rate * 100, 2), fmt(cold, 1), fmt(pages / cold / workers, 3), fmt(warm, 2)]);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const goals: Goal[] = [];
    for (const [kind, goal] of [["clean", GOAL_CLEAN], ["noisy", GOAL_NOISY]] as const) {
      if (cer[kind].length === 0) continue;
      const worst = Math.max(...cer[kind]);
      goals.push({
        what: `character error rate, ${kind} scans (${cer[kind].length} documents), worst document`,
        target: `≤ ${fmt(goal * 100, 0)} %`,
        measured: `${fmt(worst * 100, 2)} % (mean ${fmt(mean(cer[kind]) * 100, 2)} %)`,
        pass: worst <= goal,
      });
    }
    return {
      tables: [
        { title: "OCR per document (200 dpi scans read at 300 dpi)", header: ["document", "scan", "pages", "CER %", "OCR s", "pages/s/core", "cached s"], rows },
        {
          title: "OCR totals",
          header: ["pages", "workers", "OCR s", "pages/s/core", "re-read from cache s", "cache speed-up"],
          rows: [[String(pagesTotal), String(workers), fmt(coldTotal, 1), fmt(pagesTotal / coldTotal / workers, 3), fmt(warmTotal, 2), `${fmt(coldTotal / Math.max(warmTotal, 1e-3), 0)}x`]],
        },
      ],
      notes: [
        "CER: edit distance over the original's characters, whitespace squashed; the OCR text is after the page joiner (page numbers dropped) and the mark repairs.",
        "A re-ingest of unchanged bytes is skipped by the pipeline's content hash before OCR; the cache serves a new store, a removed document or a changed sidecar.",
        ...(ctx.quick ? ["Quick variant: 2 documents, clean scans only."] : []),
      ],
      goals,
    };
  },
};
