/**
 * OCR of scanned pages: each page rendered by pdftoppm and read by tesseract (Vietnamese), one child
 * process per core, with a timeout per page and a cache by content hash. A page that fails is reported
 * through `onWarning` and left out; the other pages go on.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ParseError } from "../../core/errors.js";
import { openOcrCache } from "./cache.js";
import { correctOcrText } from "./correct.js";
import { coreCount, runPool } from "./pool.js";
import { findOcrTools, OCR_INSTALL_HINT, runTool, type OcrTools } from "./tools.js";

export interface OcrOptions {
  /** Where page texts are cached (DATA_DIR/ocr-cache); none: no cache. */
  cacheDir?: string;
  /** Pages read at once; default one per core. */
  workers?: number;
  /** Time one page may take (render + recognise); default 180 s. */
  pageTimeoutMs?: number;
  /** Most pages OCR'd in one file; default 300. */
  maxPages?: number;
  /** Rendering resolution; default 300 dpi. */
  dpi?: number;
  /** After each OCR'd page: done of total (the CLI's progress line, the bot's "trang 3/12"). */
  onPage?: (done: number, total: number) => void;
  /** A page that failed, in plain English; the file goes on without it. */
  onWarning?: (message: string) => void;
}

export const OCR_DEFAULTS = { pageTimeoutMs: 180_000, maxPages: 300, dpi: 300 } as const;

/** The tools, or a ParseError telling how to install them. */
export function requireOcr(file: string, what: string): OcrTools {
  const tools = findOcrTools();
  if (!tools) throw new ParseError("ocr_unavailable", `${file} ${what} and needs OCR, which is not installed here: ${OCR_INSTALL_HINT}.`);
  return tools;
}

/** tesseract's text of one image file: form feeds (page ends) dropped, NFC. */
async function recognise(tools: OcrTools, image: string, timeoutMs: number): Promise<string> {
  const out = await runTool(tools.tesseract, [image, "stdout", "-l", "vie", "--psm", "3"], timeoutMs);
  return out.toString("utf8").replace(/\f/g, "\n").normalize("NFC").trim();
}

function tooManyPages(file: string, n: number, max: number): ParseError {
  return new ParseError("too_many_pages", `${file} has ${n} scanned pages to read, over the limit of ${max}; split it and ingest the parts.`);
}

/**
 * OCR the given pages (1-based) of a PDF file. Returns page -> text for the pages that worked; throws
 * ParseError ocr_failed when none did.
 */
export async function ocrPdfPages(path: string, file: string, hash: string, pages: number[], opts: OcrOptions = {}): Promise<Map<number, string>> {
  const tools = requireOcr(file, "has pages without a text layer (a scan)");
  const max = opts.maxPages ?? OCR_DEFAULTS.maxPages;
  if (pages.length > max) throw tooManyPages(file, pages.length, max);
  const dpi = opts.dpi ?? OCR_DEFAULTS.dpi;
  const timeout = opts.pageTimeoutMs ?? OCR_DEFAULTS.pageTimeoutMs;
  const cache = openOcrCache(opts.cacheDir, [hash, tools.version, "vie", `pdf@${dpi}`]);
  const tmp = await mkdtemp(join(tmpdir(), "nhiemvu-ocr-"));
  try {
    const results = await runPool(pages, opts.workers ?? coreCount(), async (page) => {
      const cached = await cache.get(page);
      if (cached !== undefined) return cached;
      const started = Date.now();
      const prefix = join(tmp, `p${page}`);
      await runTool(tools.pdftoppm, ["-r", String(dpi), "-f", String(page), "-l", String(page), "-gray", "-png", "-singlefile", path, prefix], timeout);
      const text = await recognise(tools, `${prefix}.png`, Math.max(1000, timeout - (Date.now() - started)));
      await rm(`${prefix}.png`, { force: true });
      await cache.put(page, text);
      return text;
    }, (done, total) => opts.onPage?.(done, total));
    return collect(file, results.map((r, i) => ({ page: pages[i]!, r })), opts);
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** OCR an image file (.png, .jpg, .tif; a multi-page TIFF gives its pages in order). */
export async function ocrImage(path: string, file: string, hash: string, opts: OcrOptions = {}): Promise<string> {
  const tools = requireOcr(file, "is an image");
  const cache = openOcrCache(opts.cacheDir, [hash, tools.version, "vie", "image"]);
  const [result] = await runPool([1], 1, async () => {
    const cached = await cache.get(1);
    if (cached !== undefined) return cached;
    const text = await recognise(tools, path, opts.pageTimeoutMs ?? OCR_DEFAULTS.pageTimeoutMs);
    await cache.put(1, text);
    return text;
  }, (done, total) => opts.onPage?.(done, total));
  if (!result!.ok) throw failure(file, result!.error);
  return correctOcrText(result!.value);
}

function failure(file: string, error: unknown): ParseError {
  const why = error instanceof Error ? error.message : String(error);
  return new ParseError("ocr_failed", `${file}: OCR failed (${why}).`, { cause: error });
}

function collect(file: string, results: Array<{ page: number; r: { ok: true; value: string } | { ok: false; error: unknown } }>, opts: OcrOptions): Map<number, string> {
  const out = new Map<number, string>();
  const failed: number[] = [];
  let last: unknown;
  for (const { page, r } of results) {
    if (r.ok) out.set(page, correctOcrText(r.value));
    else {
      failed.push(page);
      last = r.error;
      opts.onWarning?.(`${file}: page ${page} could not be read by OCR (${r.error instanceof Error ? r.error.message : String(r.error)}); the other pages were kept.`);
    }
  }
  if (out.size === 0 && failed.length > 0) throw failure(file, last);
  return out;
}
