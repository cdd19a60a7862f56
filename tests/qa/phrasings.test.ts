/**
 * A question may name a thing otherwise than the documents do ("còn thừa" for "dôi dư", "kẹt xe" for
 * "ùn tắc giao thông"): the phrasing lists of core/synonym-lists.ts let it find the passage that answers,
 * through search and through ranking alike.
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const notice = `VĂN PHÒNG CHÍNH PHỦ
Số: 641/TB-VPCP
THÔNG BÁO
Kết luận của Phó Thủ tướng tại buổi làm việc với thành phố Đà Nẵng

1. Thành phố còn nhiều khó khăn về nhà đất tái định cư, còn chậm xử lý hồ sơ đất đai của người dân.
2. Thành phố khẩn trương rà soát, xử lý tài sản công dôi dư sau khi sắp xếp đơn vị hành chính, hoàn thành trong quý I/2026.
3. Thành phố chủ động giải quyết tình trạng ùn tắc giao thông tại các nút giao cửa ngõ.
4. Thành phố tổ chức lại các điểm trông giữ xe trong giờ cao điểm tại trung tâm.
`;

const app = useSampleApp({ "tb641.txt": notice });

describe("questions in other words than the document's", () => {
  it("finds the surplus public assets when asked about what is left over", async () => {
    const a = await app().answerer.ask("Đà Nẵng phải xử lý nhà đất công còn thừa sau khi nhập xã như thế nào?");
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote).toContain("tài sản công dôi dư");
  });

  it("finds the congestion passage when asked about traffic jams", async () => {
    const a = await app().answerer.ask("Đà Nẵng làm gì với tình trạng kẹt xe giờ cao điểm?");
    expect(a.found).toBe(true);
    expect(a.citations[0]?.quote).toContain("ùn tắc giao thông");
  });
});
