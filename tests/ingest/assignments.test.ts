import { existsSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import { foldKey, matchKey } from "../../core/text.js";
import type { AssignmentDraft, DocumentMeta, Section } from "../../core/types.js";
import { extractAssignments } from "../../ingest/assignments/extract.js";
import { cleanText } from "../../ingest/clean.js";
import { readMetadata } from "../../ingest/metadata.js";
import { splitSections } from "../../ingest/sections.js";

const registry = loadOrgRegistry();
const CORPUS = new URL("../../sample-corpus/", import.meta.url);
const FIXTURES = new URL("../fixtures/assignments/", import.meta.url);
const SHARED = new URL("../../../shared/", import.meta.url);

interface Doc { text: string; sections: Section[]; meta: DocumentMeta; records: AssignmentDraft[] }

function load(url: URL): Doc {
  const path = fileURLToPath(url);
  const text = cleanText(readFileSync(path, "utf8"), path.endsWith(".md") ? "md" : "txt");
  const meta = readMetadata(text, { name: basename(path) });
  const sections = splitSections(text, meta.kind);
  return { text, sections, meta, records: extractAssignments({ text, sections, meta }, registry) };
}

function corpus(prefix: string): Doc {
  const name = ["000_bc2115a807619c08.txt", "001_6605ce0a4e5edd48.txt", "002_f51bd1bc98d5fad9.txt",
    "003_0b226ac5bb75c25f.txt", "004_689f6d3b9e3d36b8.txt"].find((n) => n.startsWith(prefix))!;
  return load(new URL(name, CORPUS));
}

const quote = (d: Doc, r: AssignmentDraft) => d.text.slice(r.quoteStart, r.quoteEnd);
const label = (d: Doc, r: AssignmentDraft) => d.sections[r.section]?.label;
/** Labels of the sections where `org` has `role`, as a sorted list. */
function where(d: Doc, orgId: string | null, role: AssignmentDraft["role"], org?: string): string[] {
  const hits = d.records.filter((r) => r.orgId === orgId && r.role === role && (org === undefined || r.org === org));
  return [...new Set(hits.map((r) => label(d, r)!))].sort();
}

function expectWellFormed(d: Doc): void {
  for (const r of d.records) {
    const q = quote(d, r);
    expect(q.length).toBeGreaterThan(0);
    expect(q.length).toBeLessThanOrEqual(1500);
    expect(q).toBe(q.trim());
    expect(d.text).toContain(r.task);
    expect(d.text.slice(r.quoteStart, r.quoteEnd)).toBe(q);
    expect(r.coordinators).not.toContain(r.org);
  }
}

describe("sample corpus 002: Kết luận for quý II/2026", () => {
  const d = corpus("002");
  const BTCTW = "ban-to-chuc-trung-uong", VPTW = "van-phong-trung-uong-dang";

  it("gives each addressee its numbered items", () => {
    // 3 (i) "Chủ động phối hợp với Đảng uỷ Chính phủ ..." and 4 (ii) "Phối hợp với Ban Tổ chức Trung ương ...":
    // the addressee coordinates, and its partner gets no record from the item.
    expect(where(d, BTCTW, "lead")).toEqual(["3 (ii)", "3 (iii)"]);
    expect(where(d, BTCTW, "coordinate")).toEqual(["3 (i)", "4 (iii)"]);
    expect(where(d, VPTW, "lead")).toEqual(["4 (i)", "4 (iii)"]);
    expect(where(d, VPTW, "coordinate")).toEqual(["4 (ii)"]);
    expect(where(d, "ban-tuyen-giao-va-dan-van-trung-uong", "lead")).toEqual(["2 (i)", "2 (ii)"]);
    expect(where(d, "cac-tinh-uy-thanh-uy-dang-uy-truc-thuoc-trung-uong", "execute"))
      .toEqual(["1 (i)", "1 (ii)", "1 (iii)", "1 (iv)", "1 (v)", "1 (vi)", "1 (vii)"]);
  });

  it("reads party committees as bodies of their own, and recipients as nobody", () => {
    // The partners of 3 (i) are named in the Ban's record, as bodies of their own, and have none themselves.
    const item = d.records.filter((r) => label(d, r) === "3 (i)");
    expect(item.map((r) => [r.orgId, r.role])).toEqual([[BTCTW, "coordinate"]]);
    expect(item[0]!.coordinators.sort()).toEqual(["Đảng ủy Bộ Nội vụ", "Đảng ủy Chính phủ"]);
    expect(d.records.some((r) => r.orgId === "chinh-phu" || r.orgId === "bo-noi-vu")).toBe(false);
    expect(d.records.some((r) => r.orgId === "ban-bi-thu" || r.orgId === "bo-chinh-tri")).toBe(false);
  });

  it("takes nothing from the preamble or the distribution list, and places tasks in Q2/2026", () => {
    const firstItem = d.text.indexOf("1. Các tỉnh");
    expect(d.records.every((r) => r.quoteStart >= firstItem)).toBe(true);
    expect(d.records.every((r) => r.quoteEnd <= d.text.indexOf("Nơi nhận"))).toBe(true);
    expect(d.records.filter((r) => r.orgId === BTCTW).every((r) => r.period?.label === "Q2/2026")).toBe(true);
  });

  it("quotes the item that holds the dev-set evidence", () => {
    const quotes = d.records.filter((r) => r.orgId === BTCTW).map((r) => quote(d, r));
    for (const key of ["hoàn thiện tiêu chuẩn, tiêu chí cho từng vị trí việc làm",
      "Quy định giải quyết khiếu nại về xoá tên đảng viên", "cấp thẻ đảng viên trong điều kiện chuyển đổi số"]) {
      expect(quotes.some((q) => q.includes(key))).toBe(true);
    }
    expectWellFormed(d);
  });
});

describe("sample corpus 000: Kết luận on party congresses", () => {
  const d = corpus("000");
  const dues = (l: string) => d.records.filter((r) => label(d, r) === l).map((r) => r.deadline?.due);

  it("splits an item with two deadlines into one record per clause", () => {
    const clauses = d.records.filter((r) => label(d, r) === "2 (1)");
    const late = clauses.find((r) => r.deadline?.due === "2025-10-31")!;
    expect(quote(d, late)).toBe("các đảng bộ trực thuộc Trung ương hoàn thành trong tháng 10/2025");
    const early = clauses.find((r) => r.deadline?.due === "2025-08-31")!;
    expect(quote(d, early)).toContain("đảng bộ xã, phường, đặc khu hoàn thành trong tháng 8/2025");
  });

  it("reads deadlines in items and ignores dates of cited documents", () => {
    expect(dues("2 (4)")).toEqual(["2025-08-31"]);
    expect(dues("2 (5)")).toEqual(["2025-09-30"]);
    expect(d.records.some((r) => r.deadline?.due === "2025-04-14" || r.deadline?.due === "2025-08-21")).toBe(false);
  });

  it("gives an item no deadline borrowed from a sibling item under the same lead-in", () => {
    for (const l of ["2 (2)", "2 (3)", "2 (6)"]) expect(dues(l)).toEqual([undefined]);
    // "tập trung lãnh đạo, chỉ đạo:" frames the items; it is not a task of its own.
    expect(d.records.filter((r) => r.task.startsWith("tập trung lãnh đạo"))).toEqual([]);
  });

  it("finds who chairs, who coordinates and who only receives reports", () => {
    expect(where(d, "hoc-vien-chinh-tri-quoc-gia-ho-chi-minh", "lead")).toEqual(["4"]);
    expect(where(d, "ban-to-chuc-trung-uong", "coordinate")).toEqual(["4", "6"]);
    // "Giao Uỷ ban Kiểm tra Trung ương phối hợp với ban thường vụ tỉnh uỷ, ...": the Ủy ban coordinates.
    expect(where(d, "uy-ban-kiem-tra-trung-uong", "coordinate")).toEqual(["5"]);
    expect(d.records.filter((r) => label(d, r) === "5").map((r) => r.role)).toEqual(["coordinate"]);
    expect(where(d, "van-phong-trung-uong-dang", "lead")).toEqual(["6"]);
    expect(d.records.find((r) => label(d, r) === "6")?.deadline?.kind).toBe("ongoing");
    expect(d.records.some((r) => r.orgId === "bo-chinh-tri" || label(d, r) === "1")).toBe(false);
    expectWellFormed(d);
  });

  it("keeps an unknown collective body as written", () => {
    const sub = d.records.find((r) => label(d, r) === "3")!;
    expect(sub.orgId).toBeNull();
    expect(sub.org).toBe("Các Tiểu ban chuẩn bị Đại hội XIV của Đảng");
  });
});

describe("sample corpus 004: news about Kết luận 229", () => {
  const d = corpus("004");

  it("follows 'Ban cũng được giao' back to the body named before", () => {
    const quotes = d.records.filter((r) => r.orgId === "ban-to-chuc-trung-uong" && r.role === "lead").map((r) => quote(d, r));
    for (const key of ["triển khai cấp phát thẻ đảng viên thường xuyên",
      "hoàn thiện chức năng, nhiệm vụ, mối quan hệ công tác của các loại hình tổ chức cơ sở đảng",
      "kết quả kiểm điểm, đánh giá, xếp loại chất lượng tập thể, cá nhân"]) {
      expect(quotes.some((q) => q.includes(key))).toBe(true);
    }
    const again = d.records.find((r) => r.orgId === "ban-tuyen-giao-va-dan-van-trung-uong" && quote(d, r).startsWith("Ban cũng"));
    expect(again?.coordinators).toEqual(["Ban Tổ chức Trung ương"]);
    expectWellFormed(d);
  });
});

describe("sample corpus 001: a conference report", () => {
  it("assigns nothing from speeches and past events", () => {
    expect(corpus("001").records).toEqual([]);
  });
});

describe("held-out fixtures", () => {
  it("reads a Công điện: addressees, recipients and deadlines", () => {
    const d = load(new URL("congdien_y_te.txt", FIXTURES));
    const tc = d.records.find((r) => r.orgId === "bo-tai-chinh")!;
    expect(tc.role).toBe("lead");
    expect(tc.deadline?.due).toBe("2025-12-15");
    expect(d.records.some((r) => r.orgId === "thu-tuong-chinh-phu" || r.orgId === "ban-bi-thu")).toBe(false);
    const ubnd = d.records.filter((r) => r.orgId === "ubnd-cac-tinh-thanh-pho");
    expect(ubnd.map((r) => r.role)).toEqual(["execute", "execute"]);
    expect(ubnd[0]!.deadline?.due).toBe("2025-11-30");
    const yt = d.records.find((r) => r.orgId === "bo-y-te")!;
    expect(yt.coordinators).toEqual(["Bộ Giáo dục và Đào tạo"]);
    expect(d.records.find((r) => r.orgId === "bo-giao-duc-va-dao-tao")?.role).toBe("coordinate");
    expect(d.records.find((r) => r.orgId === "van-phong-chinh-phu")?.role).toBe("lead");
    // "theo báo cáo của Bộ Y tế tại Văn bản số 512/BYT-DP ngày 20/10/2025" is a source, not a task.
    expect(d.records.filter((r) => r.orgId === "bo-y-te")).toHaveLength(1);
    expectWellFormed(d);
  });

  it("reads news prose: pronouns, past events and proposals", () => {
    const d = load(new URL("news_bo_y_te.txt", FIXTURES));
    const yt = d.records.filter((r) => r.orgId === "bo-y-te");
    expect(yt.map((r) => quote(d, r).slice(0, 8))).toEqual(["Bộ Y tế ", "Bộ cũng "]);
    expect(yt[1]!.deadline?.due).toBe("2026-03-31");
    expect(d.records.find((r) => r.orgId === "bo-tai-chinh")?.deadline).toBeUndefined();
    expect(d.records.find((r) => r.orgId === "bao-hiem-xa-hoi-viet-nam")?.role).toBe("lead");
    expect(d.records.some((r) => r.orgId === "chinh-phu")).toBe(false);
    expectWellFormed(d);
  });

  it("reads a task table with its own header words", () => {
    const d = load(new URL("table_ke_hoach.md", FIXTURES));
    const leads = d.records.filter((r) => r.role === "lead");
    expect(leads.map((r) => [r.org, r.deadline?.text])).toEqual([
      ["Bộ Y tế", "Quý II/2026"],
      ["Bộ Công an", "Thường xuyên"],
      ["Bộ Y tế", "Thường xuyên"],
      ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "2026-2027"],
    ]);
    expect(d.records.some((r) => r.task.includes("Hoàn thiện thể chế"))).toBe(false);
    const first = d.records.filter((r) => r.task.startsWith("Xây dựng Thông tư"));
    expect(first.filter((r) => r.role === "coordinate").map((r) => r.org)).toEqual(["Bộ Công an", "Bảo hiểm xã hội Việt Nam"]);
    expectWellFormed(d);
  });
});

