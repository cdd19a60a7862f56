/**
 * A body formed by a merger carries on its predecessors' tasks (core/orgs.ts predecessorsOf): "Bộ Khoa
 * học và Công nghệ" gets what an earlier copy of a plan gave "Bộ Thông tin và Truyền thông", and a task
 * both copies hold counts once, the same in answers and in `tasks --assignee`.
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";
import { cliInProcess } from "../helpers/cli.js";

const plan = (lead: string, number: string, extra = "") => `CHÍNH PHỦ
Số: ${number}
NGHỊ QUYẾT
Chương trình hành động về chuyển đổi số

1. ${lead} chủ trì xây dựng Luật Công nghiệp công nghệ số, trình Quốc hội trong tháng 6/2025.
2. Bộ Tài chính chủ trì bố trí kinh phí thực hiện Chương trình.
${extra}`;

const app = useSampleApp({
    "nq903-goc.txt": plan("Bộ Thông tin và Truyền thông", "903/NQ-CP",
      "3. Bộ Thông tin và Truyền thông chủ trì xây dựng Đề án chuyển đổi số báo chí, hoàn thành trong năm 2025.\n"),
    "nq903-cap-nhat.txt": plan("Bộ Khoa học và Công nghệ", "904/NQ-CP"),
  });

describe("tasks of a body formed by a merger", () => {
  it("gives the successor the old ministry's tasks, a task both copies hold once", async () => {
    const a = await app().answerer.ask("Bộ Khoa học và Công nghệ được giao những nhiệm vụ gì?");
    expect(a.found).toBe(true);
    expect(a.citations.filter((c) => c.quote.includes("Luật Công nghiệp công nghệ số"))).toHaveLength(1);
    expect(a.citations.some((c) => c.quote.includes("Đề án chuyển đổi số báo chí"))).toBe(true);
    expect(a.answer).toMatch(/2 nhiệm vụ/);
    const list = await cliInProcess(["tasks", "--assignee", "Bộ Khoa học và Công nghệ"], { DATA_DIR: app().config.store.dataDir });
    expect(list.stdout).toMatch(/^2 nhiệm vụ/);
  });

  it("keeps the old ministry's own tasks its own, and gives it none of its successor's", async () => {
    const a = await app().answerer.ask("Bộ Thông tin và Truyền thông được giao những nhiệm vụ gì?");
    expect(new Set(a.citations.map((c) => c.doc))).toEqual(new Set(["nq903-goc.txt"]));
  });
});
