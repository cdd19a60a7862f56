/**
 * A "who" answer shows where the document names the body: a duty's quote that does not name it is cited with the
 * field line below it ("Đơn vị thực hiện: ..."), as with the heading above a sub-item (qa/passages.ts).
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const plan = `ỦY BAN NHÂN DÂN TỈNH SÔNG LAM

Số: 110/KH-UBND

Sông Lam, ngày 07 tháng 02 năm 2026

KẾ HOẠCH

Thực hiện chuyển đổi số trong lĩnh vực nhà ở năm 2026

II. NHIỆM VỤ

8. Nghiên cứu mô hình giao dịch bất động sản trên môi trường điện tử

(1) Nội dung thực hiện:

- Nghiên cứu mô hình sàn giao dịch bất động sản điện tử liên thông với công chứng và thuế.

- Hoàn thiện hệ thống phần mềm quản lý nhà ở.

(2) Tổ chức thực hiện:

- Đơn vị thực hiện: Sở Xây dựng.

- Đơn vị phối hợp: Sở Tư pháp.

- Thời gian thực hiện: Quý II/2026.
`;

const app = useSampleApp({ "kh110.txt": plan });

describe("a 'who' answer from a plan's fields", () => {
  it("cites the duty and the field line that names its body", async () => {
    const a = await app().answerer.ask("Cơ quan nào chủ trì nghiên cứu mô hình sàn giao dịch bất động sản điện tử liên thông với công chứng và thuế?");
    expect(a.found).toBe(true);
    expect(a.answer).toContain("Sở Xây dựng");
    expect(a.citations[0]!.quote).toContain("Nghiên cứu mô hình sàn giao dịch bất động sản điện tử");
    expect(a.citations.some((c) => c.quote === "- Đơn vị thực hiện: Sở Xây dựng.")).toBe(true);
  });
});
