/**
 * Scans: a sample document typeset, rasterised and rebuilt as an image-only PDF is read by OCR and
 * answers like the text; a PDF mixing a text page and a scanned page is read whole; an image is read;
 * a re-ingest reads the OCR cache. Few pages (OCR is slow); the CER over the whole corpus is in
 * bench/sections/ocr.ts.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTempApp, removeDir, SAMPLE_CORPUS, tempDir } from "../helpers/app.js";
import type { App } from "../../app/types.js";
import { extractText, getDocumentProxy } from "unpdf";
import { answerText } from "../../present/answer.js";
import { characterErrorRate, ocrReady, scanPdf, textToPdf } from "./ocr-scan.js";

const ready = ocrReady();
const DOC = "002_f51bd1bc98d5fad9";

const squash = (s: string) => s.normalize("NFC").replace(/\s+/g, " ").trim();

/** The text of each page of a PDF with a text layer, whitespace squashed. */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return (await extractText(pdf, { mergePages: false })).text.map(squash);
}

function cacheFiles(dir: string): string[] {
  const root = join(dir, "data", "ocr-cache");
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true }).map(String).filter((f) => f.endsWith(".txt")).sort();
}

describe.skipIf(!ready)("OCR of scanned documents", () => {
  let app: App & { dir: string };
  let work: string;
  const original = readFileSync(join(SAMPLE_CORPUS, `${DOC}.txt`), "utf8");
  const pages: Array<[number, number]> = [];

  beforeAll(async () => {
    app = await openTempApp();
    work = join(app.dir, "in");
    mkdirSync(work);
    writeFileSync(join(work, `${DOC}.pdf`), await scanPdf(await textToPdf(original), tempDir("scan-")));
    const summary = await app.ingest([join(work, `${DOC}.pdf`)], { onPage: (done, total) => pages.push([done, total]) });
    expect(summary.counts, JSON.stringify(summary.files)).toMatchObject({ new: 1, failed: 0 });
  }, 420_000);
  afterAll(async () => {
    await app?.close();
    if (app) removeDir(app.dir);
  });

  it("reads the scan close to the original text, without page numbers, and reports every page", async () => {
    const [doc] = await app.store.findDocuments(`${DOC}.pdf`);
    const stored = await app.store.getDocument(doc!.id);
    const cer = characterErrorRate(original, stored!.text);
    expect(cer).toBeLessThanOrEqual(0.02);
    expect(stored!.text).not.toMatch(/^- \d+ -$/m);
    expect(stored!.text).toContain("Nơi nhận:");
    expect(pages.length).toBe(3);
    expect(pages.at(-1)).toEqual([3, 3]);
  });

  it("answers what Ban Tổ chức Trung ương leads and coordinates in Q2/2026 from the scan, quoting the OCR text, with the page", async () => {
    const answer = await app.answerer.ask("Ban Tổ chức TW được giao gì trong quý II/2026?");
    const cited = answer.citations.filter((c) => c.doc === `${DOC}.pdf`);
    // 4 (ii) is the Văn phòng's: "Phối hợp với Ban Tổ chức Trung ương ..." gives the Ban no task of its own.
    expect(cited.map((c) => c.section).sort()).toEqual(["3 (i)", "3 (ii)", "3 (iii)", "4 (iii)"]);
    const [doc] = await app.store.findDocuments(`${DOC}.pdf`);
    const text = (await app.store.getDocument(doc!.id))!.text;
    for (const c of answer.citations) expect(text).toContain(c.quote.replace(/…$/, ""));
    // The page each quote is on in the typeset document (its text layer, before the scan): items 3 and 4
    // are on page 2 of the three.
    const typeset = await pageTexts(await textToPdf(original));
    const pageOf = (quote: string) => typeset.findIndex((p) => p.includes(squash(quote).slice(0, 24))) + 1;
    expect(cited.map((c) => pageOf(c.quote))).toEqual([2, 2, 2, 2]);
    for (const c of cited) expect(c).toMatchObject({ page: pageOf(c.quote) });
    expect(cited.some((c) => c.pageEnd)).toBe(false);
    expect(answerText(answer)).toContain(`(${DOC}.pdf, mục 3 (iii), trang 2)`);
  });

  it("keeps where each scanned page starts, page 2 inside the sentence page 1 breaks", async () => {
    const [doc] = await app.store.findDocuments(`${DOC}.pdf`);
    const stored = (await app.store.getDocument(doc!.id))!;
    expect(stored.pages).toHaveLength(3);
    expect(stored.text.slice(stored.pages![1]!)).toMatch(/^toàn ý, thiếu trách nhiệm/);
    expect(stored.text.slice(stored.pages![2]!)).toMatch(/^- Các tỉnh uỷ, thành uỷ/);
    expect(stored.text).toContain("chưa toàn tâm, toàn ý");
  });

  it("re-ingests from the OCR cache after the document was removed", async () => {
    const before = cacheFiles(app.dir);
    expect(before.length).toBe(3);
    const [doc] = await app.store.findDocuments(`${DOC}.pdf`);
    const text = (await app.store.getDocument(doc!.id))!.text;
    await app.store.removeDocument(doc!.id);
    const pagesAgain: number[] = [];
    const summary = await app.ingest([join(work, `${DOC}.pdf`)], { onPage: (d) => pagesAgain.push(d) });
    expect(summary.counts).toMatchObject({ new: 1, failed: 0 });
    expect(cacheFiles(app.dir)).toEqual(before);
    const [again] = await app.store.findDocuments(`${DOC}.pdf`);
    expect((await app.store.getDocument(again!.id))!.text).toBe(text);
  });

  it("reads a PDF whose pages mix a text layer and a scan, and a PNG image", async () => {
    const other = readFileSync(join(SAMPLE_CORPUS, "000_bc2115a807619c08.txt"), "utf8");
    const textPage = await PDFDocument.load(await textToPdf(other, 1));
    const scanned = await PDFDocument.load(await scanPdf(await textToPdf(original, 1), tempDir("scan-")));
    const mixed = await PDFDocument.create();
    for (const [src, n] of [[textPage, 0], [scanned, 0]] as const) mixed.addPage((await mixed.copyPages(src, [n]))[0]!);
    writeFileSync(join(work, "mixed.pdf"), await mixed.save());
    // The PNG: page 1 of the same scan, as pdftoppm writes it.
    const img = join(work, "page");
    writeFileSync(join(work, "p.pdf"), await scanned.save());
    execFileSync("pdftoppm", ["-r", "200", "-gray", "-png", "-singlefile", join(work, "p.pdf"), img]);
    execFileSync("rm", [join(work, "p.pdf")]);
    const summary = await app.ingest([join(work, "mixed.pdf"), `${img}.png`]);
    expect(summary.counts, JSON.stringify(summary.files)).toMatchObject({ new: 2, failed: 0 });
    const [m] = await app.store.findDocuments("mixed.pdf");
    const mixedText = (await app.store.getDocument(m!.id))!.text;
    const firstWords = other.trim().split(/\s+/).slice(0, 6).join(" ");
    expect(mixedText).toContain(firstWords); // the text layer
    expect(mixedText).toContain("Bộ Chính trị, Ban Bí thư kết luận như sau"); // the scan
    const [p] = await app.store.findDocuments("page.png");
    expect((await app.store.getDocument(p!.id))!.text).toContain("Bộ Chính trị, Ban Bí thư kết luận như sau");
  }, 300_000);

  it("reports a broken image with a code and keeps going", async () => {
    writeFileSync(join(work, "broken.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    writeFileSync(join(work, "fake.jpg"), "not an image");
    const before = await app.store.stats();
    const summary = await app.ingest([join(work, "broken.png"), join(work, "fake.jpg")]);
    const codes = Object.fromEntries(summary.files.map((f) => [f.name, f.error?.code]));
    expect(codes).toEqual({ "broken.png": "ocr_failed", "fake.jpg": "image_broken" });
    expect(await app.store.stats()).toEqual(before);
  });
});
