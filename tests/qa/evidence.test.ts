import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import { findPeriods } from "../../core/periods.js";
import type { DocumentMeta } from "../../core/types.js";
import { inPeriod, namesBody } from "../../qa/evidence.js";
import type { StoredChunk } from "../../store/types.js";

const chunk = (text: string, meta: Partial<DocumentMeta> = {}, context = ""): StoredChunk => ({
  id: 1, docId: 1, docName: "x.txt", docMeta: { kind: "thong_bao", ...meta }, section: 0, sectionLabel: "1",
  start: 0, end: text.length, text, context,
});
const period = (text: string) => findPeriods(text, { now: new Date("2026-12-02T00:00:00Z") })[0]!.period;

describe("what a passage must hold besides the question's words", () => {
  const registry = loadOrgRegistry();
  const mentions = (q: string) => registry.findAll(q, { loose: true });

  it("names the body asked about, by its name or its abbreviation, else it is not an answer", () => {
    const asked = mentions("Bộ Tài chính được giao gì về dự trữ quốc gia?");
    expect(namesBody(chunk("Giao Bộ Tài chính rà soát các mặt hàng dự trữ quốc gia."), asked)).toBe(true);
    expect(namesBody(chunk("Giao Bộ Công Thương rà soát các mặt hàng dự trữ quốc gia."), asked)).toBe(false);
    expect(namesBody(chunk("UBND tỉnh Đắk Lắk khẩn trương hoàn thiện hồ sơ."), mentions("Ủy ban nhân dân tỉnh Đắk Lắk phải làm gì?"))).toBe(true);
    // A question that names no body asks nothing of the passage.
    expect(namesBody(chunk("Bất kỳ nội dung nào."), [])).toBe(true);
  });

  it("names the body when it holds a task the extractor gave that body under a lead-in that names it", () => {
    const asked = mentions("xăng E10 Bộ Công Thương hạn chót báo cáo");
    const item = chunk("(iv) Đề xuất giải pháp điều hành giá xăng E10; báo cáo Thủ tướng Chính phủ trước ngày 30/11/2025.");
    const task = (orgId: string, quoteStart: number, quoteEnd: number) =>
      ({ docId: 1, orgId, quoteStart, quoteEnd }) as NonNullable<Parameters<typeof namesBody>[3]>[number];
    expect(namesBody(item, asked)).toBe(false);
    expect(namesBody(item, asked, registry, [task("bo-cong-thuong", 0, item.end)])).toBe(true);
    // Another body's task there, or that body's task elsewhere in the document, does not.
    expect(namesBody(item, asked, registry, [task("bo-tai-chinh", 0, item.end), task("bo-cong-thuong", item.end + 10, item.end + 90)])).toBe(false);
  });

  it("speaks of a year of the period asked, in its text, its headings, its title or its document's date", () => {
    const in2024 = period("năm 2024");
    expect(inPeriod(chunk("Lộ trình phối trộn xăng E5 từ ngày 01/01/2024."), in2024)).toBe(true);
    expect(inPeriod(chunk("Lộ trình phối trộn xăng E10 từ ngày 01/01/2026."), in2024)).toBe(false);
    expect(inPeriod(chunk("Khẩn trương triển khai lộ trình.", { date: "2024-05-02" }), in2024)).toBe(true);
    expect(inPeriod(chunk("Khẩn trương triển khai lộ trình.", { date: "2025-11-20" }), in2024)).toBe(false);
    expect(inPeriod(chunk("Khẩn trương triển khai lộ trình.", {}, "Kế hoạch năm 2024"), in2024)).toBe(true);
    // Nothing dated at all: not refused.
    expect(inPeriod(chunk("Khẩn trương triển khai lộ trình."), in2024)).toBe(true);
    expect(inPeriod(chunk("Văn bản năm 2025."), undefined)).toBe(true);
  });
});
