/**
 * OCR results by content: DIR/ab/abcdef...-p3.txt holds page 3 of the file whose key (the file's sha256,
 * the engine version, the language and the resolution) hashes to abcdef... A re-ingest of the same bytes
 * reads these instead of running tesseract. Written atomically (temp file, then rename).
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

export interface OcrCache {
  get(page: number): Promise<string | undefined>;
  put(page: number, text: string): Promise<void>;
}

/** The cache of one file's pages; without a folder, a cache that holds nothing. */
export function openOcrCache(dir: string | undefined, parts: string[]): OcrCache {
  if (!dir) return { get: async () => undefined, put: async () => undefined };
  const key = createHash("sha256").update(parts.join("\0")).digest("hex");
  const path = (page: number) => join(dir, key.slice(0, 2), `${key}-p${page}.txt`);
  return {
    async get(page) {
      return readFile(path(page), "utf8").catch(() => undefined);
    },
    async put(page, text) {
      const to = path(page);
      try {
        await mkdir(dirname(to), { recursive: true });
        const tmp = `${to}.${process.pid}.tmp`;
        await writeFile(tmp, text, "utf8");
        await rename(tmp, to);
      } catch {
        // A cache that cannot be written only costs time on the next run.
      }
    },
  };
}