const PL2 = new URL("ext/directives/vnmp_NQCP03_NQ03_PL2_Nhiem_vu.md", SHARED);
const GOLD = new URL("ext/tasks_gold_NQ03_PL2.jsonl", SHARED);

describe.skipIf(!existsSync(PL2) || !existsSync(GOLD))("the NQ03 Phụ lục II task table against its gold rows", () => {
  it("finds at least 95% of rows with the right lead bodies and deadline", () => {
    const d = load(PL2);
    const gold = readFileSync(GOLD, "utf8").trim().split("\n").map((l) => JSON.parse(l) as {
      task: string; lead_agency: string; deadline: string;
    });
    let right = 0;
    for (const g of gold) {
      const key = foldKey(g.task).slice(0, 60);
      const leads = d.records.filter((r) => r.role === "lead" && foldKey(r.task).startsWith(key));
      const want = foldKey(g.lead_agency);
      const bodiesOk = leads.length > 0 && leads.every((r) => want.includes(foldKey(r.orgText)))
        && leads.reduce((n, r) => n + foldKey(r.orgText).length, 0) >= 0.8 * want.replace(/(,| va) /g, " ").length - 8;
      const deadlineOk = matchKey(leads[0]?.deadline?.text ?? "") === matchKey(g.deadline);
      if (bodiesOk && deadlineOk) right++;
    }
    expect(right / gold.length).toBeGreaterThanOrEqual(0.95);
    expectWellFormed(d);
  });
});

