/**
 * "Công văn X về việc gì?", "What is X about?": a question that asks only what a named document is about is
 * answered by the document's own subject line, quoted where it stands, before whatever else answers; a
 * document that is not stored, by the sentence of another text that mentions it (qa/about.ts).
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const letter = `| VĂN PHÒNG CHÍNH PHỦ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 9123/VPCP-KTTH
V/v triển khai chữ ký số cho hồ sơ điện tử | Hà Nội, ngày 12 tháng 11 năm 2025 |

Kính gửi: Các bộ, cơ quan ngang bộ.

1. Các bộ rà soát chứng thư chữ ký số của cán bộ, công chức, báo cáo trước ngày 30/12/2025.
2. Bộ Khoa học và Công nghệ hướng dẫn cấp chứng thư mới.
`;

const report = `Tin bài
Ngày 20/11/2025, Bộ Tư pháp tổ chức hội nghị. Hội nghị đã đánh giá việc thi hành Nghị định số 48/2013/NĐ-CP về kiểm soát thủ tục hành chính tại các địa phương. Các đại biểu đề nghị tiếp tục cắt giảm thủ tục.
`;

const app = useSampleApp({ "cv9123.txt": letter, "tin-bai.txt": report });

describe("what a named document is about", () => {
  it("answers with the document's subject line, quoted as the document writes it", async () => {
    const a = await app().answerer.ask("Công văn 9123/VPCP-KTTH về việc gì?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Công văn 9123\/VPCP-KTTH: V\/v triển khai chữ ký số cho hồ sơ điện tử/);
    expect(a.citations[0]?.quote).toBe("V/v triển khai chữ ký số cho hồ sơ điện tử");
  });

  it("reads the English question alike", async () => {
    const a = await app().answerer.ask("What is Official Dispatch 9123/VPCP-KTTH about?");
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote).toContain("V/v triển khai chữ ký số");
  });

  it("answers about a document that is not stored from the sentence that mentions it, and says it is not stored", async () => {
    const a = await app().answerer.ask("Nghị định 48/2013 quy định về gì?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/chưa được nạp/);
    expect(a.citations[0]?.quote).toBe("Hội nghị đã đánh giá việc thi hành Nghị định số 48/2013/NĐ-CP về kiểm soát thủ tục hành chính tại các địa phương.");
  });

  it("leaves a question about a matter in the document to the passages that hold it", async () => {
    const a = await app().answerer.ask("Công văn 9123/VPCP-KTTH yêu cầu báo cáo rà soát chứng thư chữ ký số trước ngày nào?");
    expect(a.found).toBe(true);
    expect(a.answer).not.toMatch(/^Công văn 9123\/VPCP-KTTH: V\/v/);
    expect(a.citations[0]?.quote).toContain("30/12/2025");
  });
});
