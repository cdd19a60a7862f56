import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

// One document spells the programme out, the other writes only abbreviations.
const FULL = `BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 77/KH-BNNMT
KẾ HOẠCH
triển khai năm 2026

1. Cục Kinh tế hợp tác chủ trì rà soát danh mục dự án của Chương trình mục tiêu quốc gia giảm nghèo bền vững tại vùng đồng bào dân tộc thiểu số, hoàn thành trước ngày 20/3/2026.
2. Vụ Kế hoạch tổng hợp báo cáo định kỳ hằng quý.
`;
const SHORT = `BỘ GIÁO DỤC VÀ ĐÀO TẠO
Số: 55/KH-BGDĐT
KẾ HOẠCH
công tác năm 2026

1. Các sở GDĐT chỉ đạo trường THPT tổ chức diễn tập PCCC trong học kỳ II, báo cáo kết quả trước ngày 30/5/2026.
2. Các sở chuẩn bị kỳ thi tuyển sinh lớp 10.
`;

const app = useSampleApp({ "kh77.txt": FULL, "kh55.txt": SHORT });

describe("questions and documents that abbreviate", () => {
  it("a question with MTQG and DTTS finds the passage that spells them out", async () => {
    const a = await app().answerer.ask("Rà soát danh mục dự án Chương trình MTQG giảm nghèo vùng DTTS phải xong khi nào?");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.doc).toBe("kh77.txt");
    expect(a.citations[0]!.quote).toContain("Chương trình mục tiêu quốc gia giảm nghèo");
  });

  it("a question that spells the words out finds the passage that abbreviates them", async () => {
    const a = await app().answerer.ask("Diễn tập phòng cháy chữa cháy ở trường trung học phổ thông phải báo cáo trước ngày nào?");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.doc).toBe("kh55.txt");
    expect(a.citations[0]!.quote).toContain("diễn tập PCCC");
  });
});
