/** Which dates in a task's words are its time limit (ingest/assignments/deadlines.ts). */
import { describe, expect, it } from "vitest";
import type { DocumentMeta } from "../../core/types.js";
import { findDeadlines } from "../../ingest/assignments/deadlines.js";

const meta = { date: "2025-10-01" } as DocumentMeta;
const due = (text: string) => findDeadlines(text, 0, text.length, meta).map((f) => `${f.deadline.text} -> ${f.deadline.due ?? ""}`);

describe("deadlines in a task's words", () => {
  it("reads no deadline in the reach of a cited plan or strategy ('... số 1668/QĐ-TTg ... Quy hoạch chung ... đến năm 2045')", () => {
    expect(due("Phù hợp với Quyết định số 1668/QĐ-TTg ngày 27/12/2024 về việc phê duyệt điều chỉnh Quy hoạch chung Thủ đô Hà Nội đến năm 2045, tầm nhìn đến năm 2065.")).toEqual([]);
    expect(due("Tiếp tục thực hiện Nghị quyết số 08-NQ/TW về phát triển công nghiệp quốc phòng đến năm 2030 và các năm tiếp theo.")).toEqual([]);
  });

  it("reads no deadline in a programme's span ('giai đoạn đến năm 2030'), as in a term of office", () => {
    expect(due("Tổ chức sơ kết các chương trình về công tác dân số giai đoạn đến năm 2030.")).toEqual([]);
  });

  it("still reads the task's own limit, after a cited document too", () => {
    expect(due("Rà soát quy hoạch hạ tầng viễn thông trong các khu công nghiệp đến năm 2030.")).toEqual(["đến năm 2030 -> 2030-12-31"]);
    expect(due("Sửa đổi Quyết định số 12/2024/QĐ-UBND về quy hoạch đến năm 2030, hoàn thành trước ngày 30/6/2026.")).toEqual(["trước ngày 30/6/2026 -> 2026-06-30"]);
  });
});