describe("directive patterns: topics, mandates, spelled lists and lead-ins", () => {
  const d = load(new URL("thong_bao_kien_nghi.txt", FIXTURES));
  const of = (org: string) => d.records.filter((r) => r.org === org && r.role === "lead");

  it("reads the body after a topic's colon, quotes the topic and takes the deadline from the task", () => {
    const local = of("Ủy ban nhân dân tỉnh Sông Lam");
    expect(local).toHaveLength(1);
    // Unknown to the registry: kept with its full name as written.
    expect(local[0]!.orgId).toBeNull();
    expect(quote(d, local[0]!)).toContain("cầu cảng Bến Đá trong năm 2025: Ủy ban nhân dân");
    expect(local[0]!.deadline?.due).toBe("2026-03-31");
    // "Về đề nghị Chính phủ chỉ đạo Bộ Tài chính ..." is the province's request, not an assignment.
    expect(d.records.some((r) => r.orgId === "chinh-phu")).toBe(false);
    expect(d.records.filter((r) => r.orgId === "bo-tai-chinh").every((r) => label(d, r)?.startsWith("II 5"))).toBe(true);
  });

  it("quotes a topic line above the assigning sentence and skips the mandate adverbial", () => {
    const ct = d.records.find((r) => r.orgId === "bo-cong-thuong")!;
    expect(ct.role).toBe("lead");
    expect(quote(d, ct)).toContain("cơ sở dữ liệu dùng chung về nông sản xuất khẩu");
    expect(ct.task.startsWith("nghiên cứu")).toBe(true);
    const nv = d.records.find((r) => r.orgId === "bo-noi-vu")!;
    expect(nv.task.startsWith("khẩn trương nghiên cứu")).toBe(true);
    expect(quote(d, nv)).toContain("bổ sung biên chế cho các trạm y tế xã");
    expect(nv.deadline?.due).toBe("2025-12-15");
  });

  it("spells out 'các Bộ: A, B' and 'các Tập đoàn: A, B' into one body each", () => {
    const item5 = d.records.filter((r) => label(d, r) === "II 5");
    expect(item5.map((r) => r.orgId).sort()).toEqual(["bo-tai-chinh", "bo-y-te"]);
    expect(item5.every((r) => r.deadline?.due === "2025-12-31")).toBe(true);
    const item4 = d.records.filter((r) => label(d, r) === "II 4");
    expect(item4.map((r) => r.org)).toEqual(["Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Công nghiệp - Viễn thông Quân đội"]);
    expect(d.records.some((r) => /^các (Bộ|Tập đoàn)$/iu.test(r.org))).toBe(false);
  });

  it("gives items under a lead-in the lead-in's deadline when they name none", () => {
    const items = d.records.filter((r) => /^II 5 \(\d\)$/.test(label(d, r) ?? ""));
    expect(items.map((r) => [r.orgId, r.deadline?.due])).toEqual([["bo-tai-chinh", "2025-12-31"], ["bo-y-te", "2025-12-31"]]);
  });

  it("reads 'đồng chí Bộ trưởng Bộ X' and never hands another body's item to an addressee", () => {
    expect(d.records.find((r) => r.orgId === "bo-xay-dung")?.role).toBe("lead");
    // "Bộ Quốc phòng phát huy vai trò ..." names its own subject without a task verb: no record, not a wrong one.
    expect(d.records.some((r) => quote(d, r).startsWith("Bộ Quốc phòng"))).toBe(false);
    expectWellFormed(d);
  });

  it("reads a root-level lead-in that chairs a task, with its inline items, as a task of its own", () => {
    const c = load(new URL("cong_van_chu_tri.txt", FIXTURES));
    const yt = c.records.filter((r) => r.orgId === "bo-y-te");
    expect(yt.length).toBe(3);
    const main = yt.find((r) => r.task.startsWith("khẩn trương hoàn thiện phương án dự trữ thuốc"))!;
    expect(main.deadline?.due).toBe("2025-11-30");
    expect(quote(c, main)).toContain("(ii) Đề xuất cơ chế điều chuyển thuốc");
    expect(yt.every((r) => r.deadline?.due === "2025-11-30")).toBe(true);
    expectWellFormed(c);
  });
});

