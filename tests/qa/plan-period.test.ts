/**
 * The period a plan covers, asked with a body and the plan's matter ("Sở Xây dựng chủ trì những việc gì trong
 * Kế hoạch ... giai đoạn 2026-2030?"), names the plan: every task the plan gives the body is on the list, one due before the
 * period starts as well; another document's task due outside the period is not (qa/assigned.ts findTasks).
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const PLAN = `ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Số: 77/KH-UBND
KẾ HOẠCH
Phát triển nhà ở xã hội giai đoạn 2026 - 2030

III. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng chủ trì rà soát quỹ đất dành cho nhà ở xã hội, hoàn thành trong tháng 12/2025.
2. Sở Xây dựng chủ trì xây dựng chương trình phát triển nhà ở xã hội, hoàn thành trong năm 2027.
`;

const HORIZON_PLAN = `ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Số: 310/KH-UBND
KẾ HOẠCH
Phát triển hạ tầng số trong các khu công nghiệp đến năm 2030

III. TỔ CHỨC THỰC HIỆN
1. Sở Khoa học và Công nghệ chủ trì tham mưu ban hành khung pháp lý cho hạ tầng mạng IoT.
2. Sở Khoa học và Công nghệ chủ trì khảo sát hạ tầng viễn thông trong các khu công nghiệp, hoàn thành trong năm 2026.
`;

const NOTICE = `ỦY BAN NHÂN DÂN TỈNH NINH BÌNH
Số: 12/TB-UBND
THÔNG BÁO
Kết luận về công tác quy hoạch

1. Sở Xây dựng chủ trì lập quy hoạch chung đô thị, hoàn thành trong tháng 11/2025.
`;

const app = useSampleApp({ "kh77.txt": PLAN, "tb12.txt": NOTICE, "kh310.txt": HORIZON_PLAN });

describe("a plan's own period in an assignment question", () => {
  it("lists every task the plan gives the body, and no other document's task due outside the period", async () => {
    const a = await app().answerer.ask("Sở Xây dựng tỉnh Ninh Bình chủ trì những việc gì trong kế hoạch phát triển nhà ở xã hội giai đoạn 2026-2030?");
    const quotes = a.citations.map((c) => c.quote).join(" | ");
    expect(quotes).toContain("rà soát quỹ đất");
    expect(quotes).toContain("chương trình phát triển nhà ở xã hội");
    expect(quotes).not.toContain("quy hoạch chung đô thị");
  });

  it("reads a plan's reach ('đến năm 2030') as its own period too: its undated tasks are listed", async () => {
    const a = await app().answerer.ask("Sở Khoa học và Công nghệ tỉnh Ninh Bình được giao gì trong Kế hoạch 310/KH-UBND phát triển hạ tầng số trong các khu công nghiệp đến năm 2030?");
    const quotes = a.citations.map((c) => c.quote).join(" | ");
    expect(quotes).toContain("khung pháp lý cho hạ tầng mạng IoT");
    expect(quotes).toContain("khảo sát hạ tầng viễn thông");
  });

  it("keeps the plan's period a due window when the question names no matter", async () => {
    const a = await app().answerer.ask("Sở Xây dựng tỉnh Ninh Bình được giao gì trong giai đoạn 2026-2030?");
    expect(a.citations.map((c) => c.quote)).toEqual([expect.stringContaining("chương trình phát triển nhà ở xã hội")]);
  });

  it("keeps a period that is no document's own a due window", async () => {
    const a = await app().answerer.ask("Sở Xây dựng tỉnh Ninh Bình được giao gì trong năm 2027?");
    expect(a.citations.map((c) => c.quote)).toEqual([expect.stringContaining("chương trình phát triển nhà ở xã hội")]);
  });
});
