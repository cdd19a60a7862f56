/**
 * A document's preamble ("Căn cứ ...; Xét Tờ trình ...") repeats its title and so holds many of a question's
 * words; the passage that says what is asked goes before it (qa/policy.ts preamblePenalty).
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const resolution = `HỘI ĐỒNG NHÂN DÂN
TỈNH SÔNG LAM

Số: 20/2025/NQ-HĐND

Sông Lam, ngày 18 tháng 11 năm 2025

NGHỊ QUYẾT

Quy định mức học phí đối với cơ sở giáo dục công lập năm học 2025 - 2026 trên địa bàn tỉnh Sông Lam

Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;

Xét Tờ trình số 471/TTr-UBND ngày 12 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh về dự thảo Nghị quyết quy định mức học phí đối với cơ sở giáo dục công lập năm học 2025 - 2026 trên địa bàn tỉnh Sông Lam.

Điều 1. Mức học phí

Mức học phí đối với cơ sở giáo dục mầm non công lập là 150 nghìn đồng/học sinh/tháng.

Điều 2. Điều khoản thi hành

1. Giao Ủy ban nhân dân tỉnh tổ chức triển khai thực hiện Nghị quyết này.

2. Nghị quyết này có hiệu lực từ ngày 28 tháng 11 năm 2025.
`;

const app = useSampleApp({ "nq20.txt": resolution });

describe("a document's preamble", () => {
  it("goes after the passage that says what is asked, though it holds more of the question's words", async () => {
    const a = await app().answerer.ask("Nghị quyết 20/2025/NQ-HĐND về mức học phí năm học 2025 - 2026 của tỉnh Sông Lam có hiệu lực từ ngày nào?");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.quote).toContain("có hiệu lực từ ngày 28 tháng 11 năm 2025");
  });
});