const EXT = new URL("ext/directives/", SHARED);
describe("a leader assigned by 'giao' or 'phân công'", () => {
  const d = load(new URL("giao_pho_thu_tuong.txt", FIXTURES));
  const ofLeader = d.records.filter((r) => r.orgId === "pho-thu-tuong-chinh-phu" || r.orgId === "thu-tuong-chinh-phu");

  it("records the Deputy Prime Minister given a task, the person's name read with the title, not as the task", () => {
    expect(ofLeader.map((r) => [label(d, r), r.role, r.task.split(" ").slice(0, 3).join(" ")])).toEqual([
      ["1", "lead", "trực tiếp chỉ"],
      ["2", "lead", "chỉ đạo Bộ"],
    ]);
    expect(ofLeader[0]!.deadline?.due).toBe("2025-12-15");
  });

  it("records no task for a leader a text asks to consider something, nor for the leader who assigns", () => {
    expect(ofLeader.some((r) => label(d, r) === "3" || label(d, r) === "4")).toBe(false);
    expect(where(d, "bo-tai-chinh", "lead")).toEqual(["4", "5"]);
  });

  it("records no task for bodies an assignment is only proposed for ('đề xuất phân công các tỉnh ... hỗ trợ')", () => {
    expect(d.records.filter((r) => label(d, r) === "5").map((r) => r.org)).toEqual(["Bộ Tài chính"]);
  });
});

