/**
 * Task tables in spreadsheets: an .xlsx written by the test with exceljs (two sheets, a date cell, a
 * formula) and a .csv, read as tables whose rows give the same tasks as a table in a document, and asked.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { answerText } from "../../present/answer.js";
import { readDocumentFile } from "../../ingest/parse/read.js";
import { renderCitation } from "../../present/answer.js";
import { openTempApp, removeDir } from "../helpers/app.js";

const HEADER = ["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];
const ROWS = [
  [1, "Xây dựng Đề án nâng cao chất lượng sinh hoạt chi bộ", "Ban Tổ chức Trung ương", "Văn phòng Trung ương Đảng", "Quý III/2026"],
  [2, "Rà soát, hoàn thiện quy định về đánh giá cán bộ", "Bộ Nội vụ", "Ban Tổ chức Trung ương", new Date(Date.UTC(2026, 8, 30))],
  [3, "Tổng kết việc thực hiện chuyển đổi số trong cơ quan đảng", "Văn phòng Trung ương Đảng", "Các ban đảng Trung ương", "Tháng 12/2026"],
];

describe("spreadsheets", () => {
  let app: App & { dir: string };
  beforeAll(async () => {
    app = await openTempApp();
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Ghi chú").addRow(["Phụ lục kèm theo Kế hoạch số 12-KH/BTCTW"]);
    const ws = book.addWorksheet("Nhiệm vụ 2026");
    ws.addRow(["DANH MỤC NHIỆM VỤ NĂM 2026"]);
    ws.addRow([]);
    ws.addRow(HEADER);
    for (const r of ROWS) ws.addRow(r);
    ws.addRow([4, "Tổng hợp kết quả", "Ban Tổ chức Trung ương", "", { formula: "\"Quý \"&\"IV/2026\"", result: "Quý IV/2026" }]);
    await book.xlsx.writeFile(join(app.dir, "nhiem-vu.xlsx"));
    // A blank line is a row in Excel too: the task is on row 3.
    const csv = [HEADER.join(";"), "", '1;"Hướng dẫn tổ chức đại hội chi bộ; lấy ý kiến đảng viên";Ban Tổ chức Trung ương;;Tháng 6/2026'].join("\n");
    writeFileSync(join(app.dir, "bang.csv"), csv);
  });
  afterAll(async () => {
    await app?.close();
    if (app) removeDir(app.dir);
  });

  it("turns each sheet into its name and one table row per line", async () => {
    const raw = await readDocumentFile(join(app.dir, "nhiem-vu.xlsx"), { maxBytes: 1e6 });
    expect(raw.source).toBe("xlsx");
    const lines = raw.text.split("\n");
    expect(lines).toContain("Nhiệm vụ 2026");
    expect(lines).toContain(`| ${HEADER.join(" | ")} |`);
    expect(lines).toContain("| 2 | Rà soát, hoàn thiện quy định về đánh giá cán bộ | Bộ Nội vụ | Ban Tổ chức Trung ương | 30/09/2026 |");
    expect(lines).toContain("| 4 | Tổng hợp kết quả | Ban Tổ chức Trung ương | | Quý IV/2026 |");
    expect(raw.text.indexOf("Ghi chú")).toBeLessThan(raw.text.indexOf("Nhiệm vụ 2026"));
  });

  it("extracts the rows' tasks, leads and coordinators, and answers from them", async () => {
    const summary = await app.ingest([join(app.dir, "nhiem-vu.xlsx"), join(app.dir, "bang.csv")]);
    expect(summary.counts, JSON.stringify(summary.files)).toMatchObject({ new: 2, failed: 0 });
    const [doc] = await app.store.findDocuments("nhiem-vu.xlsx");
    const tasks = await app.store.findAssignments({ docIds: [doc!.id] });
    const got = tasks.map((t) => `${t.role} ${t.org}`).sort();
    expect(got).toEqual(expect.arrayContaining([
      "lead Ban Tổ chức Trung ương", "coordinate Văn phòng Trung ương Đảng", "lead Bộ Nội vụ",
      "coordinate Ban Tổ chức Trung ương", "lead Văn phòng Trung ương Đảng",
    ]));
    const noi = tasks.find((t) => t.role === "lead" && t.org === "Bộ Nội vụ")!;
    expect(noi.quote).toContain("Rà soát, hoàn thiện quy định về đánh giá cán bộ");
    expect(noi.deadline?.due).toBe("2026-09-30");
    const [csv] = await app.store.findDocuments("bang.csv");
    const csvTasks = await app.store.findAssignments({ docIds: [csv!.id] });
    expect(csvTasks.map((t) => t.quote).join(" ")).toContain("Hướng dẫn tổ chức đại hội chi bộ; lấy ý kiến đảng viên");
    const answer = await app.answerer.ask("Bộ Nội vụ chủ trì nhiệm vụ gì?");
    expect(answer.citations.some((c) => c.doc === "nhiem-vu.xlsx" && c.quote.includes("đánh giá cán bộ"))).toBe(true);
  });

  it("cites a row's task by its sheet and its row number as Excel shows it", async () => {
    const [doc] = await app.store.findDocuments("nhiem-vu.xlsx");
    const tasks = await app.store.findAssignments({ docIds: [doc!.id] });
    const rows = (org: string) => tasks.filter((t) => t.org === org && t.role === "lead").map((t) => t.sectionLabel).sort();
    // Row 1 is the title, row 2 is empty, row 3 the header.
    expect(rows("Ban Tổ chức Trung ương")).toEqual(["Nhiệm vụ 2026, dòng 4", "Nhiệm vụ 2026, dòng 7"]);
    expect(rows("Bộ Nội vụ")).toEqual(["Nhiệm vụ 2026, dòng 5"]);
    expect(rows("Văn phòng Trung ương Đảng")).toEqual(["Nhiệm vụ 2026, dòng 6"]);
    const sections = await app.store.getSections(doc!.id);
    expect(sections.find((s) => s.label === "Nhiệm vụ 2026, dòng 5")?.heading).toContain("| 2 | Rà soát, hoàn thiện quy định về đánh giá cán bộ |");

    const answer = await app.answerer.ask("Bộ Nội vụ chủ trì nhiệm vụ gì?");
    const c = answer.citations.find((x) => x.doc === "nhiem-vu.xlsx")!;
    expect(c).toMatchObject({ section: "Nhiệm vụ 2026, dòng 5" });
    expect(c).not.toHaveProperty("page");
    expect(answerText(answer)).toContain("(nhiem-vu.xlsx, Nhiệm vụ 2026, dòng 5)");
    expect(answer.answer).toContain("Nhiệm vụ 2026, dòng 5]");
    expect(renderCitation(c)).toContain("<i>Nhiệm vụ 2026, dòng 5</i>");
    const en = await app.answerer.ask("What does the Ministry of Home Affairs lead?");
    expect(answerText(en)).toContain("Nhiệm vụ 2026, row 5");

    const csv = await app.answerer.ask("Ban Tổ chức Trung ương chủ trì hướng dẫn tổ chức đại hội chi bộ?");
    expect(csv.citations.find((x) => x.doc === "bang.csv")?.section).toBe("CSV, dòng 3");
  });

  it("reports a broken workbook with a code, and stores nothing for it", async () => {
    writeFileSync(join(app.dir, "hong.xlsx"), "PK\u0003\u0004 not really a zip");
    writeFileSync(join(app.dir, "hong.xls"), "not an ole file");
    const before = await app.store.stats();
    const summary = await app.ingest([join(app.dir, "hong.xlsx"), join(app.dir, "hong.xls")]);
    expect(Object.fromEntries(summary.files.map((f) => [f.name, f.error?.code]))).toEqual({ "hong.xlsx": "xlsx_broken", "hong.xls": "xls_broken" });
    expect(await app.store.stats()).toEqual(before);
  });
});
