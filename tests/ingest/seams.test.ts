/**
 * Seams: where cleaning drops a line of text between kept lines (a news page's "Nội dung chính", an
 * image caption), the cleaned text joins what the file keeps apart, so no quote may run across that
 * place. From the cleaner (cleanTextWithSeams) through the store (meta.seams) to the citation and the
 * task quotes, on a small news page written here.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { findCompletionReports } from "../../core/evidence.js";
import { loadOrgRegistry } from "../../core/orgs.js";
import { cutAtSeams } from "../../core/seams.js";
import { extractAssignments } from "../../ingest/assignments/extract.js";
import { cleanText, cleanTextWithSeams } from "../../ingest/clean.js";
import { readMetadata } from "../../ingest/metadata.js";
import { splitSections } from "../../ingest/sections.js";
import { citation } from "../../qa/cite.js";
import { openTempApp, removeDir } from "../helpers/app.js";
import { quoteKey } from "./quote-key.js";

const NEWS = `# Đẩy nhanh tiến độ xây dựng trường học vùng biên giới (Công văn 1234/VPCP-KGVX 2026)

### Nội dung chính

## Đẩy nhanh tiến độ xây dựng trường học vùng biên giới

Phó Thủ tướng giao **Bộ Giáo dục và Đào tạo** chủ trì, phối hợp với Bộ Tài chính hoàn thành việc xây dựng
trường phổ thông nội trú liên cấp tại các xã biên giới trước ngày 30/8/2026.

*Trường phổ thông nội trú liên cấp tại xã biên giới (Hình từ Internet)*

Ủy ban nhân dân các tỉnh biên giới bàn giao mặt bằng sạch cho các dự án trường học trước ngày 30/6/2026.
`;

describe("seams in the cleaned text", () => {
  it("marks where a dropped line of text stood between kept text, and nowhere else", () => {
    const { text, seams } = cleanTextWithSeams(NEWS, "md");
    expect(text).toBe(cleanText(NEWS, "md"));
    expect(seams.map((s) => text.slice(s, s + 20))).toEqual(["Đẩy nhanh tiến độ xâ", "Ủy ban nhân dân các "]);
    // Markup alone removes no text; nothing kept before a dropped line, no seam.
    expect(cleanTextWithSeams("Dòng một.\n\n***\n\nDòng hai.", "md").seams).toEqual([]);
    expect(cleanTextWithSeams("Nội dung chính\n\nDòng một.", "md").seams).toEqual([]);
    const ruled = cleanTextWithSeams("Dòng một.\n\n-----\n\nDòng hai.", "md");
    expect(ruled.seams).toEqual([ruled.text.indexOf("Dòng hai")]);
  });

  it("cuts a span to its longest part, or to the part holding an anchor unless that part is under 40 characters", () => {
    const text = "Tiêu đề ngắn\n\nMột đoạn văn dài hơn bốn mươi ký tự, nói điều cần trích dẫn.\n\nĐoạn cuối.";
    const second = text.indexOf("Một");
    const third = text.indexOf("Đoạn cuối");
    expect(cutAtSeams(text, 0, text.length, [])).toEqual({ start: 0, end: text.length });
    expect(cutAtSeams(text, 0, text.length, [second, third])).toEqual({ start: second, end: text.indexOf("\n\nĐoạn") });
    expect(cutAtSeams(text, second, text.length, [third])).toEqual({ start: second, end: text.indexOf("\n\nĐoạn") });
    // An anchor chooses the part (a task's words inside its quote).
    expect(cutAtSeams(text, second, text.length, [third], third)).toEqual({ start: second, end: text.indexOf("\n\nĐoạn") });
    const two = "Phần đầu đủ dài để đứng một mình trong trích dẫn.\n\nPhần sau còn dài hơn thế, nó nói điều mà câu trả lời được đọc ra.";
    const cut = two.indexOf("Phần sau");
    expect(cutAtSeams(two, 0, two.length, [cut])).toEqual({ start: cut, end: two.length });
    expect(cutAtSeams(two, 0, two.length, [cut], 0)).toEqual({ start: 0, end: two.indexOf("\n\n") });
  });

  it("cuts a span to a shorter part only when it is worth clearly more of the question than the longest", () => {
    const two = "Phần đầu đủ dài để đứng một mình trong trích dẫn.\n\nPhần sau còn dài hơn thế, nó nói điều mà câu trả lời được đọc ra.";
    const cut = two.indexOf("Phần sau");
    const holds = (word: string, gain = 0.1) => ({ worth: (part: string) => (part.includes(word) ? 1 : 0.5), gain });
    expect(cutAtSeams(two, 0, two.length, [cut], holds("đầu"))).toEqual({ start: 0, end: two.indexOf("\n\n") });
    expect(cutAtSeams(two, 0, two.length, [cut], holds("sau"))).toEqual({ start: cut, end: two.length });
    expect(cutAtSeams(two, 0, two.length, [cut], holds("Phần"))).toEqual({ start: cut, end: two.length });
    // Worth more, but not by the gain asked: the longest.
    expect(cutAtSeams(two, 0, two.length, [cut], holds("đầu", 0.6))).toEqual({ start: cut, end: two.length });
  });

  it("cites a quote across a seam cut, and one from a document stored without seams as it is", () => {
    const text = cleanText(NEWS, "md");
    const meta = { kind: "news" as const, title: "Đẩy nhanh" };
    const { seams } = cleanTextWithSeams(NEWS, "md");
    const cut = citation({ name: "a.md", meta: { ...meta, seams } }, "¶1", text, { start: 0, end: text.length });
    expect(cut.quote).toMatch(/^Đẩy nhanh tiến độ xây dựng trường học vùng biên giới\n\nPhó Thủ tướng giao/);
    expect(cut.quote).toMatch(/trước ngày 30\/8\/2026\.$/);
    expect(citation({ name: "a.md", meta }, "¶1", text, { start: 0, end: text.length }).quote).toBe(text);
  });
});

describe("a task quote cut at a seam", () => {
  it("keeps no deadline read from the part left out (the next section of a news page)", () => {
    const raw = ["# Công điện về dạy thêm, học thêm", "",
      "- Văn phòng Chính phủ theo dõi, đôn đốc các cơ quan, đơn vị liên quan thực hiện Công điện này.", "",
      "Như vậy, Thủ tướng yêu cầu xử lý nghiêm vi phạm quy định về dạy thêm, học thêm.", "",
      "*Lớp học thêm (Hình từ Internet)*", "",
      "## Thông tư về dạy thêm có hiệu lực từ ngày 14/02/2026", "",
      "Thông tư quy định về dạy thêm, học thêm đối với giáo dục phổ thông."].join("\n");
    const { text, seams } = cleanTextWithSeams(raw, "md");
    const meta = { ...readMetadata(text, { name: "tin.md" }), seams };
    const records = extractAssignments({ text, sections: splitSections(text, meta.kind), meta }, loadOrgRegistry());
    const office = records.find((r) => r.org === "Văn phòng Chính phủ")!;
    expect(office.quoteEnd).toBeLessThanOrEqual(seams[0]!);
    expect(office.deadline).toBeUndefined();
  });
});

describe("a report of a task done, quoted as evidence", () => {
  it("stops at a seam inside a hard-wrapped sentence", () => {
    // Hard-wrapped text (a PDF's text layer): a rule line dropped between two wrapped lines of one sentence.
    const raw = ["BÁO CÁO", "kết quả thực hiện nhiệm vụ quý II/2026", "",
      "Trong quý, Bộ Nội vụ đã hoàn thành rà soát quy định về tuyển dụng công chức cấp xã theo",
      "-----", "kế hoạch đã đề ra và gửi Văn phòng Trung ương Đảng tổng hợp báo cáo Bộ Chính trị.",
      "Các cơ quan khác tiếp tục thực hiện các nhiệm vụ được giao trong chương trình công tác.",
      "Văn phòng Trung ương Đảng theo dõi, đôn đốc việc thực hiện và báo cáo định kỳ hằng quý.",
      "Ban Tổ chức Trung ương hướng dẫn nghiệp vụ cho các cấp ủy trực thuộc Trung ương.", "Nơi nhận:", "- Như trên,"].join("\n");
    const { text, seams } = cleanTextWithSeams(raw, "pdf");
    expect(seams).toEqual([text.indexOf("kế hoạch đã đề ra")]);
    const task = { orgId: loadOrgRegistry().findAll("Bộ Nội vụ")[0]!.org.id, task: "rà soát quy định về tuyển dụng công chức cấp xã" };
    const [whole] = findCompletionReports(text, loadOrgRegistry(), [task]);
    const [cut] = findCompletionReports(text, loadOrgRegistry(), [task], seams);
    expect(whole!.span.start < seams[0]! && whole!.span.end > seams[0]!).toBe(true);
    // The longer side: the sentence's start, which names the body and what was done.
    expect(text.slice(cut!.span.start, cut!.span.end)).toBe("Trong quý, Bộ Nội vụ đã hoàn thành rà soát quy định về tuyển dụng công chức cấp xã theo");
  });
});

describe("quotes from a news page with a dropped heading and an image caption", () => {
  let app: App & { dir: string };
  let path: string;
  beforeAll(async () => {
    app = await openTempApp();
    path = join(app.dir, "tin-truong-hoc.md");
    writeFileSync(path, NEWS);
    const run = await app.ingest([path]);
    expect(run.counts, JSON.stringify(run.files)).toMatchObject({ new: 1, failed: 0 });
  });
  afterAll(async () => {
    await app?.close();
    if (app) removeDir(app.dir);
  });

  /** Every quote a span of the file up to what cleaning may change (score.mjs `norm`). */
  function expectVerbatim(quotes: string[]): void {
    const source = quoteKey(readFileSync(path, "utf8"));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(source, q).toContain(quoteKey(q));
  }

  it("stores the seams with the document", async () => {
    const [doc] = await app.store.findDocuments("tin-truong-hoc.md");
    const stored = (await app.store.getDocument(doc!.id))!;
    expect(stored.meta.seams).toEqual(cleanTextWithSeams(NEWS, "md").seams);
  });

  it.each([
    ["Văn bản nói gì về đẩy nhanh tiến độ xây dựng trường học vùng biên giới?", "trường phổ thông nội trú liên cấp"],
    ["Ai chủ trì xây dựng trường phổ thông nội trú liên cấp tại các xã biên giới?", "Bộ Giáo dục và Đào tạo"],
    ["Hạn bàn giao mặt bằng sạch cho các dự án trường học là khi nào?", "30/6/2026"],
    // The passage is quoted whole but for the caption: the part after it holds this question.
    ["Văn bản nói gì về việc bàn giao mặt bằng sạch cho các dự án trường học?", "Ủy ban nhân dân các tỉnh biên giới bàn giao mặt bằng sạch"],
  ])("answers %s with quotes that cross no seam", async (question, expected) => {
    const a = await app.answerer.ask(question);
    expect(a.found, a.answer).toBe(true);
    expect(a.citations.map((c) => c.quote).join("\n")).toContain(expected);
    expectVerbatim(a.citations.map((c) => c.quote));
  });

  it("words the answer from its first quote as cited, so the answer crosses no seam either", async () => {
    const a = await app.answerer.ask("Văn bản nói gì về đẩy nhanh tiến độ xây dựng trường học vùng biên giới?");
    // "Theo <document>, <section>: <the quote, shortened at a word with …>"
    const squashed = (t: string) => t.replace(/\s+/g, " ").trim();
    const said = squashed(a.answer.slice(a.answer.indexOf(": ") + 2).replace(/…$/, ""));
    expect(said.length).toBeGreaterThan(20);
    expect(squashed(a.citations[0]!.quote).startsWith(said), a.answer).toBe(true);
  });

  it("reads again, once, a file stored before seams were kept, whose quotes are shown as before until then", async () => {
    const [doc] = await app.store.findDocuments("tin-truong-hoc.md");
    const { draft, vectors } = (await app.store.exportDocument(doc!.id))!;
    const { seams, ...meta } = draft.meta;
    await app.store.saveDocument({ ...draft, meta, hash: createHash("sha256").update(readFileSync(path)).digest("hex") }, vectors);
    expect((await app.store.getDocument(doc!.id))?.meta.seams).toBeUndefined();
    const before = await app.answerer.ask("Văn bản nói gì về đẩy nhanh tiến độ xây dựng trường học vùng biên giới?");
    expect(before.citations[0]?.quote).toBe(draft.text.slice(0, before.citations[0]!.quote.length));
    expect((await app.ingest([path])).counts).toMatchObject({ updated: 1 });
    expect((await app.store.getDocument(doc!.id))?.meta.seams).toEqual(seams);
    expect((await app.ingest([path])).counts).toMatchObject({ unchanged: 1 });
  });

  it("keeps every task quote on one side of the seams", async () => {
    const tasks = await app.store.findAssignments({});
    expect(tasks.length).toBeGreaterThan(0);
    expectVerbatim(tasks.map((t) => t.quote));
  });
});