describe("a news report's lead-in, then topic lines between its items", () => {
  const d = load(new URL("tin_chu_de.md", FIXTURES));

  it("gives every item the lead-in's addressee, across the topic lines", () => {
    expect(d.records.map((r) => [r.org, r.role, r.task.split(" ").slice(0, 2).join(" ")])).toEqual([
      ["Sở Nông nghiệp và Môi trường", "lead", "Hướng dẫn"],
      ["Sở Nông nghiệp và Môi trường", "lead", "Theo dõi"],
      ["Sở Nông nghiệp và Môi trường", "lead", "Chỉ đạo"],
    ]);
  });
});

describe("'-' and '+' bullets as two levels", () => {
  const d = load(new URL("tin_hai_cap.md", FIXTURES));
  const rows = d.records.map((r) => [r.org, r.role, r.task.split(" ").slice(0, 2).join(" ")]);

  it("gives '+' items under a '- X ..., lưu ý một số nội dung sau:' item to X, and the next '- Y:' its own", () => {
    expect(rows.slice(0, 3)).toEqual([
      ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "execute", "Chỉ đạo"],
      ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "execute", "Bố trí"],
      ["Bộ Nông nghiệp và Môi trường", "lead", "Chỉ đạo,"],
    ]);
  });

  it("reads a '-' after a finished '+' item as the list's next item, not as a sub-item of the '+' one", () => {
    expect(rows.slice(3)).toEqual([
      ["Thủ trưởng các đơn vị thuộc Bộ", "execute", "Rà soát"],
      ["Văn phòng Bộ", "lead", "tổng hợp"],
      ["Thủ trưởng các đơn vị thuộc Bộ", "execute", "Siết chặt"],
    ]);
  });
});

