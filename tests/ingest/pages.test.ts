/**
 * The page map of a PDF: where each page starts in the cleaned text, from the parser (joinPages) through
 * cleaning (carryOffsets) and the store to the citation, which names the page of its quote. A two-page
 * text PDF written here with pdf-lib; a task runs over the page break.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { answerText } from "../../present/answer.js";
import { pageAt, pageSpan } from "../../core/pages.js";
import { cleanText } from "../../ingest/clean.js";
import { carryOffsets } from "../../ingest/offsets.js";
import { joinPages } from "../../ingest/parse/pages.js";
import { readDocumentFile } from "../../ingest/parse/read.js";
import { renderCitation } from "../../present/answer.js";
import { writeDumpFile } from "../../store/dump-file.js";
import { readStore } from "../../store/portable.js";
import { openTempApp, removeDir } from "../helpers/app.js";
import { importInto } from "../helpers/portable.js";
import { SERIF } from "./ocr-scan.js";

describe("page map", () => {
  it("joinPages says where each page starts; an empty page starts where the next one does", () => {
    const { text, starts } = joinPages(["Trang một.", "", "- 3 -", "Giao Bộ Nội vụ: (iii)", "Chủ trì rà soát.\n- 5 -"]);
    expect(text).toBe("Trang một.\n\nGiao Bộ Nội vụ: (iii) Chủ trì rà soát.");
    expect(starts).toEqual([0, 12, 12, 12, text.indexOf("Chủ trì")]);
  });

  it("carries offsets over cleaning, which changes whitespace and markup but no letter", () => {
    const raw = "**KẾT LUẬN**\n\n1. Giao Bộ Nội vụ chủ trì\nrà soát quy định.\n\n\n*2.* Giao Ban Tổ chức Trung ương";
    const clean = cleanText(raw, "pdf");
    const [a, b, c] = carryOffsets(raw, clean, [0, raw.indexOf("rà soát"), raw.indexOf("*2.*")]);
    expect(clean.slice(a)).toMatch(/^KẾT LUẬN/);
    expect(clean.slice(b)).toMatch(/^rà soát quy định/);
    expect(clean.slice(c)).toMatch(/^2\. Giao Ban/);
    expect(carryOffsets("a", "a", [1])).toEqual([1]);
    // The punctuation that starts a page stays on it.
    const paged = "Lưu Văn phòng.\n\n- Các tỉnh uỷ,\n“(iii) Chủ trì”";
    const [d, e] = carryOffsets(paged, cleanText(paged, "pdf"), [paged.indexOf("- Các"), paged.indexOf("“(iii)")]);
    expect(cleanText(paged, "pdf").slice(d)).toMatch(/^- Các tỉnh uỷ/);
    expect(cleanText(paged, "pdf").slice(e)).toMatch(/^“\(iii\) Chủ trì/);
  });

  it("finds the page of an offset and of a span", () => {
    expect(pageAt(undefined, 5)).toBeUndefined();
    expect(pageAt([0, 10, 10, 30], 0)).toBe(1);
    expect(pageAt([0, 10, 10, 30], 10)).toBe(3);
    expect(pageAt([0, 10, 10, 30], 29)).toBe(3);
    expect(pageAt([0, 10, 10, 30], 99)).toBe(4);
    expect(pageSpan([0, 10, 10, 30], 5, 10)).toEqual({ page: 1 });
    expect(pageSpan([0, 10, 10, 30], 5, 31)).toEqual({ page: 1, pageEnd: 4 });
    expect(pageSpan([], 5, 31)).toEqual({});
  });
});

/** Page 1 ends in the middle of task 2; page 2 holds the rest of it and task 3, then its page number. */
const PAGES = [
  ["KẾT LUẬN", "CỦA BỘ CHÍNH TRỊ", "về một số nhiệm vụ trọng tâm trong quý II/2026", "", "Bộ Chính trị kết luận như sau:",
    "1. Giao Bộ Nội vụ chủ trì rà soát, hoàn thiện quy định", "về tuyển dụng công chức cấp xã.",
    "2. Giao Văn phòng Trung ương Đảng chủ trì tổng hợp", "tình hình thực hiện các nghị quyết của Trung ương"],
  ["về xây dựng, chỉnh đốn Đảng.", "3. Giao Ban Tổ chức Trung ương chủ trì hướng dẫn", "quản lý đảng viên trong điều kiện chuyển đổi số.", "", "- 2 -"],
];

async function twoPagePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(readFileSync(SERIF), { subset: true });
  for (const lines of PAGES) {
    const page = pdf.addPage([595.28, 841.89]);
    lines.forEach((l, i) => { if (l) page.drawText(l, { x: 64, y: 778 - i * 17, size: 12, font }); });
  }
  return pdf.save();
}

