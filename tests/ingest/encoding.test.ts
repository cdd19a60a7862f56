/**
 * Legacy Vietnamese encodings: a sample document written by the test in Windows-1258, TCVN3 (ABC) and VNI
 * (bytes and text already in Unicode code points), and a .docx whose runs are set in .VnTime and
 * VNI-Times, all read back as the Unicode original; a TCVN3 text is ingested and asked.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { afterAll, describe, expect, it } from "vitest";
import { encodeTcvn3, encodeVni, encodeWindows1258, fromLegacyText } from "../../ingest/encodings/legacy.js";
import { readDocumentFile } from "../../ingest/parse/read.js";
import { openTempApp, removeDir, SAMPLE_CORPUS } from "../helpers/app.js";
import type { App } from "../../app/types.js";

const dir = mkdtempSync(join(tmpdir(), "nhiemvu-enc-"));
const DOC = "002_f51bd1bc98d5fad9.txt";
const original = readFileSync(join(SAMPLE_CORPUS, DOC), "utf8");
const SENTENCE = "Giao Ban Tổ chức Trung ương chủ trì, phối hợp với Đảng uỷ Chính phủ hướng dẫn việc rà soát tiêu chuẩn.";
const read = async (name: string, bytes: Buffer | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return (await readDocumentFile(path, { maxBytes: 10e6 })).text;
};

describe("legacy Vietnamese encodings", () => {
  it("reads Windows-1258 bytes (tones as combining marks) as the Unicode text", async () => {
    expect(await read("cp1258.txt", encodeWindows1258(original))).toBe(original);
  });

  it("reads TCVN3 bytes, and TCVN3 already decoded as Latin-1 characters in a UTF-8 file", async () => {
    const tcvn3 = encodeTcvn3(original);
    expect(tcvn3).toContain("Tæ chøc Trung \u00ad\u00acng"); // what a .VnTime text shows in a Unicode font
    expect(await read("tcvn3.txt", Buffer.from(tcvn3, "latin1"))).toBe(original);
    expect(await read("tcvn3-utf8.txt", tcvn3)).toBe(original);
  });

  it("reads VNI bytes and VNI text in a UTF-8 file", async () => {
    const vni = encodeVni(original);
    expect(vni).toContain("Trung öông");
    expect(await read("vni.txt", Buffer.from(vni, "latin1"))).toBe(original);
    expect(await read("vni-utf8.txt", vni)).toBe(original);
  });

  it("leaves Unicode text alone, every sample document included", () => {
    for (const f of ["000_bc2115a807619c08.txt", "001_6605ce0a4e5edd48.txt", DOC, "003_0b226ac5bb75c25f.txt", "004_689f6d3b9e3d36b8.txt"]) {
      const text = readFileSync(join(SAMPLE_CORPUS, f), "utf8");
      expect(fromLegacyText(text)).toEqual({ text });
      // VN3 has no code for a capital with a tone ("Ủy viên"): its case is lost, its letters are not.
      expect(fromLegacyText(encodeTcvn3(text)).text.toLowerCase()).toBe(text.toLowerCase());
      expect(fromLegacyText(encodeVni(text)).text).toBe(text);
    }
  });

  it("leaves a Unicode form alone whose check boxes are Wingdings signs (\"Có £ Không £\")", () => {
    const form = [
      "| 1. Thủ tục hành chính được đặt ra nhằm đạt được mục tiêu gì? | b) Mục tiêu nêu trên có cần thiết hay không? Có £ Không £ |",
      "| 2. Thủ tục hành chính có đáp ứng được mục tiêu đặt ra hay không? | a) Có £ b) Không £ |",
      "| 3. Có quy định thủ tục hành chính ở văn bản khác không? | Có £ Không £ |",
    ].join("\n");
    expect(fromLegacyText(form)).toEqual({ text: form });
    // The same form typed in TCVN3 is still read back.
    expect(fromLegacyText(encodeTcvn3(form)).text.toLowerCase()).toContain("thủ tục hành chính được đặt ra nhằm đạt được mục tiêu gì?");
  });

  it("converts .docx runs set in .VnTime (TCVN3), .VnTimeH (its capitals) and VNI-Times", async () => {
    const doc = new Document({
      sections: [{
        children: [
          new Paragraph({ children: [new TextRun({ text: encodeTcvn3("kết luận của bộ chính trị"), font: ".VnTimeH" })] }),
          new Paragraph({ children: [new TextRun({ text: encodeTcvn3(SENTENCE), font: ".VnTime" })] }),
          new Paragraph({ children: [new TextRun({ text: "Văn bản Unicode giữ nguyên. " }), new TextRun({ text: encodeVni(SENTENCE), font: "VNI-Times" })] }),
        ],
      }],
    });
    const text = await read("legacy.docx", await Packer.toBuffer(doc));
    expect(text).toContain("KẾT LUẬN CỦA BỘ CHÍNH TRỊ");
    expect(text).toContain(SENTENCE);
    expect(text).toContain(`Văn bản Unicode giữ nguyên. ${SENTENCE}`);
  });
});

describe("a TCVN3 text through ingest", () => {
  let app: App & { dir: string };
  afterAll(async () => {
    await app?.close();
    if (app) removeDir(app.dir);
    removeDir(dir);
  });

  it("answers from it with quotes in Unicode", async () => {
    app = await openTempApp();
    const path = join(app.dir, "kl-tcvn3.txt");
    writeFileSync(path, Buffer.from(encodeTcvn3(original), "latin1"));
    const summary = await app.ingest([path]);
    expect(summary.counts, JSON.stringify(summary.files)).toMatchObject({ new: 1, failed: 0 });
    const answer = await app.answerer.ask("Ban Tổ chức TW được giao gì trong quý II/2026?");
    const got = answer.citations.filter((c) => c.doc === "kl-tcvn3.txt").map((c) => c.section).sort();
    // 4 (ii) is the Văn phòng's: "Phối hợp với Ban Tổ chức Trung ương ..." gives the Ban no task of its own.
    expect(got).toEqual(["3 (i)", "3 (ii)", "3 (iii)", "4 (iii)"]);
    for (const c of answer.citations) expect(original.normalize("NFC")).toContain(c.quote.replace(/…$/, ""));
  });
});
