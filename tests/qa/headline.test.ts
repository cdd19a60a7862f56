import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

// A news copy: a date line, a title, a photo caption that repeats the question's words, then the fact.
const NEWS = `date 2025-12-10 (Báo Sông Lam) - Khởi công tuyến đường ven biển Lam Hải
Lễ khởi công tuyến đường ven biển Lam Hải tại xã Lam Hải, tỉnh Sông Lam. Ảnh: Minh Châu/Báo Sông Lam
Sáng 10/12, Ủy ban nhân dân tỉnh Sông Lam khởi công tuyến đường ven biển Lam Hải dài 42 km, tổng mức đầu tư 3.200 tỷ đồng.
`;

// A plan that is issued on one day, names the year it covers, and sets its deadline in a later sentence.
const PLAN = `UỶ BAN NHÂN DÂN TỈNH SÔNG LAM
Số: 130/KH-UBND
KẾ HOẠCH
thực hiện kê khai tài sản, thu nhập năm 2025

1. Mục đích, yêu cầu
Ngày 03/12/2025, Ủy ban nhân dân tỉnh Sông Lam ban hành Kế hoạch thực hiện kê khai, công khai bản kê khai tài sản, thu nhập năm 2025 của người có chức vụ, quyền hạn trong cơ quan, tổ chức, đơn vị trên địa bàn tỉnh. Kế hoạch nhằm bảo đảm việc kê khai tài sản, thu nhập được thực hiện đúng đối tượng, trung thực, đầy đủ. Việc kê khai phải được tổng hợp, lưu giữ và quản lý theo quy định của pháp luật về phòng, chống tham nhũng. Người có nghĩa vụ kê khai tài sản, thu nhập năm 2025 phải hoàn thành việc kê khai trước ngày 31/12/2025.
`;

// A news copy whose lead-in announces a list on the lines after it.
const LIST = `date 2025-11-27 (Báo Sông Lam) - Sông Lam công bố các dự án cầu trọng điểm đến năm 2030
Ủy ban nhân dân tỉnh Sông Lam vừa ban hành kế hoạch triển khai Nghị quyết Đại hội Đảng bộ tỉnh, xác định các công trình giao thông trọng điểm cần tập trung nguồn lực đầu tư trong nhiệm kỳ, bảo đảm kết nối vùng và phát triển kinh tế biển; các sở, ngành rà soát hồ sơ, bố trí vốn và đôn đốc tiến độ từng công trình theo đúng quy định.
Cụ thể, phụ lục ban hành kèm theo kế hoạch nêu 03 dự án cầu trọng điểm của tỉnh Sông Lam đến năm 2030 cần hoàn thành đầu tư như sau:
(1) Dự án cầu Lam Giang 2;
(2) Dự án cầu Hòa Lam;
(3) Dự án cầu cảng Lam Hải.
`;

const app = useSampleApp({ "tin-lam-hai.txt": NEWS, "kh130.txt": PLAN, "tin-cau.txt": LIST });

/** The answer's first line: the sentence (or deadline) it leads with. */
const headline = (a: { answer: string }) => a.answer.split("\n")[0]!;

async function expectVerbatim(citations: Array<{ doc: string; quote: string }>): Promise<void> {
  for (const c of citations) {
    const [doc] = await app().store.findDocuments(c.doc);
    expect((await app().store.getDocument(doc!.id))!.text).toContain(c.quote);
  }
}

describe("the answer's first line", () => {
  it("leads with the sentence that states the fact, not a date line or a photo caption", async () => {
    const a = await app().answerer.ask("Tuyến đường ven biển Lam Hải của tỉnh Sông Lam dài bao nhiêu km?");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.doc).toBe("tin-lam-hai.txt");
    expect(headline(a)).toContain("dài 42 km");
    expect(headline(a)).not.toContain("Ảnh:");
    expect(headline(a)).not.toContain("date 2025");
    await expectVerbatim(a.citations);
  });

  it("answers 'when' with the deadline, not the date of issue or the year the question names", async () => {
    const a = await app().answerer.ask("Ở tỉnh Sông Lam, người có nghĩa vụ kê khai tài sản, thu nhập năm 2025 phải hoàn thành kê khai trước ngày nào?");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.doc).toBe("kh130.txt");
    expect(headline(a)).toMatch(/31\/12\/2025/);
    expect(headline(a)).not.toMatch(/03\/12\/2025|: năm 2025/);
    await expectVerbatim(a.citations);
  });

  it("reads a sentence that announces a list with the list", async () => {
    const a = await app().answerer.ask("Những dự án cầu trọng điểm nào của tỉnh Sông Lam đến năm 2030?");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.doc).toBe("tin-cau.txt");
    expect(headline(a)).toContain("như sau:");
    expect(headline(a)).toContain("Dự án cầu Lam Giang 2");
    expect(a.citations[0]!.quote).toContain("Dự án cầu Lam Giang 2");
    await expectVerbatim(a.citations);
  });
});
