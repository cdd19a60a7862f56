/** The amount a question asks for, and the passages that state one (qa/amount.ts). */
import { describe, expect, it } from "vitest";
import { askedAmount, statesAmount } from "../../qa/amount.js";
import { useSampleApp } from "../helpers/app.js";

describe("questions that ask for an amount", () => {
  it("reads what is counted after 'bao nhiêu', a duration in 'bao lâu' / 'how long', and English units", () => {
    expect(askedAmount("Năm 2025 Ủy ban Thường vụ Quốc hội dự kiến tổ chức bao nhiêu phiên họp thường kỳ?")).toEqual({ units: ["phien"] });
    expect(askedAmount("thoi han giai quyet thu tuc la bao lau")?.units).toContain("ngay");
    expect(askedAmount("How many days does the Department of Health have to approve it?")).toEqual({ units: ["ngay"] });
    expect(askedAmount("Mức trợ cấp một lần là bao nhiêu?")).toEqual({ units: [] });
    expect(askedAmount("Ai chủ trì thẩm định quy hoạch?")).toBeUndefined();
  });

  it("finds the number before what is counted, past a parenthesis that spells it out", () => {
    expect(statesAmount({ units: ["phien"] }, "Tổ chức 12 phiên họp thường kỳ của Ủy ban Thường vụ Quốc hội.")).toBe(true);
    expect(statesAmount({ units: ["ngay"] }, "Trong thời hạn 15 (mười lăm) ngày làm việc kể từ ngày nhận đủ hồ sơ.")).toBe(true);
    // Shares the words, states no amount; a date or a document's number is no count.
    expect(statesAmount({ units: ["phien"] }, "Dự kiến nội dung và thời gian tổ chức các phiên họp thường kỳ năm 2025.")).toBe(false);
    expect(statesAmount({ units: ["ngay"] }, "Quyết định số 12/QĐ-UBND ngày 15/3/2025 có hiệu lực từ ngày ký.")).toBe(false);
    expect(statesAmount({ units: [] }, "theo Nghị quyết 72/2025/NQ-HĐND năm 2025")).toBe(false);
    expect(statesAmount({ units: [] }, "mức trợ cấp bằng 24 tháng tiền lương")).toBe(true);
  });
});

const plan = `ỦY BAN THƯỜNG VỤ QUỐC HỘI

Số: 99/NQ-UBTVQH15

Hà Nội, ngày 10 tháng 01 năm 2025

NGHỊ QUYẾT

Về Chương trình công tác năm 2025 của Ủy ban Thường vụ Quốc hội

Điều 1. Nhiệm vụ trọng tâm

1. Dự kiến nội dung và thời gian tổ chức các phiên họp thường kỳ của Ủy ban Thường vụ Quốc hội năm 2025 tại Phụ lục kèm theo Nghị quyết này.

2. Tổ chức 12 phiên họp thường kỳ của Ủy ban Thường vụ Quốc hội, các phiên họp chuyên đề khi cần thiết.

Điều 2. Hiệu lực

Nghị quyết này có hiệu lực từ ngày ký.
`;

const app = useSampleApp({ "nq99.txt": plan });

describe("an amount question answered", () => {
  it("cites first the passage that states the amount, before one that shares more of the question's words", async () => {
    const a = await app().answerer.ask("Năm 2025 Ủy ban Thường vụ Quốc hội dự kiến tổ chức bao nhiêu phiên họp thường kỳ?");
    expect(a.found).toBe(true);
    expect(a.citations[0]!.quote).toContain("Tổ chức 12 phiên họp thường kỳ");
  });
});
