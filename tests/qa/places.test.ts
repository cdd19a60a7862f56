/**
 * A question about a province named as a place ("... của tỉnh Phú Thọ") is not answered from another
 * province's document that never names it, however close its words (qa/evidence.ts namesPlace); a national
 * text, or one that names the province, still answers.
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const report = (province: string, number: string, figure: string) => `ỦY BAN NHÂN DÂN TỈNH ${province.toUpperCase()}
Số: ${number}
BÁO CÁO
Tình hình kinh tế - xã hội 10 tháng năm 2025

1. Tổng kim ngạch xuất khẩu 10 tháng năm 2025 đạt ${figure} tỷ USD, tăng 12% so với cùng kỳ.
2. Thu ngân sách nhà nước đạt 104% dự toán.
`;

const notice = `VĂN PHÒNG CHÍNH PHỦ
Số: 623/TB-VPCP
THÔNG BÁO
Kết luận của Thủ tướng tại buổi làm việc với Thường trực Tỉnh ủy Lâm Đồng

I. Tình hình: sản lượng cà phê xuất khẩu 10 tháng năm 2025 đạt 1,2 triệu tấn.
II. Nhiệm vụ:
1. Bộ Tài chính chủ trì bố trí vốn cho dự án đường cao tốc Tân Phú - Bảo Lộc của tỉnh, hoàn thành trong tháng 12/2025.
`;

const app = useSampleApp({ "bc-dong-nai.txt": report("Đồng Nai", "301/BC-UBND", "2,6"), "tb623.txt": notice });

describe("a province asked about as a place", () => {
  it("answers from that province's own report", async () => {
    const a = await app().answerer.ask("Tổng kim ngạch xuất khẩu 10 tháng năm 2025 của tỉnh Đồng Nai đạt bao nhiêu?");
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote).toContain("2,6 tỷ USD");
  });

  it("reads a national office's text about one province, by its title, as that province's", async () => {
    expect((await app().answerer.ask("Sản lượng cà phê xuất khẩu 10 tháng năm 2025 của tỉnh Lâm Đồng đạt bao nhiêu?")).found).toBe(true);
    const a = await app().answerer.ask("Sản lượng cà phê xuất khẩu 10 tháng năm 2025 của tỉnh Phú Thọ đạt bao nhiêu?");
    expect(a.found).toBe(false);
  });

  it("refuses another province's report that never names the province asked about", async () => {
    const a = await app().answerer.ask("Tổng kim ngạch xuất khẩu 10 tháng năm 2025 của tỉnh Phú Thọ đạt bao nhiêu?");
    expect(a.found).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it("keeps a body's tasks from texts about another province out of a list asked for one province", async () => {
    const own = await app().answerer.ask("Bộ Tài chính được giao những việc gì ở tỉnh Lâm Đồng?");
    expect(own.found).toBe(true);
    expect(own.citations[0]?.quote).toContain("bố trí vốn cho dự án đường cao tốc");
    // "Huế" is one syllable: too little matter to narrow the list by its words.
    const other = await app().answerer.ask("Bộ Tài chính được giao những việc gì ở Huế?");
    expect(other.citations.some((c) => c.quote.includes("bố trí vốn"))).toBe(false);
  });

  it("reads a body named beside the one asked about as placing the question", async () => {
    const a = await app().answerer.ask("Bộ Tài chính được giao gì tại buổi làm việc của Thủ tướng với Thường trực Thành ủy Huế?");
    expect(a.citations.some((c) => c.quote.includes("bố trí vốn"))).toBe(false);
    expect((await app().answerer.ask("Bộ Tài chính được giao gì tại buổi làm việc của Thủ tướng với Thường trực Tỉnh ủy Lâm Đồng?")).found).toBe(true);
  });
});
