/**
 * The whole front half of ingestion over every crawled directive and news file in ../shared/ext:
 * nothing may crash, chunk offsets must be exact, and per-file failures are counted with their reason.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { DocKind } from "../../core/types.js";
import { chunkSections } from "../../ingest/chunks.js";
import { cleanText } from "../../ingest/clean.js";
import { readMetadata } from "../../ingest/metadata.js";
import { readDocumentFile } from "../../ingest/parse/read.js";
import { splitSections } from "../../ingest/sections.js";

const SHARED = new URL("../../../shared/", import.meta.url);
const DIRS = ["ext/directives/", "ext/news/"].map((d) => new URL(d, SHARED));

describe.skipIf(!DIRS.every((d) => existsSync(d)))("ingest front half over ../shared/ext", () => {
  it("reads, cleans, describes, sections and chunks all 421 files", async () => {
    const failures: Array<{ file: string; reason: string }> = [];
    const kinds: Partial<Record<DocKind, number>> = {};
    let files = 0;
    let sections = 0;
    let chunks = 0;
    let numbered = 0;
    for (const dir of DIRS) {
      for (const name of readdirSync(dir).sort()) {
        files++;
        const path = fileURLToPath(new URL(name, dir));
        try {
          const raw = await readDocumentFile(path, { maxBytes: 50 * 1024 * 1024 });
          const text = cleanText(raw.text, raw.format);
          const meta = readMetadata(text, { name });
          const secs = splitSections(text, meta.kind);
          const chs = chunkSections(text, secs, meta);
          for (const c of chs) if (c.text !== text.slice(c.start, c.end)) throw new Error(`chunk ${c.start}-${c.end} is not a slice`);
          for (const s of secs) if (s.start > s.end || s.end > text.length) throw new Error(`section ${s.label} has bad offsets`);
          kinds[meta.kind] = (kinds[meta.kind] ?? 0) + 1;
          sections += secs.length;
          chunks += chs.length;
          if (secs.some((s) => !s.label.startsWith("đoạn") && s.label !== "mở đầu")) numbered++;
        } catch (err) {
          failures.push({ file: name, reason: err instanceof Error ? `${(err as { code?: string }).code ?? err.name}: ${err.message}` : String(err) });
        }
      }
    }
    console.log(JSON.stringify({ files, failures: failures.length, kinds, sections, chunks, numbered }));
    for (const f of failures) console.log(`failed: ${f.file}: ${f.reason}`);
    expect(files).toBe(421);
    expect(failures).toEqual([]);
    // Most directives carry their own numbering; news is paragraphs.
    expect(numbered).toBeGreaterThan(200);
    expect(kinds.news ?? 0).toBeGreaterThan(120);
  });
});
