import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

// A document of our own, about a body the registry does not know and a province it does.
const LOCAL_DOC = `UỶ BAN NHÂN DÂN TỈNH SÔNG LAM
Số: 88/KH-UBND
KẾ HOẠCH
về rà soát dự án nhà ở xã hội năm 2025

1. Giao Tổng công ty Sông Lam chủ trì, phối hợp với các cơ quan liên quan rà soát toàn bộ dự án nhà ở xã hội, hoàn thành trước ngày 15/12/2025.
2. Ủy ban nhân dân tỉnh Đồng Nai phối hợp cung cấp số liệu về quỹ đất cho nhà ở xã hội trong tháng 12/2025.
`;

const app = useSampleApp({ "kh88.txt": LOCAL_DOC });

/** Every quote must be a span of the stored document text, to the letter (case and tone marks too). */
async function expectVerbatim(citations: Array<{ doc: string; quote: string }>): Promise<void> {
  for (const c of citations) {
    const [doc] = await app().store.findDocuments(c.doc);
    const full = await app().store.getDocument(doc!.id);
    expect(full!.text).toContain(c.quote);
  }
}

describe("answers", () => {
  it("lists what a body the registry does not know was assigned, matched by its name", async () => {
    const a = await app().answerer.ask("Tổng công ty Sông Lam được giao gì trong tháng 12/2025?");
    expect(a.found).toBe(true);
    expect(a.citations.map((c) => c.doc)).toEqual(["kh88.txt"]);
    expect(a.citations[0]!.quote).toContain("rà soát toàn bộ dự án nhà ở xã hội");
    await expectVerbatim(a.citations);
  });

  it("never widens a question about an unknown body to everything due in the period", async () => {
    const a = await app().answerer.ask("Tổng công ty Sông Hồng được giao gì trong tháng 12/2025?");
    expect(a).toMatchObject({ found: false, citations: [] });
  });

  it("reads a province's People's Committee in English and answers in English", async () => {
    const a = await app().answerer.ask("What is the Dong Nai People's Committee assigned in December 2025?");
    expect(a.language).toBe("en");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Ủy ban nhân dân tỉnh Đồng Nai has 1 task/);
    expect(a.citations[0]!.quote).toContain("cung cấp số liệu về quỹ đất");
  });

  it("quotes verbatim spans for every kind of question, and says nothing found with no citations", async () => {
    for (const q of [
      "Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?",
      "Hạn chót tổ chức tập huấn, bồi dưỡng nghiệp vụ cho cấp uỷ viên là khi nào?",
      "Ai chủ trì hoàn thiện chương trình đào tạo, bồi dưỡng nghiệp vụ công tác xây dựng Đảng?",
      "Kết luận 229 nói gì về thẻ đảng viên?",
    ]) {
      const a = await app().answerer.ask(q);
      expect(a.found, q).toBe(true);
      await expectVerbatim(a.citations);
    }
    const none = await app().answerer.ask("Hạn chót nộp hồ sơ xin cấp thị thực du học là khi nào?");
    expect(none).toMatchObject({ found: false, citations: [] });
  });

  it("does not answer when a body must act with the deadline of a task given to another body", async () => {
    // In Kết luận 229, mục 3 (i) is Ban Tổ chức Trung ương's task; Đảng uỷ Bộ Nội vụ is only a partner there.
    const a = await app().answerer.ask("Bộ Nội vụ phải báo cáo Chính phủ trước ngày nào?");
    expect(a).toMatchObject({ found: false, citations: [] });
    const own = await app().answerer.ask("Ban Tổ chức Trung ương phải hướng dẫn quản lý đảng viên, cấp thẻ đảng viên xong khi nào?");
    expect(own.found).toBe(true);
    expect(own.citations[0]!.section).toBe("3 (iii)");
  });

  it("names each body of a task with its own role when asked who leads or who coordinates", async () => {
    for (const q of ["Ai chủ trì hoàn thiện chương trình đào tạo, bồi dưỡng nghiệp vụ công tác xây dựng Đảng?",
      "Ai phối hợp với Học viện Chính trị quốc gia Hồ Chí Minh hoàn thiện chương trình đào tạo?"]) {
      const a = await app().answerer.ask(q);
      expect(a.answer, q).toMatch(/^Chủ trì: Học viện Chính trị quốc gia Hồ Chí Minh; Phối hợp: Ban Tổ chức Trung ương \(/);
      expect(a.citations[0]!.section).toBe("4");
    }
  });

  it("pages a long list with 'more'", async () => {
    const first = await app().answerer.ask("Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?", { limit: 2 });
    expect(first.citations).toHaveLength(2);
    expect(first.more).toBe(true);
    const rest = await app().answerer.ask("Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?", { limit: 2, offset: 3 });
    expect(rest.citations).toHaveLength(1);
    expect(rest.more).toBe(false);
  });
});
