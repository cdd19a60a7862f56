import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import { extractAssignments } from "../../ingest/assignments/extract.js";
import { readMetadata } from "../../ingest/metadata.js";
import { splitSections } from "../../ingest/sections.js";

const registry = loadOrgRegistry();

/** [orgId or written name, role, due] of each record of a one-item plan. */
function read(...items: string[]): Array<[string, string, string | undefined]> {
  const text = `KẾ HOẠCH\nvề rà soát nhà ở xã hội\n\n${items.map((s, i) => `${i + 1}. ${s}`).join("\n")}\n`;
  const meta = readMetadata(text, { name: "plan.txt" });
  return extractAssignments({ text, sections: splitSections(text, meta.kind), meta }, registry)
    .map((r) => [r.orgId ?? r.org, r.role, r.deadline?.due]);
}

describe("provincial departments as assignees", () => {
  it("reads a department of a named province as the lead", () => {
    expect(read("Giao Sở Xây dựng tỉnh Đồng Nai chủ trì rà soát toàn bộ dự án nhà ở xã hội, hoàn thành trước ngày 15/12/2025."))
      .toEqual([["so:xay-dung:dong-nai", "lead", "2025-12-15"]]);
  });

  it("reads a department that chairs and one that coordinates", () => {
    expect(read("Giao Sở Tài chính chủ trì, phối hợp với Sở Xây dựng bố trí vốn cho dự án nhà ở xã hội, hoàn thành trong quý I/2026."))
      .toEqual([["so:tai-chinh", "lead", "2026-03-31"], ["so:xay-dung", "coordinate", "2026-03-31"]]);
  });

  it("spells 'các Sở: A, B' into one department each", () => {
    expect(read("Các Sở: Tài chính, Xây dựng khẩn trương rà soát quỹ đất nhà ở xã hội trước ngày 20/12/2025.").map((r) => r[0]))
      .toEqual(["so:tai-chinh", "so:xay-dung"]);
  });

  it("keeps a department of an unknown place as written, never drops it", () => {
    const [r, ...rest] = read("Giao Sở Xây dựng Sông Lam chủ trì rà soát toàn bộ dự án nhà ở xã hội, hoàn thành trước ngày 15/12/2025.");
    expect(rest).toEqual([]);
    expect(r).toEqual(["Sở Xây dựng Sông Lam", "lead", "2025-12-15"]);
  });
});

describe("'X phối hợp' with no partner", () => {
  it("makes the subject a coordinator of the task", () => {
    expect(read("Ủy ban nhân dân tỉnh Đồng Nai phối hợp cung cấp số liệu về quỹ đất cho nhà ở xã hội trong tháng 12/2025."))
      .toEqual([["ubnd:dong-nai", "coordinate", "2025-12-31"]]);
    expect(read("Sở Nội vụ, Sở Tư pháp phối hợp chặt chẽ, kiểm tra hồ sơ dự án trước ngày 10/12/2025.").map((r) => r.slice(0, 2)))
      .toEqual([["so:noi-vu", "coordinate"], ["so:tu-phap", "coordinate"]]);
  });

  it("keeps the subject the lead when it chairs or names its partner", () => {
    expect(read("Ủy ban nhân dân tỉnh Đồng Nai chủ trì, phối hợp thực hiện rà soát quỹ đất trong tháng 12/2025.").map((r) => r.slice(0, 2)))
      .toEqual([["ubnd:dong-nai", "lead"]]);
    expect(read("Ủy ban nhân dân tỉnh Đồng Nai phối hợp với Bộ Xây dựng rà soát quỹ đất trong tháng 12/2025.").map((r) => r.slice(0, 2)))
      .toEqual([["ubnd:dong-nai", "lead"], ["bo-xay-dung", "coordinate"]]);
    expect(read("Giao Bộ Tài chính phối hợp với Bộ Xây dựng bố trí vốn cho nhà ở xã hội trong năm 2026.").map((r) => r.slice(0, 2)))
      .toEqual([["bo-tai-chinh", "lead"], ["bo-xay-dung", "coordinate"]]);
  });

  it("reads a partner named with no 'với', and never makes a subject with a partner a coordinator", () => {
    expect(read("Sở Xây dựng chủ trì, phối hợp Sở Tài chính lập danh mục dự án trong tháng 12/2025.").map((r) => r.slice(0, 2)))
      .toEqual([["so:xay-dung", "lead"], ["so:tai-chinh", "coordinate"]]);
    expect(read("Sở Tài chính phối hợp Ban Quản lý Khu kinh tế Dung Quất hướng dẫn các doanh nghiệp trong tháng 12/2025.")[0]?.slice(0, 2))
      .toEqual(["so:tai-chinh", "lead"]);
    expect(read("Các cơ quan, đơn vị được giao phối hợp có trách nhiệm trả lời bằng văn bản trong tháng 12/2025.")[0]?.[1]).not.toBe("coordinate");
  });
});
