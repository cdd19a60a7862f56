import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ChunkDraft, Section } from "../../core/types.js";
import { chunkSections, splitRange } from "../../ingest/chunks.js";
import { cleanText } from "../../ingest/clean.js";
import { readMetadata } from "../../ingest/metadata.js";
import { splitSections } from "../../ingest/sections.js";

const SAMPLE = new URL("../../sample-corpus/", import.meta.url);

function load(name: string) {
  const text = cleanText(readFileSync(new URL(name, SAMPLE), "utf8"), "txt");
  const meta = readMetadata(text, { name });
  const sections = splitSections(text, meta.kind);
  return { text, meta, sections };
}

/** The invariants every chunk list keeps. */
function checkChunks(text: string, sections: Section[], chunks: ChunkDraft[], max: number) {
  for (const c of chunks) {
    expect(c.text).toBe(text.slice(c.start, c.end));
    expect(c.text.length).toBeGreaterThan(0);
    expect(c.text.length).toBeLessThanOrEqual(max);
    expect(c.text).toBe(c.text.trim());
    const s = sections[c.section]!;
    expect(c.start).toBeGreaterThanOrEqual(s.start);
    expect(c.end).toBeLessThanOrEqual(s.end);
    // Never straddles a child section: a chunk of a parent ends before its first child.
    const child = sections.find((x) => x.parent === s.index);
    if (child) expect(c.end).toBeLessThan(child.start);
  }
}

describe("chunkSections", () => {
  it("gives each leaf of 002 one chunk, and each parent's lead-in its own chunk", () => {
    const { text, meta, sections } = load("002_f51bd1bc98d5fad9.txt");
    const chunks = chunkSections(text, sections, meta);
    checkChunks(text, sections, chunks, 1200);
    const three = sections.find((s) => s.label === "3")!;
    const threeTwo = sections.find((s) => s.label === "3 (ii)")!;
    expect(chunks.filter((c) => c.section === three.index).map((c) => c.text)).toEqual(["Giao Ban Tổ chức Trung ương:"]);
    const leaf = chunks.filter((c) => c.section === threeTwo.index);
    expect(leaf).toHaveLength(1);
    expect(leaf[0]!.text).toBe("Tham mưu Ban Bí thư ban hành Quy định giải quyết khiếu nại về xoá tên đảng viên.");
    expect(leaf[0]!.context).toBe(`${meta.title} › 3 Giao Ban Tổ chức Trung ương: › (ii)`);
    // Every section with text is covered.
    for (const s of sections) expect(chunks.some((c) => c.section === s.index)).toBe(true);
  });

  it("splits a long section at sentence and clause boundaries with exact offsets", () => {
    const { text, meta, sections } = load("000_bc2115a807619c08.txt");
    const chunks = chunkSections(text, sections, meta, { maxChars: 200 });
    checkChunks(text, sections, chunks, 200);
    const preamble = chunks.filter((c) => c.section === 0);
    expect(preamble.length).toBeGreaterThan(3);
    // Pieces end at a separator (or the section end), never mid-word.
    for (const c of preamble.slice(0, -1)) expect(text[c.end] === undefined || /\s/u.test(text[c.end]!)).toBe(true);
    expect(chunks[0]!.context.length).toBeLessThanOrEqual(125 + 3 + 10);
  });

  it("covers a news report with whole paragraphs, several to a chunk within the size limit", () => {
    const { text, meta, sections } = load("001_6605ce0a4e5edd48.txt");
    const chunks = chunkSections(text, sections, meta);
    expect(chunks.length).toBeLessThan(sections.length);
    for (const c of chunks) {
      expect(c.text).toBe(text.slice(c.start, c.end));
      expect(c.text.length).toBeLessThanOrEqual(1200);
      expect(c.context).toMatch(/ › đoạn \d+$/u);
    }
    // Every paragraph lies inside one chunk, or (when longer than a chunk) is split into its own chunks.
    for (const s of sections) {
      const inside = chunks.filter((c) => c.start <= s.start && s.end <= c.end);
      const own = chunks.filter((c) => c.section === s.index);
      expect(inside.length + own.length, s.label).toBeGreaterThan(0);
    }
  });

  it("never puts two numbered items in one chunk", () => {
    const { text, meta, sections } = load("002_f51bd1bc98d5fad9.txt");
    for (const c of chunkSections(text, sections, meta, { maxChars: 5000 })) {
      const s = sections[c.section]!;
      expect(c.end).toBeLessThanOrEqual(s.end);
    }
  });

  it("splitRange cuts hard only when no separator is left", () => {
    const text = "a".repeat(25);
    expect(splitRange(text, 0, 25, 10)).toEqual([[0, 10], [10, 20], [20, 25]]);
    const words = "một hai ba bốn năm sáu bảy tám chín mười";
    for (const [s, e] of splitRange(words, 0, words.length, 12)) expect(e - s).toBeLessThanOrEqual(12);
  });
});
