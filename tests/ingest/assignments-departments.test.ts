import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import { extractAssignments } from "../../ingest/assignments/extract.js";
import { readMetadata } from "../../ingest/metadata.js";
import { splitSections } from "../../ingest/sections.js";

const registry = loadOrgRegistry();

/** The records of a plan with this body under its title. */
function extractPlan(body: string, title = "về rà soát nhà ở xã hội") {
  const text = `KẾ HOẠCH\n${title}\n\n${body}\n`;
  const meta = readMetadata(text, { name: "plan.txt" });
  return extractAssignments({ text, sections: splitSections(text, meta.kind), meta }, registry);
}

/** [orgId or written name, role, due] of each record of a plan of numbered items. */
function read(...items: string[]): Array<[string, string, string | undefined]> {
  return extractPlan(items.map((s, i) => `${i + 1}. ${s}`).join("\n")).map((r) => [r.orgId ?? r.org, r.role, r.deadline?.due]);
}

/** The deadline of the first record of a one-item plan. */
function deadlineOf(item: string) {
  return extractPlan(`1. ${item}`)[0]?.deadline;
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

  it("reads a department followed by several kinds of place as that department of each, which executes", () => {
    expect(read("Giao Sở Y tế tỉnh, thành phố trực thuộc Trung ương rà soát danh sách cơ sở khám bệnh trước ngày 15/12/2025."))
      .toEqual([["Sở Y tế tỉnh, thành phố trực thuộc Trung ương", "execute", "2025-12-15"]]);
    // One kind of place is one department, and the next body after "và" is its own.
    expect(read("Giao Sở Tài chính tỉnh và Sở Xây dựng rà soát quỹ đất nhà ở xã hội trước ngày 15/12/2025.").map((r) => r[0]))
      .toEqual(["so:tai-chinh", "so:xay-dung"]);
  });

  it("reads a body heading whose first item's letter ran into it, the item's words on the next lines", () => {
    expect(read("Sở Nông nghiệp và Môi trường a)\n\nChủ trì tổ chức tuyên truyền về phòng cháy rừng.\n\nb)\n\nHướng dẫn lập phương án phòng cháy rừng trước ngày 15/12/2025."))
      .toEqual([["so:nong-nghiep-va-moi-truong", "lead", undefined], ["so:nong-nghiep-va-moi-truong", "lead", "2025-12-15"]]);
  });

  it("records a time limit counted from an event as the task's deadline, with no due date", () => {
    const [r] = extractPlan("1. Giao Sở Xây dựng trả lời kiến nghị của cử tri trong thời hạn 07 ngày làm việc kể từ ngày nhận được kiến nghị.");
    expect(r?.deadline).toEqual({ text: "trong thời hạn 07 ngày làm việc kể từ ngày nhận được kiến nghị", kind: "duration" });
  });

  it("records a date every year as a yearly deadline with no one due date, and 'năm 2025 và các năm tiếp theo' as ongoing", () => {
    expect(deadlineOf("Giao Sở Xây dựng tổng hợp, báo cáo kết quả thực hiện trước ngày 15/12 hằng năm."))
      .toEqual({ text: "trước ngày 15/12 hằng năm", kind: "recurring" });
    // Each date of a series the words close, and a date "of the year" or in a periodic duty, with no year written.
    expect(deadlineOf("Giao Sở Nội vụ tổ chức thực hiện, báo cáo trước ngày 01/6 và 15/11 hằng năm."))
      .toEqual({ text: "trước ngày 01/6 và 15/11 hằng năm", kind: "recurring" });
    expect(deadlineOf("Giao Sở Nội vụ báo cáo Ủy ban nhân dân tỉnh trước ngày 30 tháng 01 của năm về tình hình thực hiện.")?.due).toBeUndefined();
    expect(deadlineOf("Giao Sở Nội vụ định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở Khoa học và Công nghệ.")?.due).toBeUndefined();
    expect(deadlineOf("Giao Sở Nội vụ định kỳ báo cáo kết quả thực hiện trước ngày 20/11/2025.")?.due).toBe("2025-11-20");
    expect(deadlineOf("Giao Sở Xây dựng rà soát quỹ đất nhà ở xã hội.\n- Thời gian thực hiện: năm 2025 và các năm tiếp theo."))
      .toEqual({ text: "năm 2025 và các năm tiếp theo", kind: "ongoing", start: "2025-01-01" });
  });

  it("records a date after 'từ' as when the work starts (ongoing from then), and a span 'từ ... đến ...' as before", () => {
    expect(deadlineOf("Giao Sở Xây dựng tổ chức đánh giá, xếp loại các dự án từ năm 2026."))
      .toEqual({ text: "năm 2026", kind: "ongoing", start: "2026-01-01" });
    expect(deadlineOf("Giao Sở Xây dựng tiếp nhận hồ sơ từ ngày 01/3/2026 đến hết ngày 30/4/2026.")?.due).toBe("2026-04-30");
    // "kể từ" counts a date from an event, not a start of work ("có hiệu lực kể từ ngày ..."): no deadline.
    expect(deadlineOf("Giao Sở Xây dựng thực hiện quy định có hiệu lực kể từ ngày 01/3/2026.")).toBeUndefined();
  });

  it("places a task that only says when it starts in the document's period, as it does a task done 'thường xuyên'", () => {
    const [r] = extractPlan("1. Giao Sở Xây dựng tổ chức đánh giá các dự án từ năm 2027.", "phát triển nhà ở xã hội giai đoạn 2026 - 2030");
    expect(r?.deadline).toEqual({ text: "năm 2027", kind: "ongoing", start: "2027-01-01" });
    expect([r?.period?.start, r?.period?.end]).toEqual(["2026-01-01", "2030-12-31"]);
  });

  it("reads the older spelling 'Quí' of a quarter ('Quí IV-2025')", () => {
    expect(read("Giao Sở Xây dựng rà soát danh mục dự án nhà ở xã hội, hoàn thành Quí IV-2025."))
      .toEqual([["so:xay-dung", "lead", "2025-12-31"]]);
  });

  it("reads two known bodies run together with no separator (a lost line break) as two", () => {
    expect(read("Giao Sở Khoa học và Công nghệ Sở Công Thương rà soát danh mục dự án trước ngày 15/12/2025."))
      .toEqual([["so:khoa-hoc-va-cong-nghe", "lead", "2025-12-15"], ["so:cong-thuong", "lead", "2025-12-15"]]);
  });

  it("reads a time field below the item's field lines, with no mark of its own, as the item's deadline", () => {
    expect(read("Xây dựng đề án thí điểm sàn giao dịch bất động sản.\n\n- Đơn vị thực hiện: Sở Xây dựng;\n\n- Đơn vị phối hợp: Sở Tư pháp.\n\nThời gian thực hiện: Quý II/2026."))
      .toEqual([["so:xay-dung", "lead", "2026-06-30"], ["so:tu-phap", "coordinate", "2026-06-30"]]);
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

  it("keeps the subject the lead when it chairs", () => {
    expect(read("Ủy ban nhân dân tỉnh Đồng Nai chủ trì, phối hợp thực hiện rà soát quỹ đất trong tháng 12/2025.").map((r) => r.slice(0, 2)))
      .toEqual([["ubnd:dong-nai", "lead"]]);
    expect(read("Sở Xây dựng chủ trì, phối hợp Sở Tài chính lập danh mục dự án trong tháng 12/2025.").map((r) => r.slice(0, 2)))
      .toEqual([["so:xay-dung", "lead"], ["so:tai-chinh", "coordinate"]]);
  });
});

/**
 * The convention (issue #12): a body whose own clause says it "phối hợp (chặt chẽ) với Y" coordinates; Y is
 * named in its record's coordinators and gets no record from that clause, which gives Y no task and does
 * not say Y leads. "X chủ trì, phối hợp với Y" stays X lead, Y coordinate.
 */
describe("'X phối hợp với Y'", () => {
  const records = (...items: string[]) =>
    extractPlan(items.join("\n")).map((r) => ({ body: r.orgId ?? r.org, role: r.role, with: r.coordinators, task: r.task }));

  it("makes the subject a coordinator and names its partner without a record of its own", () => {
    expect(records("1. Ủy ban nhân dân tỉnh Đồng Nai phối hợp với Bộ Xây dựng rà soát quỹ đất trong tháng 12/2025."))
      .toEqual([{ body: "ubnd:dong-nai", role: "coordinate", with: ["Bộ Xây dựng"], task: "phối hợp với Bộ Xây dựng rà soát quỹ đất trong tháng 12/2025." }]);
    expect(records("1. Giao Bộ Tài chính phối hợp với Bộ Xây dựng bố trí vốn cho nhà ở xã hội trong năm 2026.").map((r) => [r.body, r.role, r.with]))
      .toEqual([["bo-tai-chinh", "coordinate", ["Bộ Xây dựng"]]]);
    expect(read("Sở Tài chính phối hợp Ban Quản lý Khu kinh tế Dung Quất hướng dẫn các doanh nghiệp trong tháng 12/2025.").map((r) => r.slice(0, 2)))
      .toEqual([["so:tai-chinh", "coordinate"]]);
    expect(read("Văn phòng Quốc hội, Văn phòng Chính phủ phối hợp chặt chẽ với Văn phòng Trung ương Đảng trong việc chia sẻ dữ liệu.").map((r) => r.slice(0, 2)))
      .toEqual([["van-phong-quoc-hoi", "coordinate"], ["van-phong-chinh-phu", "coordinate"]]);
    expect(read("Sở Tư pháp chủ động phối hợp với Sở Xây dựng kiểm tra hồ sơ dự án trước ngày 10/12/2025.").map((r) => r.slice(0, 2)))
      .toEqual([["so:tu-phap", "coordinate"]]);
  });

  it("reads a partner the body list cannot read as a partner all the same", () => {
    expect(read("Công an tỉnh có trách nhiệm phối hợp với lực lượng Kiểm lâm tuần tra, kiểm soát rừng trong mùa khô.").map((r) => r.slice(0, 2)))
      .toEqual([["Công an tỉnh", "coordinate"]]);
    expect(records("1. Sở Y tế:", "- Phối hợp cơ quan báo chí thông tin kịp thời về tình hình dịch bệnh.", "- Theo dõi tình hình dịch bệnh.").map((r) => [r.body, r.role]))
      .toEqual([["so:y-te", "coordinate"], ["so:y-te", "lead"]]);
  });

  it("makes the owner of an item that opens with 'Phối hợp với Y' a coordinator of it, and only of it", () => {
    const got = records(
      "2. Sở Nông nghiệp và Môi trường",
      "a) Chủ trì, phối hợp với Sở Tài chính rà soát quỹ đất cho nhà ở xã hội.",
      "b) Phối hợp với Ủy ban nhân dân cấp xã tham mưu giải quyết việc giao đất, chuyển mục đích sử dụng đất.",
      "c) Tăng cường kiểm tra, xử lý vi phạm: chủ động phối hợp với Đoàn Kiểm tra phát hiện, xử lý kịp thời các sai phạm.",
    );
    expect(got.map((r) => [r.body, r.role, r.task.slice(0, 20)])).toEqual([
      ["so:nong-nghiep-va-moi-truong", "lead", "Chủ trì, phối hợp vớ"],
      ["so:tai-chinh", "coordinate", "Chủ trì, phối hợp vớ"],
      ["so:nong-nghiep-va-moi-truong", "coordinate", "Phối hợp với Ủy ban "],
      ["so:nong-nghiep-va-moi-truong", "coordinate", "Tăng cường kiểm tra,"],
    ]);
    expect(got[2]!.with).toEqual(["Ủy ban nhân dân cấp xã"]);
  });

  it("makes the owner a coordinator of the items under its 'Phối hợp với Y' lead-in", () => {
    const got = records(
      "3. Sở Công Thương",
      "a) Chủ trì",
      "- Xây dựng kế hoạch xúc tiến thương mại năm 2026.",
      "b) Phối hợp với các sở, ngành, Ủy ban nhân dân các xã, phường",
      "- Hỗ trợ các nhà đầu tư phát triển hạ tầng thương mại, khu công nghiệp.",
    ).map((r) => [r.body, r.role, r.task.slice(0, 12)]);
    expect(got).toEqual([["so:cong-thuong", "lead", "Xây dựng kế "], ["so:cong-thuong", "coordinate", "Hỗ trợ các n"]]);
  });

  it("leaves a task table's 'Cơ quan phối hợp' column as it was: the lead leads, the partners coordinate", () => {
    const got = records(
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
      "| --- | --- | --- | --- | --- |",
      "| 1 | Rà soát quỹ đất cho nhà ở xã hội | Sở Xây dựng | Sở Tài chính | Quý I/2026 |",
    ).map((r) => [r.body, r.role]);
    expect(got).toEqual([["so:xay-dung", "lead"], ["so:tai-chinh", "coordinate"]]);
  });
});

describe("'X phối hợp' with no partner, continued", () => {
  it("reads a subject that is described as coordinating as no coordinator", () => {
    expect(read("Các cơ quan, đơn vị được giao phối hợp có trách nhiệm trả lời bằng văn bản trong tháng 12/2025.")[0]?.[1]).not.toBe("coordinate");
  });
});

describe("units the registry lacks, named as written", () => {
  it("reads a name whose words a hyphen joins, and 'Tổ chức' written as the name's word", () => {
    expect(read("Giao Vụ Tổ chức - Biên chế chủ trì, phối hợp với các đơn vị liên quan xây dựng Nghị định trước ngày 30/5/2025."))
      .toEqual([["Vụ Tổ chức - Biên chế", "lead", "2025-05-30"]]);
    expect(read("Giao Phòng Văn hóa - Xã hội chủ trì thẩm tra, xác minh hồ sơ trước ngày 15/12/2025.").map((r) => r[0]))
      .toEqual(["Phòng Văn hóa - Xã hội"]);
    expect(read("Giao Vụ Tổ chức cán bộ chủ trì rà soát biên chế của các đơn vị thuộc Bộ.").map((r) => r[0])).toEqual(["Vụ Tổ chức cán bộ"]);
    // A lower-case verb after the hyphen's side is no name: "Phòng, chống" names no body.
    expect(read("Phòng, chống tham nhũng là nhiệm vụ thường xuyên của các cơ quan, đơn vị.")).toEqual([]);
  });

  it("reads a unit and the body it belongs to, after a hyphen, as one name: the task does not start with the hyphen", () => {
    const [r] = extractPlan("1. Giao Vụ Pháp chế - Bộ Nội vụ hoàn thiện dự thảo Nghị định về phân cấp, phân quyền.");
    expect([r?.org, r?.task]).toEqual(["Vụ Pháp chế - Bộ Nội vụ", "hoàn thiện dự thảo Nghị định về phân cấp, phân quyền."]);
  });

  it("assigns nothing in a body's make-up: the members listed under 'Thành phần ... gồm:' are no tasks of the body", () => {
    const records = extractPlan([
      "Điều 8. Hội đồng Thi đua - Khen thưởng tỉnh",
      "1. Hội đồng có nhiệm vụ, quyền hạn sau:",
      "a) Tham mưu cho Ủy ban nhân dân tỉnh quyết định tặng danh hiệu thi đua;",
      "b) Định kỳ đánh giá phong trào thi đua và công tác khen thưởng.",
      "2. Thành phần Hội đồng Thi đua - Khen thưởng tỉnh gồm:",
      "a) Chủ tịch Hội đồng là Chủ tịch Ủy ban nhân dân tỉnh;",
      "b) Các Phó Chủ tịch Hội đồng;",
      "c) Các Ủy viên Hội đồng.",
    ].join("\n"));
    expect(records.map((r) => [r.org, r.task])).toEqual([
      ["Hội đồng Thi đua - Khen thưởng tỉnh", "Tham mưu cho Ủy ban nhân dân tỉnh quyết định tặng danh hiệu thi đua"],
      ["Hội đồng Thi đua - Khen thưởng tỉnh", "Định kỳ đánh giá phong trào thi đua và công tác khen thưởng."],
    ]);
  });
});

describe("a part of a body's duties that it chairs", () => {
  it("makes the body lead each item under 'a) Chủ trì, phối hợp với ...', a plural body as well, and coordinate under 'b) Phối hợp với ...'", () => {
    const records = extractPlan([
      "10. Ủy ban nhân dân các xã, phường",
      "a) Chủ trì, phối hợp với các sở, ban, ngành và cơ quan, đơn vị có liên quan",
      "- Phát triển các vùng sản xuất tập trung tại địa phương có quy mô đủ lớn.",
      "- Xây dựng các mô hình mẫu về vùng sản xuất tập trung.",
      "b) Phối hợp với Sở Công Thương",
      "- Tổ chức các hoạt động xúc tiến thương mại cho sản phẩm nông sản.",
    ].join("\n\n"));
    expect(records.map((r) => [r.org, r.role, r.task.slice(0, 30)])).toEqual([
      ["Ủy ban nhân dân các xã, phường", "lead", "Phát triển các vùng sản xuất t"],
      ["Ủy ban nhân dân các xã, phường", "lead", "Xây dựng các mô hình mẫu về vù"],
      ["Ủy ban nhân dân các xã, phường", "coordinate", "Tổ chức các hoạt động xúc tiến"],
    ]);
  });
});
