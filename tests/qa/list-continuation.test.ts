/**
 * A list announced by the best passage ("... như sau:" over "1. ...") that runs on past that passage is
 * cited whole: the passages after it that carry on with its items follow its citation (qa/passages.ts
 * listContinuation).
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const item = (n: number, what: string) =>
  `${n}. ${what}. Các sở, ngành và Ủy ban nhân dân các xã, phường bố trí nguồn lực, phân công cán bộ theo dõi, ` +
  `định kỳ đánh giá kết quả, kịp thời đề xuất điều chỉnh giải pháp cho phù hợp với điều kiện thực tế của từng địa bàn, ` +
  `bảo đảm tiến độ và chất lượng, không để chậm trễ, lãng phí nguồn lực của Nhà nước và của người dân.`;

const news = [
  "# Kế hoạch phát triển đô thị thông minh tỉnh Lâm Viên (Kế hoạch 501/KH-UBND)",
  "Ngày 02/12/2025, UBND tỉnh Lâm Viên đã ban hành Kế hoạch 501/KH-UBND về phát triển đô thị thông minh trên địa bàn tỉnh.",
  "Theo đó, Kế hoạch 501/KH-UBND nêu rõ yêu cầu đối với phát triển đô thị thông minh của tỉnh như sau:",
  item(1, "Tuân thủ quy định pháp luật và phù hợp định hướng quốc gia"),
  item(2, "Lấy người dân làm trung tâm của mọi hoạt động"),
  item(3, "Coi dữ liệu đô thị là tài nguyên cốt lõi"),
  item(4, "Bảo đảm an toàn, an ninh thông tin"),
  item(5, "Triển khai linh hoạt, có lộ trình và thí điểm"),
  item(6, "Huy động đa dạng nguồn lực xã hội"),
  "## Kinh phí thực hiện",
  "Kinh phí thực hiện Kế hoạch do ngân sách tỉnh bảo đảm theo phân cấp hiện hành.",
].join("\n\n");

const app = useSampleApp({ "tin-do-thi.md": news });

describe("a list that runs past the passage announcing it", () => {
  it("is cited to its last item, each passage of it once", async () => {
    const a = await app().answerer.ask("Kế hoạch 501/KH-UBND nêu những yêu cầu nào đối với phát triển đô thị thông minh?");
    expect(a.found).toBe(true);
    const quotes = a.citations.map((c) => c.quote);
    expect(quotes[0]).toContain("như sau:");
    for (const n of [2, 4, 6]) expect(quotes.some((q) => q.includes(`${n}. `))).toBe(true);
    expect(new Set(quotes).size).toBe(quotes.length);
  });
});