describe("a body heading with what the body is in parentheses", () => {
  const d = load(new URL("ke_hoach_ngoac.md", FIXTURES));

  it("gives the items under '1. Sở Văn hóa, Thể thao và Du lịch (Cơ quan thường trực ...):' to that Sở, as under '2. Sở Giáo dục và Đào tạo:'", () => {
    expect(d.records.map((r) => [r.org, r.role, r.deadline?.due])).toEqual([
      ["Sở Văn hóa, Thể thao và Du lịch", "coordinate", undefined],
      ["Sở Văn hóa, Thể thao và Du lịch", "lead", "2025-12-15"],
      ["Sở Giáo dục và Đào tạo", "lead", undefined],
    ]);
  });
});

describe("a regulation attached after a distribution list written as a table row", () => {
  const d = load(new URL("quy_che_dinh_kem.md", FIXTURES));
  const rows = d.records.map((r) => [label(d, r), r.org, r.role, quote(d, r)]);

  it("ends the decision's quotes at '| Nơi nhận:' and reads the attached regulation's articles", () => {
    expect(rows).toEqual([
      ["Điều 2", "Sở Xây dựng", "lead", "Giao Sở Xây dựng chủ trì, phối hợp với Công an tỉnh tổ chức thực hiện Quyết định này."],
      ["Điều 2", "Công an tỉnh", "coordinate", "Giao Sở Xây dựng chủ trì, phối hợp với Công an tỉnh tổ chức thực hiện Quyết định này."],
      [expect.any(String), "Sở Xây dựng", "lead", "Kiểm tra định kỳ các bến xe khách trên địa bàn tỉnh."],
      [expect.any(String), "Sở Xây dựng", "lead", "3. Công bố danh sách bến xe đủ điều kiện hoạt động."],
    ]);
  });

  it("reads '2.[4]' (a footnote of a consolidated text) as item 2, and a repealed item '(được bãi bỏ)' as no task", () => {
    expect(rows.filter((r) => String(r[3]).includes("bãi bỏ"))).toEqual([]);
    expect(rows.filter((r) => r[1] === "Sở Xây dựng")).toHaveLength(3);
  });
});