describe("the page in citations from a two-page text PDF", () => {
  let app: App & { dir: string };
  let path: string;
  beforeAll(async () => {
    app = await openTempApp();
    path = join(app.dir, "kl-hai-trang.pdf");
    writeFileSync(path, await twoPagePdf());
    const summary = await app.ingest([path]);
    expect(summary.counts, JSON.stringify(summary.files)).toMatchObject({ new: 1, failed: 0 });
  });
  afterAll(async () => {
    await app?.close();
    if (app) removeDir(app.dir);
  });

  it("reads where page 2 starts and keeps it in the store", async () => {
    const raw = await readDocumentFile(path, { maxBytes: 1e6 });
    expect(raw.pages).toHaveLength(2);
    expect(raw.text.slice(raw.pages![1]!)).toMatch(/^về xây dựng, chỉnh đốn Đảng\./);
    const [doc] = await app.store.findDocuments("kl-hai-trang.pdf");
    const stored = (await app.store.getDocument(doc!.id))!;
    expect(stored.pages).toHaveLength(2);
    expect(stored.pages![0]).toBe(0);
    // The sentence broken by the page is one paragraph again, and page 2 starts inside it.
    expect(stored.text.slice(stored.pages![1]!)).toMatch(/^về xây dựng, chỉnh đốn Đảng\./);
    expect(stored.text).toContain("các nghị quyết của Trung ương về xây dựng");
  });

  it("reads again, once, a PDF stored before page maps were kept", async () => {
    const [doc] = await app.store.findDocuments("kl-hai-trang.pdf");
    const { draft, vectors } = (await app.store.exportDocument(doc!.id))!;
    const { pages: _pages, ...before } = draft;
    await app.store.saveDocument({ ...before, hash: createHash("sha256").update(readFileSync(path)).digest("hex") }, vectors);
    expect((await app.store.getDocument(doc!.id))?.pages).toBeUndefined();
    expect((await app.ingest([path])).counts).toMatchObject({ updated: 1 });
    expect((await app.store.getDocument(doc!.id))?.pages).toEqual(draft.pages);
    expect((await app.ingest([path])).counts).toMatchObject({ unchanged: 1 });
  });

  it("moves the page map with the document through export and import", async () => {
    const file = join(app.dir, "dump.jsonl.gz");
    await writeDumpFile(readStore(app.store), file);
    const target = await openTempApp();
    try {
      expect(await importInto(target, file)).toMatchObject({ documents: 1, new: 1 });
      const [doc] = await target.store.findDocuments("kl-hai-trang.pdf");
      expect((await target.store.getDocument(doc!.id))?.pages).toHaveLength(2);
      const c = (await target.answerer.ask("Ban Tổ chức TW được giao gì trong quý II/2026?")).citations[0];
      expect(c).toMatchObject({ doc: "kl-hai-trang.pdf", page: 2 });
    } finally {
      await target.close();
      removeDir(target.dir);
    }
  });

  it("cites each task with its page, and a task over the page break with both", async () => {
    const cited = async (q: string) => (await app.answerer.ask(q)).citations.find((c) => c.doc === "kl-hai-trang.pdf");
    const btc = await cited("Ban Tổ chức TW được giao gì trong quý II/2026?");
    expect(btc).toMatchObject({ section: "3", page: 2 });
    expect(btc).not.toHaveProperty("pageEnd");
    expect(await cited("Bộ Nội vụ được giao gì trong quý II/2026?")).toMatchObject({ section: "1", page: 1 });
    const vp = await cited("Văn phòng Trung ương Đảng được giao gì trong quý II/2026?");
    expect(vp).toMatchObject({ section: "2", page: 1, pageEnd: 2 });
    expect(vp!.quote).toContain("của Trung ương về xây dựng");
  });

  it("shows the page where people read the citation: the terminal, the bot and the answer's own list", async () => {
    const answer = await app.answerer.ask("Ban Tổ chức TW được giao gì trong quý II/2026?");
    expect(answerText(answer)).toContain("(kl-hai-trang.pdf, mục 3, trang 2)");
    expect(answer.answer).toContain("mục 3, trang 2]");
    const c = answer.citations.find((x) => x.doc === "kl-hai-trang.pdf")!;
    expect(renderCitation(c)).toContain("<i>mục 3, trang 2</i>");
    const en = await app.answerer.ask("What is the Central Organization Commission assigned in Q2/2026?");
    expect(answerText(en)).toContain("section 3, page 2");
    const vp = (await app.answerer.ask("Văn phòng Trung ương Đảng được giao gì trong quý II/2026?")).citations.find((x) => x.doc === "kl-hai-trang.pdf")!;
    expect(renderCitation(vp)).toContain("mục 2, trang 1–2");
  });
});
