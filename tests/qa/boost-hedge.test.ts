/**
 * When a boost (a matching task, the answer's type) puts a passage first, the passage that ranked above it
 * on the question's words alone is cited after it (qa/passages.ts): the reader sees both.
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const report = `Tin bài: tập huấn chuyển đổi số cho cấp ủy viên cơ sở
Ban Tổ chức Tỉnh ủy cho biết lớp tập huấn chuyển đổi số cho cấp ủy viên cơ sở đã thu hút đông đảo học viên, được tổ chức tại hội trường Tỉnh ủy với nhiều chuyên đề thiết thực.
`;

const plan = `TỈNH ỦY QUẢNG TRỊ
Số: 12-KH/TU
KẾ HOẠCH
Bồi dưỡng cán bộ năm 2026

1. Tổ chức tập huấn chuyển đổi số cho cấp ủy viên, hoàn thành trước ngày 30/6/2026.
`;

const app = useSampleApp({ "tin-tap-huan.txt": report, "kh12.txt": plan });

describe("a passage put first by a boost", () => {
  it("is followed by the passage that holds more of the question's words", async () => {
    const a = await app().answerer.ask("Khi nào tập huấn chuyển đổi số cho cấp ủy viên cơ sở?");
    expect(a.citations.map((c) => c.doc)).toEqual(["kh12.txt", "tin-tap-huan.txt"]);
    expect(a.answer).toContain("30/6/2026");
  });
});