describe("a form annexed to the document", () => {
  const d = load(new URL("mau_don.txt", FIXTURES));

  it("records the article's task and nothing from a template with blanks to fill in", () => {
    expect(d.records.map((r) => [label(d, r), r.org, r.role, r.deadline?.due])).toEqual([
      ["Điều 1", "Sở Văn hóa, Thể thao và Du lịch", "lead", "2025-12-31"],
    ]);
  });
});

describe("partners announced after a colon, and a unit in parentheses", () => {
  const d = load(new URL("phoi_hop_cac_don_vi.txt", FIXTURES));

  it("reads 'phối hợp với các đơn vị: A (unit) và ...' as partner A, and starts the task after the partners", () => {
    const lead = d.records.find((r) => r.orgId === "so:y-te" || r.org === "Sở Y tế")!;
    expect(lead.role).toBe("lead");
    expect(lead.task.startsWith("căn cứ Quyết định này")).toBe(true);
    const partner = d.records.find((r) => r.role === "coordinate" && r.org.startsWith("Văn phòng"));
    expect(partner?.task).toBe(lead.task);
  });

  it("still spells out 'các Bộ: A, B' after 'phối hợp với'", () => {
    const partners = d.records.filter((r) => r.role === "coordinate" && label(d, r) === "Điều 3").map((r) => r.orgId);
    expect(partners).toEqual(expect.arrayContaining(["bo-quoc-phong", "bo-cong-an"]));
  });
});

describe.skipIf(!existsSync(EXT))("held-out directives: tasks in topics, mandates and lead-ins", () => {
  const file = (name: string) => load(new URL(name, EXT));
  const has = (d: Doc, orgId: string, key: string, due: string) =>
    d.records.some((r) => r.orgId === orgId && quote(d, r).includes(key) && r.deadline?.due === due);

  it("finds the tasks a held-out evaluation missed", () => {
    const a = file("cb6eb2174499b5d1.md");
    expect(has(a, "bo-cong-thuong", "khẩn trương làm rõ các nội dung còn vướng mắc", "2025-11-30")).toBe(true);
    const b = file("98be6e047028fade.md");
    expect(has(b, "bo-cong-thuong", "hội nhập FTA", "2025-11-30")).toBe(true);
    expect(has(b, "bo-noi-vu", "Bộ Nội vụ theo chức năng nhiệm vụ được giao khẩn trương", "2025-11-30")).toBe(true);
    const c = file("24701a1c97c8c368.md");
    expect(has(c, "bo-noi-vu", "tăng số lượng cấp phó tại các phòng chuyên môn", "2025-11-30")).toBe(true);
    expect(c.records.some((r) => /Thanh Hóa$/u.test(r.org) && quote(c, r).includes("giải ngân hết số vốn") && r.deadline?.due === "2026-03-31")).toBe(true);
    const d = file("344b9eec106a648a.md");
    expect(has(d, "bo-noi-vu", "kết nối Cơ sở dữ liệu người hưởng chính sách ưu đãi", "2025-11-30")).toBe(true);
  });
});
