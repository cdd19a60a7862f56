/**
 * Assignments read as structure: a heading that names a body owns the items under it until a sibling or
 * higher heading; a heading is not a task itself; parts that state purposes assign nothing; a line that opens
 * a new list after dash items ends the owner above. Each case is a small invented document.
 */
import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import type { AssignmentDraft } from "../../core/types.js";
import { extractAssignments } from "../../ingest/assignments/extract.js";
import { cleanText } from "../../ingest/clean.js";
import { readMetadata } from "../../ingest/metadata.js";
import { splitSections } from "../../ingest/sections.js";

const registry = loadOrgRegistry();

function extract(body: string): { text: string; records: AssignmentDraft[] } {
  return extractFile(`ỦY BAN NHÂN DÂN TỈNH SÔNG LAM\n\nKẾ HOẠCH\n\nThực hiện chuyển đổi số năm 2026\n\n${body}`, "ke_hoach.txt");
}

/** A news report of these paragraphs, its headline first. */
function extractNews(paragraphs: string[]): { text: string; kind: string; records: AssignmentDraft[] } {
  return extractFile(paragraphs.join("\n\n"), "tin.md");
}

function extractFile(raw: string, name: string): { text: string; kind: string; records: AssignmentDraft[] } {
  const text = cleanText(raw, name.endsWith(".md") ? "md" : "txt");
  const meta = readMetadata(text, { name });
  return { text, kind: meta.kind, records: extractAssignments({ text, sections: splitSections(text, meta.kind), meta }, registry) };
}

/** Each duty's records are its fields' bodies ("org:role", sorted), every one due on `due`. */
function expectFieldsRead(d: { records: AssignmentDraft[] }, duties: string[], bodies: string[], due: string): void {
  for (const duty of duties) {
    const here = d.records.filter((r) => r.task.startsWith(duty));
    expect(here.map((r) => `${r.org}:${r.role}`).sort()).toEqual(bodies);
    expect(here.every((r) => r.deadline?.due === due)).toBe(true);
  }
}

/** The bodies (canonical names) that have a record whose quote holds `words`, with their roles. */
function owners(d: { text: string; records: AssignmentDraft[] }, words: string): string[] {
  return d.records.filter((r) => d.text.slice(r.quoteStart, r.quoteEnd).includes(words)).map((r) => `${r.org}:${r.role}`).sort();
}

describe("a heading that names a body owns its items", () => {
  it("gives a regulation's article 'Trách nhiệm của X' its numbered duties, X coordinating where a duty says so", () => {
    const d = extract([
      "Chương III",
      "TRÁCH NHIỆM CỦA CÁC CƠ QUAN, TỔ CHỨC",
      "Điều 14. Trách nhiệm của Sở Khoa học và Công nghệ",
      "1. Quản lý, hướng dẫn, kiểm tra các thuê bao trong quá trình sử dụng chữ ký số chuyên dùng.",
      "2. Phối hợp với Sở Nội vụ thanh tra việc quản lý, sử dụng chữ ký số.",
      "Điều 15. Trách nhiệm của Ủy ban nhân dân cấp xã",
      "1. Tổ chức kiểm tra việc chấp hành quy định về chữ ký số trên địa bàn.",
    ].join("\n\n"));
    expect(owners(d, "Quản lý, hướng dẫn, kiểm tra các thuê bao")).toEqual(["Sở Khoa học và Công nghệ:lead"]);
    // "Phối hợp với Y": the owner coordinates; Y is named among its partners (ingest/assignments/clauses.ts).
    expect(owners(d, "thanh tra việc quản lý")).toEqual(["Sở Khoa học và Công nghệ:coordinate"]);
    expect(owners(d, "Tổ chức kiểm tra việc chấp hành")).toEqual(["Ủy ban nhân dân cấp xã:execute"]);
  });

  it("gives items to the body named by a heading whose first item runs on in its line", () => {
    const d = extract([
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Tài chính a) Bố trí kinh phí thực hiện kế hoạch trong dự toán hằng năm.",
      "b) Hướng dẫn thanh quyết toán kinh phí theo quy định.",
      "2. Sở Nội vụ a) Đưa kết quả chuyển đổi số vào tiêu chí thi đua.",
      "b) Kiện toàn đội ngũ cán bộ phụ trách chuyển đổi số.",
    ].join("\n\n"));
    expect(owners(d, "Hướng dẫn thanh quyết toán")).toEqual(["Sở Tài chính:lead"]);
    expect(owners(d, "Kiện toàn đội ngũ")).toEqual(["Sở Nội vụ:lead"]);
    // The heading names the body; it is not a task of its own.
    expect(d.records.some((r) => d.text.slice(r.quoteStart, r.quoteEnd).trim() === "Sở Nội vụ")).toBe(false);
  });

  it("gives a body's heading its items lettered 'a.', 'b.', and reads a ';' inside a 'phối hợp với' list as one more partner", () => {
    const d = extract([
      "3. Sở Văn hóa, Thể thao và Du lịch",
      "a. Chủ trì, chỉ đạo các cơ quan báo chí tổ chức tuyên truyền nếp sống văn minh.",
      "b. Chủ trì phối hợp với Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, các cơ quan thành viên Ban Chỉ đạo phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” tỉnh; Ủy ban nhân dân cấp xã tuyên truyền, vận động Nhân dân thực hiện.",
    ].join("\n\n"));
    expect(owners(d, "chỉ đạo các cơ quan báo chí")).toEqual(["Sở Văn hóa, Thể thao và Du lịch:lead"]);
    const partners = owners(d, "vận động Nhân dân");
    expect(partners).toContain("Sở Văn hóa, Thể thao và Du lịch:lead");
    expect(partners.filter((o) => o.startsWith("Ủy ban nhân dân") && !o.endsWith(":coordinate"))).toEqual([]);
  });

  it("reads a heading whose number stands on a line of its own, and its paragraphs", () => {
    const d = extract([
      "III. TỔ CHỨC THỰC HIỆN",
      "2.5.",
      "Sở Y tế",
      "Chủ trì, phối hợp với các đơn vị liên quan triển khai hồ sơ sức khỏe điện tử tại các trạm y tế.",
      "2.6.",
      "Sở Tư pháp",
      "Rà soát các quy định về chứng thực điện tử trên địa bàn tỉnh.",
    ].join("\n\n"));
    expect(owners(d, "hồ sơ sức khỏe điện tử")).toEqual(["Sở Y tế:lead"]);
    expect(owners(d, "chứng thực điện tử")).toEqual(["Sở Tư pháp:lead"]);
  });

  it("keeps lettered items under their heading when dash items came before them", () => {
    const d = extract([
      "2. Về khôi phục sản xuất",
      "a) Ủy ban nhân dân các tỉnh, thành phố:",
      "- Phối hợp với Bộ Công Thương bảo đảm cung ứng hàng thiết yếu cho vùng bị thiệt hại.",
      "b) Bộ Công Thương:",
      "- Chủ trì điều phối nguồn hàng vật liệu xây dựng cho các tỉnh bị ảnh hưởng.",
    ].join("\n\n"));
    expect(owners(d, "điều phối nguồn hàng")).toEqual(["Bộ Công Thương:lead"]);
  });

  it("reads 'a) Chủ trì, ...' and 'b) Phối hợp ...' under a body's heading as its roles, after a lead line in an earlier item", () => {
    const d = extract([
      "II. CHỈ TIÊU",
      "1. Sản phẩm tham gia xuất khẩu",
      "a) Sản phẩm nông sản",
      "- Các sản phẩm trái cây:",
      "Tổng sản phẩm trái cây tham gia xuất khẩu phấn đấu đạt như sau:",
      "+ Xoài đạt 10.000 tấn.",
      "b) Sản phẩm công nghiệp",
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Công Thương",
      "a) Chủ trì, phối hợp với các sở, ban, ngành và cơ quan, đơn vị có liên quan",
      "- Tổ chức chương trình tập huấn kiến thức về hội nhập kinh tế quốc tế.",
      "b) Phối hợp với các sở, ngành, Ủy ban nhân dân các xã, phường",
      "- Hỗ trợ các nhà đầu tư phát triển hạ tầng thương mại.",
      "2. Sở Nông nghiệp và Môi trường",
      "a) Chủ trì, phối hợp với các sở, ban, ngành có liên quan",
      "- Hướng dẫn doanh nghiệp áp dụng quy trình sản xuất nông nghiệp tốt.",
    ].join("\n\n"));
    expect(owners(d, "tập huấn kiến thức")).toEqual(["Sở Công Thương:lead"]);
    expect(owners(d, "hạ tầng thương mại")).toEqual(["Sở Công Thương:coordinate"]);
    expect(owners(d, "sản xuất nông nghiệp tốt")).toEqual(["Sở Nông nghiệp và Môi trường:lead"]);
  });

  it("ends the owner above at a new lead line after a dash list", () => {
    const d = extract([
      "Theo đó, Thủ tướng Chính phủ đã yêu cầu Bộ Công an:",
      "- Tăng cường tuần tra, kiểm soát, xử lý vi phạm về nồng độ cồn.",
      "Ngoài ra, Thủ tướng còn yêu cầu Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:",
      "- Chỉ đạo cơ quan chức năng địa phương hỗ trợ chủ đầu tư các dự án điện.",
    ].join("\n\n"));
    expect(owners(d, "nồng độ cồn")).toEqual(["Bộ Công an:lead"]);
    const chairs = owners(d, "hỗ trợ chủ đầu tư");
    expect(chairs).toHaveLength(1);
    expect(chairs[0]).not.toContain("Bộ Công an");
  });

  it("gives a lead line of running text its own list: the earlier lead-in's addressee does not own it", () => {
    const d = extract([
      "Chính phủ yêu cầu Bộ Xây dựng thực hiện các nhiệm vụ sau:",
      "- Hoàn thiện dự thảo Nghị định về phát triển nhà ở xã hội.",
      "- Rà soát quỹ đất dành cho nhà ở công nhân.",
      "Ba điểm mới của Luật Nhà ở năm 2023 là:",
      "- Mở rộng đối tượng được mua nhà ở xã hội.",
    ].join("\n\n"));
    expect(owners(d, "quỹ đất dành cho")).toEqual(["Bộ Xây dựng:lead"]);
    expect(owners(d, "Mở rộng đối tượng")).toEqual([]);
  });

  it("lets an item that names its own body keep it, and a heading it cannot read own nothing", () => {
    const d = extract([
      "3. Cơ quan chủ trì giải quyết thủ tục đầu tư dự án a) Hướng dẫn nhà đầu tư hoàn thiện hồ sơ đề xuất dự án.",
      "b) Giải quyết thủ tục trong thời hạn quy định.",
    ].join("\n\n"));
    expect(owners(d, "hoàn thiện hồ sơ")).toEqual([]);
  });

  it("reads an item under a body's heading that opens 'Phối hợp <việc>' (after its basis, 'Căn cứ ..., ') as the body taking part: it coordinates", () => {
    const d = extract([
      "4. Sở Công Thương",
      "a) Xây dựng cơ sở dữ liệu về các cụm công nghiệp trên địa bàn tỉnh.",
      "b) Phối hợp hướng dẫn doanh nghiệp tiếp cận các chính sách hỗ trợ đổi mới công nghệ.",
      "c) Căn cứ chức năng, nhiệm vụ được giao, phối hợp với Sở Xây dựng thẩm định hồ sơ cụm công nghiệp.",
      "d) Căn cứ chức năng, nhiệm vụ được giao, chủ trì, phối hợp với Sở Tài chính lập dự toán kinh phí.",
    ].join("\n\n"));
    expect(owners(d, "cơ sở dữ liệu về các cụm")).toEqual(["Sở Công Thương:lead"]);
    expect(owners(d, "tiếp cận các chính sách")).toEqual(["Sở Công Thương:coordinate"]);
    // The basis a duty rests on ("Căn cứ ..., ") is read past: the item cooperates, or chairs.
    expect(owners(d, "thẩm định hồ sơ")).toEqual(["Sở Công Thương:coordinate"]);
    expect(owners(d, "lập dự toán")).toEqual(["Sở Công Thương:lead", "Sở Tài chính:coordinate"]);
  });

  it("gives an item that opens by naming some of its lead-in's bodies to those alone", () => {
    const d = extract([
      "Điều 2. Giao Sở Y tế, Sở Giáo dục và Đào tạo chủ trì, phối hợp với các đơn vị liên quan cập nhật quy trình điện tử, cụ thể:",
      "- Sở Y tế đối với các thủ tục số 04, 05 tại Danh mục;",
      "- Sở Giáo dục và Đào tạo đối với thủ tục số 01 tại Danh mục.",
      "- Rà soát lại quy trình sau 06 tháng áp dụng.",
    ].join("\n"));
    expect(owners(d, "thủ tục số 04, 05")).toEqual(["Sở Y tế:lead"]);
    expect(owners(d, "thủ tục số 01")).toEqual(["Sở Giáo dục và Đào tạo:lead"]);
    // An item naming none of them stays every owner's.
    expect(owners(d, "sau 06 tháng")).toEqual(["Sở Giáo dục và Đào tạo:lead", "Sở Y tế:lead"]);
  });
});

describe("a Công điện's recipients", () => {
  it("gives the paragraphs after the recipients' list to nobody: a bullet entry ending '.' is no heading", () => {
    const d = extract([
      "THỦ TƯỚNG CHÍNH PHỦ điện:",
      "- Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk;",
      "- Bộ trưởng các Bộ: Tài chính, Xây dựng.",
      "Vừa qua tại khu vực Nam Trung Bộ đã xảy ra đợt mưa lũ lịch sử, gây thiệt hại rất nặng nề về nhà cửa.",
      "Thủ tướng Chính phủ yêu cầu:",
      "1. Bộ trưởng Bộ Xây dựng chỉ đạo hỗ trợ người dân sửa chữa nhà cửa.",
    ].join("\n\n"));
    expect(owners(d, "mưa lũ lịch sử")).toEqual([]);
    expect(owners(d, "sửa chữa nhà cửa")).toEqual(["Bộ Xây dựng:lead"]);
  });
});

describe("parts and sentences that assign nothing", () => {
  it("reads no task in a news report's headline; its text assigns", () => {
    const { text, kind, records } = extractNews([
      "Bộ Y tế chỉ đạo tăng cường phòng, chống sốt xuất huyết trong mùa mưa",
      "Ngày 12/5/2026, Bộ Y tế có văn bản gửi các địa phương về phòng, chống sốt xuất huyết.",
      "Bộ Y tế yêu cầu Sở Y tế các tỉnh, thành phố tổ chức diệt lăng quăng tại các khu dân cư.",
    ]);
    expect(kind).toBe("news");
    expect(records.some((r) => r.quoteStart < text.indexOf("\n"))).toBe(false);
    expect(records.some((r) => text.slice(r.quoteStart, r.quoteEnd).includes("diệt lăng quăng"))).toBe(true);
  });

  it("reads no task in a form's items whose subject is a numbered blank ('....(2).... giải quyết ...')", () => {
    const d = extract([
      "2. Trách nhiệm của các cơ quan, đơn vị",
      "a) ....(2).... giải quyết cho người được cấp phép vào, ra khu vực cảng; chủ trì, phối hợp với các cơ quan, đơn vị liên quan quản lý, kiểm tra chặt chẽ người, phương tiện vào, ra.",
      "b) Sở Ngoại vụ có trách nhiệm thông báo kết quả cấp phép cho các tổ chức, cá nhân liên quan.",
    ].join("\n\n"));
    expect(owners(d, "giải quyết cho người được cấp phép")).toEqual([]);
    expect(owners(d, "thông báo kết quả cấp phép")).toEqual(["Sở Ngoại vụ:lead"]);
  });

  it("reads no task under Quan điểm or Mục đích", () => {
    const d = extract([
      "Giao các sở, ban, ngành thực hiện các nội dung sau:",
      "1. Quan điểm a) Phát huy sức mạnh tổng hợp của cả hệ thống chính trị trong chuyển đổi số.",
      "b) Bảo đảm công khai, minh bạch trong quá trình triển khai.",
      "(1) Mục đích",
      "- Phân công các cơ quan, đơn vị triển khai những nhiệm vụ trọng tâm của tỉnh.",
    ].join("\n\n"));
    expect(owners(d, "sức mạnh tổng hợp")).toEqual([]);
    expect(owners(d, "Phân công các cơ quan")).toEqual([]);
  });

  it("reads no task in a regulation's article on who decides (Thẩm quyền quyết định / phê duyệt ...)", () => {
    const d = extract([
      "Điều 4. Thẩm quyền phê duyệt phương án xử lý tài sản được chuyển giao",
      "1. Chủ tịch Ủy ban nhân dân tỉnh phê duyệt phương án xử lý tài sản là nhà, đất.",
      "2. Sở Tài chính phê duyệt phương án xử lý tài sản khác.",
      "Điều 5. Trách nhiệm của Sở Tài chính",
      "1. Hướng dẫn các cơ quan lập phương án xử lý tài sản.",
    ].join("\n\n"));
    expect(owners(d, "tài sản là nhà, đất")).toEqual([]);
    expect(owners(d, "tài sản khác")).toEqual([]);
    expect(owners(d, "lập phương án")).toEqual(["Sở Tài chính:lead"]);
  });

  it("reads no task under a part on powers alone (Quyền hạn, Quyền của ..., '... có quyền hạn:'), and the duties beside it as before", () => {
    const d = extract([
      "Điều 6. Hội đồng Quản lý Quỹ",
      "3. Nhiệm vụ của Hội đồng Quản lý Quỹ:",
      "a) Trình Ủy ban nhân dân tỉnh phê duyệt kế hoạch hoạt động hằng năm của Quỹ.",
      "4. Quyền hạn của Hội đồng Quản lý:",
      "a) Quyết định mức cho vay, hỗ trợ đầu tư cho các dự án bảo vệ môi trường.",
      "b) Bổ nhiệm, miễn nhiệm Trưởng ban Kiểm soát Quỹ.",
      "Điều 7. Ban Chỉ đạo",
      "Quy định số 12-QĐ/TU quy định Ban Chỉ đạo có quyền hạn:",
      "- Yêu cầu các sở, ban, ngành báo cáo tình hình thực hiện công tác phòng, chống lãng phí.",
    ].join("\n\n"));
    expect(owners(d, "kế hoạch hoạt động hằng năm")).toHaveLength(1);
    expect(owners(d, "Quyết định mức cho vay")).toEqual([]);
    expect(owners(d, "Trưởng ban Kiểm soát")).toEqual([]);
    // The power to ask others to act gives them no task.
    expect(owners(d, "phòng, chống lãng phí")).toEqual([]);
  });

  it("reads a bare call to carry out, a names-only heading and the issuing formula as no task", () => {
    const d = extract([
      "Ủy ban nhân dân tỉnh Sông Lam ban hành Quyết định ban hành Quy chế quản lý dữ liệu.",
      "12. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền, Tân Phú Đông",
      "- Xây dựng kế hoạch chuyển đổi số của xã.",
      "Đề nghị các sở, ban, ngành, địa phương quan tâm thực hiện./.",
    ].join("\n\n"));
    expect(owners(d, "ban hành Quy chế")).toEqual([]);
    expect(owners(d, "Gia Thuận, Tân Điền")).toEqual([]);
    expect(owners(d, "quan tâm thực hiện")).toEqual([]);
    expect(owners(d, "kế hoạch chuyển đổi số của xã")).toHaveLength(1);
  });
});

describe("who is named where", () => {
  it("reads a province's tax office and inspectorate named by level alone (Thuế tỉnh, Thanh tra tỉnh) as bodies, as Công an tỉnh is", () => {
    const d = extract([
      "3. Trách nhiệm các cơ quan",
      "a) Thuế tỉnh, Bảo hiểm xã hội tỉnh: Xác nhận việc thực hiện nghĩa vụ nộp ngân sách đối với các trường hợp đề nghị khen thưởng;",
      "b) Thanh tra tỉnh: Cung cấp thông tin về cá nhân có đơn thư khiếu nại tại thời điểm đề nghị khen thưởng;",
      "c) Công an tỉnh: Bảo đảm an ninh trật tự tại các điểm tổ chức lễ khen thưởng.",
    ].join("\n\n"));
    expect(owners(d, "nghĩa vụ nộp ngân sách")).toEqual(["Bảo hiểm xã hội tỉnh:lead", "Thuế tỉnh:lead"]);
    expect(owners(d, "đơn thư khiếu nại")).toEqual(["Thanh tra tỉnh:lead"]);
    expect(owners(d, "an ninh trật tự")).toEqual(["Công an tỉnh:lead"]);
  });

  it("reads 'X có trách nhiệm chủ trì, phối hợp với Y' and 'X là cơ quan đầu mối, chủ trì, phối hợp với Y' as X lead, Y coordinate", () => {
    const d = extract([
      "1. Sở Xây dựng có trách nhiệm chủ trì, phối hợp với Sở Tài chính rà soát các dự án nhà ở tồn đọng.",
      "2. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, phối hợp với Sở Nội vụ rà soát quỹ đất công.",
    ].join("\n\n"));
    expect(owners(d, "dự án nhà ở tồn đọng")).toEqual(["Sở Tài chính:coordinate", "Sở Xây dựng:lead"]);
    expect(owners(d, "quỹ đất công")).toEqual(["Sở Nông nghiệp và Môi trường:lead", "Sở Nội vụ:coordinate"]);
    expect(d.records.find((r) => r.org === "Sở Xây dựng")!.task.startsWith("rà soát")).toBe(true);
  });

  it("reads the departments some provinces have beside the common ones: Quy hoạch - Kiến trúc, Văn hóa và Thể thao, Du lịch", () => {
    const d = extract([
      "1. Sở Quy hoạch - Kiến trúc có trách nhiệm gửi ý kiến góp ý trong vòng 07 ngày.",
      "2. Sở Văn hóa và Thể thao chủ trì tổ chức giải chạy quốc tế.",
      "3. Sở Du lịch chủ trì quảng bá điểm đến của tỉnh.",
    ].join("\n\n"));
    expect(d.records.map((r) => r.orgId).sort()).toEqual(["so:du-lich", "so:quy-hoach-kien-truc", "so:van-hoa-va-the-thao"]);
  });

  it("splits a plural after a singular name and a named office after a plural", () => {
    const d = extract([
      "3. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội phối hợp tuyên truyền Kế hoạch.",
      "4. Phối hợp chặt chẽ với các sở, ban, ngành, Văn phòng UBND tỉnh trong quá trình thực hiện thủ tục hành chính.",
    ].join("\n\n"));
    const front = d.records.filter((r) => d.text.slice(r.quoteStart, r.quoteEnd).includes("phối hợp tuyên truyền")).map((r) => r.orgText);
    expect(front).toContain("các tổ chức chính trị - xã hội");
    expect(front.some((o) => o.includes("Mặt trận") && o.includes("chính trị"))).toBe(false);
  });

  it("reads 'chính trị-xã hội' written as one word as 'chính trị - xã hội'", () => {
    const d = extract("Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh, các tổ chức chính trị-xã hội vận động Nhân dân tham gia chuyển đổi số.");
    expect(d.records.map((r) => r.orgText).sort()).toEqual(["các tổ chức chính trị-xã hội", "Ủy ban Mặt trận Tổ quốc tỉnh"]);
  });

  it("does not make the partner of another body named in an item the item's coordinator", () => {
    const d = extract([
      "2.7. Sở Giáo dục và Đào tạo",
      "Chủ trì, phối hợp với các sở, ban, ngành liên quan tham mưu Ủy ban nhân dân tỉnh phối hợp Bộ Giáo dục và Đào tạo tổ chức truyền thông phòng, chống ma túy cho học sinh.",
    ].join("\n\n"));
    const here = d.records.filter((r) => d.text.slice(r.quoteStart, r.quoteEnd).includes("truyền thông phòng, chống ma túy"));
    expect(here.map((r) => r.org)).toContain("Sở Giáo dục và Đào tạo");
    expect(here.some((r) => r.orgId === "bo-giao-duc-va-dao-tao")).toBe(false);
  });

  it("gives the partner of an item's own cooperation no record, and the coordinators after 'chủ trì' theirs", () => {
    const d = extract([
      "5. Sở Y tế",
      "a) Chỉ đạo các cơ sở y tế tăng cường giám sát dịch bệnh; phối hợp với Sở Giáo dục và Đào tạo hướng dẫn phòng bệnh trong trường học.",
      "b) Chủ trì, phối hợp với Sở Tài chính lập dự toán kinh phí phòng, chống dịch.",
    ].join("\n\n"));
    const at = (words: string) => d.records.filter((r) => d.text.slice(r.quoteStart, r.quoteEnd).includes(words));
    expect(owners(d, "giám sát dịch bệnh")).toEqual(["Sở Y tế:lead"]);
    // The partner is still named in the record, as a "phối hợp với" partner always is.
    expect(at("giám sát dịch bệnh")[0]?.coordinators).toEqual(["Sở Giáo dục và Đào tạo"]);
    expect(owners(d, "lập dự toán")).toEqual(["Sở Tài chính:coordinate", "Sở Y tế:lead"]);
  });

  it("reads a plural of provincial bodies spelled by its provinces as those provinces' bodies, and 'quyết liệt' before a verb", () => {
    const d = extract([
      "1. Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, An Giang và Cà Mau quyết liệt chỉ đạo đẩy nhanh giải phóng mặt bằng.",
      "2. Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Gia Lai:",
      "- Tổ chức sơ tán dân khỏi vùng sạt lở.",
      "3. Ủy ban nhân dân các tỉnh, thành phố rà soát các điểm có nguy cơ sạt lở.",
    ].join("\n\n"));
    expect(owners(d, "giải phóng mặt bằng")).toEqual([
      "Ủy ban nhân dân thành phố Cần Thơ:lead", "Ủy ban nhân dân tỉnh An Giang:lead", "Ủy ban nhân dân tỉnh Cà Mau:lead",
    ]);
    expect(owners(d, "sơ tán dân")).toEqual(["Ủy ban nhân dân tỉnh Gia Lai:lead", "Ủy ban nhân dân tỉnh Khánh Hòa:lead"]);
    // Not spelled: every province's.
    expect(owners(d, "điểm có nguy cơ")).toEqual(["Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:execute"]);
  });

  it("reads the honorific 'Đồng chí' before a head's title as the title alone: 'Đồng chí Chủ tịch UBND các tỉnh: A, B'", () => {
    const d = extract("1. Đồng chí Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Gia Lai tập trung chỉ đạo khắc phục hậu quả mưa lũ.");
    expect(owners(d, "khắc phục hậu quả mưa lũ")).toEqual(["Ủy ban nhân dân tỉnh Gia Lai:lead", "Ủy ban nhân dân tỉnh Khánh Hòa:lead"]);
  });

  it("reads the heads' title before a spelled list ('Bộ trưởng các Bộ: Quốc phòng, Công an') as each body, and 'tổ chức' before a task verb", () => {
    const d = extract("1. Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế tổ chức theo dõi, cập nhật thường xuyên diễn biến của bão.");
    expect(owners(d, "diễn biến của bão")).toEqual(["Bộ Công an:lead", "Bộ Quốc phòng:lead", "Bộ Y tế:lead"]);
  });

  it("reads the party secretary beside the chairman ('Đồng chí Bí thư tỉnh ủy và Chủ tịch UBND các tỉnh: A, B') as each place's Tỉnh ủy and UBND", () => {
    const d = extract("1. Đồng chí Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Khánh Hòa, Gia Lai và lãnh đạo các Bộ, ngành tiếp tục tập trung chỉ đạo ứng phó với mưa lũ.");
    expect(owners(d, "ứng phó với mưa lũ")).toEqual([
      "Các bộ, ngành:execute", "Tỉnh ủy Gia Lai:lead", "Tỉnh ủy Khánh Hòa:lead", "Ủy ban nhân dân tỉnh Gia Lai:lead", "Ủy ban nhân dân tỉnh Khánh Hòa:lead"]);
  });

  it("reads the subject after a leading basis ('Căn cứ Kế hoạch này, X ...'), not an author of the basis or a partner", () => {
    const d = extract([
      "1. Căn cứ Kế hoạch này, các sở, ban, ngành cấp tỉnh và Ủy ban nhân dân các xã, phường nghiên cứu triển khai thực hiện nhiệm vụ được giao.",
      "2. Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ hướng dẫn nghiệp vụ kiểm soát thủ tục hành chính, Sở Tư pháp rà soát các thủ tục.",
      "3. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương cụ thể hóa hướng dẫn này phù hợp với thực tiễn địa phương.",
      "4. Sở Tài chính",
      "a) Trên cơ sở đề xuất kinh phí của các sở, ban, ngành, địa phương, chủ trì tổng hợp, trình cấp có thẩm quyền và phối hợp với các sở, ban, ngành, Ủy ban nhân dân các xã, phường bố trí kinh phí.",
    ].join("\n\n"));
    expect(owners(d, "nghiên cứu triển khai thực hiện")).toEqual(["các sở, ban, ngành cấp tỉnh:execute", "Ủy ban nhân dân các xã, phường:execute"]);
    expect(owners(d, "rà soát các thủ tục")).toEqual(["Sở Tư pháp:lead"]);
    expect(owners(d, "bố trí kinh phí")).toEqual(["Sở Tài chính:lead"]);
    expect(owners(d, "cụ thể hóa hướng dẫn")).toEqual(["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương:execute"]);
  });

  it("gives the duties under 'Trách nhiệm của thủ trưởng các đơn vị thuộc X' to those units, the heads' title in lower case", () => {
    const d = extract([
      "Điều 9. Trách nhiệm của thủ trưởng các đơn vị thuộc Cục Thuế",
      "1. Chỉ đạo niêm yết công khai quy tắc ứng xử tại các trụ sở làm việc.",
      "2. Phổ biến, quán triệt Quy định này đến toàn thể công chức của đơn vị.",
    ].join("\n\n"));
    expect(owners(d, "niêm yết công khai")).toEqual(["các đơn vị thuộc Cục Thuế:execute"]);
    expect(owners(d, "quán triệt Quy định này")).toEqual(["các đơn vị thuộc Cục Thuế:execute"]);
  });

  it("reads a subject of its own after ';' in one sentence, and a semicolon between the objects of one 'Giao'", () => {
    const d = extract([
      "1. Sở Y tế rà soát các cơ sở khám bệnh, chữa bệnh; Sở Tài chính bố trí kinh phí thực hiện.",
      "2. Giao Văn phòng Ủy ban nhân dân tỉnh; Sở Dân tộc và Tôn giáo thực hiện công khai thủ tục hành chính nội bộ.",
    ].join("\n\n"));
    expect(owners(d, "rà soát các cơ sở khám bệnh")).toEqual(["Sở Y tế:lead"]);
    expect(owners(d, "bố trí kinh phí")).toEqual(["Sở Tài chính:lead"]);
    expect(owners(d, "công khai thủ tục hành chính nội bộ")).toEqual(["Sở Dân tộc và Tôn giáo:lead", "Văn phòng Ủy ban nhân dân tỉnh:lead"]);
  });

  it("keeps a stretch of provinces after a qualifier ('các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng') as written", () => {
    const d = extract("1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng chỉ đạo sơ tán dân khỏi vùng nguy hiểm.");
    expect(owners(d, "sơ tán dân")).toEqual(["Ủy ban nhân dân các tỉnh, thành phố ven biển từ Đà Nẵng đến Lâm Đồng:execute"]);
  });

  it("reads a subject told to act 'theo chức năng, nhiệm vụ ...,' whatever verb follows the mandate", () => {
    const d = extract("10. Các Tập đoàn: Điện lực Việt Nam, Bưu chính Viễn thông Việt Nam theo chức năng, nhiệm vụ và thẩm quyền, trao đổi, phối hợp chặt chẽ với Tỉnh để xử lý các kiến nghị.");
    expect(owners(d, "xử lý các kiến nghị")).toEqual(["Tập đoàn Bưu chính Viễn thông Việt Nam:lead", "Tập đoàn Điện lực Việt Nam:lead"]);
  });

  it("keeps a stretch of provinces ('từ Hà Tĩnh đến Khánh Hòa') as a plural of its own, not every province", () => {
    const d = extract([
      "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa:",
      "a) Tổ chức theo dõi chặt chẽ diễn biến mưa lũ.",
    ].join("\n\n"));
    expect(owners(d, "diễn biến mưa lũ")).toEqual(["Ủy ban nhân dân các tỉnh, thành phố từ Hà Tĩnh đến Khánh Hòa:execute"]);
  });

  it("reads a ministries' list spelled after 'Các bộ' with no colon ('Các bộ Xây dựng, Tài chính và ...')", () => {
    const d = extract("Các bộ Xây dựng, Tài chính và Ngân hàng Nhà nước Việt Nam khẩn trương rà soát các quy định về nhà ở xã hội.");
    expect(owners(d, "rà soát các quy định")).toEqual(["Bộ Tài chính:lead", "Bộ Xây dựng:lead", "Ngân hàng Nhà nước Việt Nam:lead"]);
  });
});

describe("fields of a plan's items", () => {
  it("makes the item above 'Cơ quan chủ trì / phối hợp / Thời gian thực hiện' a task of the lead, with partners and time", () => {
    const d = extract([
      "II. NHIỆM VỤ",
      "1. Xây dựng cơ sở dữ liệu đất đai tập trung của tỉnh",
      "- Cơ quan chủ trì: Sở Nông nghiệp và Môi trường.",
      "- Cơ quan phối hợp: Sở Tài chính, Ủy ban nhân dân các xã, phường.",
      "- Thời gian thực hiện: Quý IV/2026.",
      "2. Số hóa hồ sơ hộ tịch lưu trữ tại cấp xã",
      "Đơn vị thực hiện: Sở Tư pháp; thời gian hoàn thành: năm 2026.",
    ].join("\n\n"));
    const land = d.records.filter((r) => r.task.startsWith("Xây dựng cơ sở dữ liệu đất đai"));
    expect(land.map((r) => `${r.org}:${r.role}`).sort()).toEqual([
      "Sở Nông nghiệp và Môi trường:lead", "Sở Tài chính:coordinate", "Ủy ban nhân dân các xã, phường:coordinate"]);
    expect(land.every((r) => r.deadline?.due === "2026-12-31")).toBe(true);
    // The quote runs from the item to its fields: it names the lead.
    expect(d.text.slice(land[0]!.quoteStart, land[0]!.quoteEnd)).toContain("Cơ quan chủ trì: Sở Nông nghiệp và Môi trường");
    expect(owners(d, "Số hóa hồ sơ hộ tịch")).toEqual(["Sở Tư pháp:lead"]);
    // A field line is not a task of its own.
    expect(d.records.some((r) => r.task.startsWith("Cơ quan") || r.task.startsWith("Thời gian"))).toBe(false);
  });

  it("gives the lead of 'b) Cơ quan thực hiện:' each duty listed under 'a) Nhiệm vụ:' (its own line under the item's title)", () => {
    const d = extract([
      "1. Về dữ liệu",
      "a) Nhiệm vụ:",
      "- Rà soát, chuẩn hóa cơ sở dữ liệu chuyên ngành của đơn vị.",
      "- Kết nối dữ liệu chuyên ngành với kho dữ liệu dùng chung của tỉnh.",
      "b) Cơ quan thực hiện:",
      "- Đơn vị chủ trì: Sở Y tế.",
      "- Đơn vị phối hợp: Sở Khoa học và Công nghệ.",
      "c) Thời gian thực hiện: Quý II/2026.",
    ].join("\n\n"));
    expectFieldsRead(d, ["Rà soát, chuẩn hóa", "Kết nối dữ liệu chuyên ngành"], ["Sở Khoa học và Công nghệ:coordinate", "Sở Y tế:lead"], "2026-06-30");
  });

  it("reads '(2) Tổ chức thực hiện:' over the fields as their heading: the duties of '(1) Nội dung thực hiện:' are the tasks", () => {
    const d = extract([
      "8. Nghiên cứu mô hình giao dịch bất động sản trên môi trường điện tử",
      "(1) Nội dung thực hiện:",
      "- Nghiên cứu mô hình giao dịch bất động sản qua sàn trên môi trường điện tử.",
      "- Hoàn thiện hệ thống phần mềm, kết nối liên thông dữ liệu.",
      "(2) Tổ chức thực hiện:",
      "- Đơn vị thực hiện: Sở Xây dựng.",
      "- Đơn vị phối hợp: Sở Tư pháp.",
      "- Thời gian thực hiện: Quý II/2026.",
    ].join("\n\n"));
    expectFieldsRead(d, ["Nghiên cứu mô hình giao dịch", "Hoàn thiện hệ thống phần mềm"], ["Sở Tư pháp:coordinate", "Sở Xây dựng:lead"], "2026-06-30");
    expect(d.records.some((r) => r.task.startsWith("Tổ chức thực hiện"))).toBe(false);
  });

  it("takes the task's words from 'a) Nhiệm vụ: ...' and quotes from the item's title through its fields", () => {
    const d = extract([
      "4.1. Kinh phí thực hiện",
      "a) Nhiệm vụ: Các đơn vị lập dự toán kinh phí thực hiện Kế hoạch và gửi Sở Tài chính tổng hợp.",
      "b) Cơ quan thực hiện:",
      "- Đơn vị chủ trì: Sở Khoa học và Công nghệ.",
      "c) Thời gian thực hiện: Hoàn thành trong năm 2026.",
    ].join("\n\n"));
    const lead = d.records.find((r) => r.org === "Sở Khoa học và Công nghệ")!;
    expect(lead.role).toBe("lead");
    expect(lead.task.startsWith("Các đơn vị lập dự toán kinh phí")).toBe(true);
    const quote = d.text.slice(lead.quoteStart, lead.quoteEnd);
    expect(quote.startsWith("4.1. Kinh phí thực hiện")).toBe(true);
    expect(quote).toContain("Đơn vị chủ trì: Sở Khoa học và Công nghệ");
  });

  it("reads a lead field that says the lead advises ('*Đơn vị chủ trì tham mưu thực hiện:* ...')", () => {
    const d = extract([
      "II. NHIỆM VỤ",
      "- Ra mắt trợ lý pháp luật cho cán bộ, công chức trên địa bàn tỉnh.",
      "*Đơn vị chủ trì tham mưu thực\nhiện: *Sở Khoa học và Công nghệ.",
      "*Đơn vị phối hợp thực hiện: *Sở Tư pháp.",
      "*Thời gian thực hiện: *Tháng 12/2025.",
    ].join("\n\n"));
    expect(owners(d, "Ra mắt trợ lý pháp luật")).toEqual(["Sở Khoa học và Công nghệ:lead", "Sở Tư pháp:coordinate"]);
  });

  it("reads no task from the fields of an administrative procedure", () => {
    const d = extract([
      "1. Thủ tục cấp giấy phép hoạt động dịch vụ khoa học",
      "- Cơ quan tiếp nhận hồ sơ: Trung tâm Phục vụ hành chính công tỉnh.",
      "- Cơ quan thực hiện: Sở Khoa học và Công nghệ.",
      "- Thời hạn giải quyết: 15 ngày làm việc.",
    ].join("\n\n"));
    expect(d.records).toEqual([]);
  });

  it("reads the sub-items under a procedure's field with nothing after its colon as that field's value", () => {
    const d = extract([
      "1. Thủ tục thuê nhà ở làm nhà ở công vụ",
      "- Trình tự thực hiện:",
      "+ Bước 1: Sở Xây dựng tiếp nhận hồ sơ đề nghị thuê nhà ở công vụ của cơ quan, đơn vị.",
      "- Đối tượng thực hiện TTHC:",
      "+ Sở Xây dựng: đối với trường hợp thuê nhà ở cho cán bộ của cơ quan cấp tỉnh;",
      "+ Sở Tài chính, Sở Nội vụ: đối với trường hợp thuê nhà ở cho cán bộ được điều động.",
      "- Cơ quan giải quyết:",
      "+ Ủy ban nhân dân tỉnh: quyết định cho thuê nhà ở công vụ.",
      "- Phí, lệ phí: Không có.",
    ].join("\n\n"));
    expect(d.records).toEqual([]);
  });

  it("reads the lines under 'Cơ quan thực hiện nhóm thủ tục hành chính' as its value, a heading without a colon", () => {
    const d = extract([
      "5. Đối tượng thực hiện nhóm thủ tục hành chính: Hộ kinh doanh.",
      "6. Cơ quan thực hiện nhóm thủ tục hành chính",
      "- Công an cấp xã: Thực hiện cấp Giấy chứng nhận đủ điều kiện về an ninh, trật tự;",
      "- Ủy ban nhân dân cấp xã: Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke.",
      "7. Sở Văn hóa, Thể thao và Du lịch hướng dẫn các xã thực hiện nhóm thủ tục này trước ngày 30/6/2026.",
    ].join("\n\n"));
    expect(d.records.map((r) => `${r.org}:${r.role}`)).toEqual(["Sở Văn hóa, Thể thao và Du lịch:lead"]);
  });

  it("reads no task from a catalogue of procedures, and a task table after it as before", () => {
    const d = extract([
      "1. Danh mục thủ tục hành chính nội bộ được sửa đổi, bổ sung",
      "| TT | Mã số TTHC nội bộ | Tên TTHC nội bộ | Tên VB quy định nội dung sửa đổi, bổ sung | Lĩnh vực | Cơ quan thực hiện |",
      "| 1 | 5.002577 | Quyết định chủ trương đầu tư dự án nhà ở công vụ | Nghị định số 140/2025/NĐ-CP | Nhà ở | Bộ trưởng Bộ Xây dựng, Bộ trưởng Bộ Công an |",
      "2. Nhiệm vụ triển khai",
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
      "| 1 | Cập nhật các thủ tục lên Cổng dịch vụ công quốc gia | Văn phòng Bộ | Tháng 12/2025 |",
    ].join("\n\n"));
    expect(d.records.map((r) => `${r.org}:${r.role}`)).toEqual(["Văn phòng Bộ:lead"]);
  });
});

describe("a procedure's internal workflow", () => {
  it("reads no task from its steps (Thứ tự công việc | Nội dung công việc | Trách nhiệm thực hiện), and a task table after it as before", () => {
    const d = extract([
      "1. Quy trình nội bộ giải quyết thủ tục cấp giấy phép",
      "| Thứ tự công việc | Nội dung công việc | Trách nhiệm thực hiện | Thời gian thực hiện |",
      "| Bước 4 | Xem xét hồ sơ, trình lãnh đạo Sở phê duyệt | Phòng Nghiệp vụ | 0,5 ngày làm việc |",
      "| Bước 5 | Phê duyệt kết quả giải quyết thủ tục | Sở Y tế | 01 ngày làm việc |",
      "2. Nhiệm vụ triển khai",
      "| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |",
      "| 1 | Bước đầu số hóa hồ sơ cấp phép | Sở Y tế | Tháng 12/2026 |",
    ].join("\n\n"));
    expect(d.records.map((r) => `${r.org}:${r.role}:${r.task}`)).toEqual(["Sở Y tế:lead:Bước đầu số hóa hồ sơ cấp phép"]);
  });
});

describe("a deadline on a line of its own", () => {
  it("belongs to the task item it follows, in the item or as its field", () => {
    const d = extract([
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Tài chính:",
      "- Bố trí kinh phí thực hiện kế hoạch.",
      "Thời hạn hoàn thành: tháng 8/2026.",
      "- Hướng dẫn thanh quyết toán kinh phí.",
      "2. Sở Nội vụ chủ trì thẩm định đề án vị trí việc làm của các xã.",
      "Thời gian thực hiện: Quý III/2026.",
    ].join("\n\n"));
    const of = (words: string) => d.records.find((r) => d.text.slice(r.quoteStart, r.quoteEnd).includes(words));
    expect(of("Bố trí kinh phí")?.deadline?.due).toBe("2026-08-31");
    expect(of("Hướng dẫn thanh quyết toán")?.deadline).toBeUndefined();
    expect(of("đề án vị trí việc làm")?.deadline?.due).toBe("2026-09-30");
    expect(d.records.some((r) => r.task.startsWith("Thời"))).toBe(false);
  });

  it("closes the paragraphs of tasks above it when it follows them as a paragraph of its own", () => {
    const d = extract([
      "Giao Bộ Y tế ban hành hướng dẫn khám sức khỏe định kỳ cho học sinh trước ngày 20/5/2026.",
      "Bộ Xây dựng chủ trì, phối hợp với các bộ, ngành liên quan ban hành hướng dẫn cải tạo nhà ở xã hội;",
      "Tổng hợp nhu cầu vốn của các địa phương gửi cơ quan có thẩm quyền.",
      "Thời gian hoàn thành trước ngày 15/6/2026.",
      "Bộ Công Thương theo dõi giá vật liệu xây dựng.",
    ].join("\n\n"));
    const of = (words: string) => d.records.filter((r) => d.text.slice(r.quoteStart, r.quoteEnd).includes(words));
    expect(of("cải tạo nhà ở xã hội").map((r) => `${r.org}:${r.deadline?.due}`).sort())
      .toEqual(["Bộ Xây dựng:2026-06-15", "Các bộ, ngành:2026-06-15"]);
    // A task with a deadline of its own, and one after the line, keep theirs.
    expect(of("khám sức khỏe").map((r) => r.deadline?.due)).toEqual(["2026-05-20"]);
    expect(of("giá vật liệu").map((r) => r.deadline)).toEqual([undefined]);
  });

  it("reads 'hoàn thành' before a date as a limit", () => {
    const d = extract("Giao Sở Xây dựng rà soát quy hoạch chung đô thị, hoàn thành tháng 10/2026.");
    expect(d.records.find((r) => r.org === "Sở Xây dựng")?.deadline?.due).toBe("2026-10-31");
  });
});

describe("names a heading or subject gives", () => {
  it("reads a capitalised verb after the head as part of the name: Ban Quản lý ..., Trung tâm Kiểm soát ...", () => {
    const d = extract([
      "III. TỔ CHỨC THỰC HIỆN",
      "2. Ban Quản lý các khu công nghiệp tỉnh có trách nhiệm:",
      "- Hướng dẫn doanh nghiệp trong khu công nghiệp lập hồ sơ môi trường.",
      "3. Sở Y tế:",
      "- Trung tâm Kiểm soát bệnh tật tỉnh chủ trì giám sát sau tiêm chủng.",
    ].join("\n\n"));
    // One body managing many parks leads; it is not a plural addressee.
    expect(owners(d, "lập hồ sơ môi trường")).toEqual(["Ban Quản lý các khu công nghiệp tỉnh:lead"]);
    expect(owners(d, "giám sát sau tiêm chủng")).toEqual(["Trung tâm Kiểm soát bệnh tật tỉnh:lead"]);
  });

  it("reads the tax offices of the 2025 reorganisation ('Thuế tỉnh Đắk Lắk') as bodies, in a heading and as an addressee", () => {
    const d = extract([
      "1. Các sở, ban, ngành lấy ý kiến về hồ sơ dự án đầu tư:",
      "a) Sở Xây dựng",
      "- Đánh giá sự phù hợp của dự án với quy hoạch xây dựng.",
      "b) Thuế tỉnh Đắk Lắk",
      "- Đánh giá tình hình thực hiện nghĩa vụ thuế của nhà đầu tư.",
      "2. Đề nghị Thuế tỉnh Gia Lai khẩn trương rà soát bảng giá tính lệ phí trước bạ.",
    ].join("\n\n"));
    expect(owners(d, "nghĩa vụ thuế của nhà đầu tư")).toEqual(["Thuế tỉnh Đắk Lắk:lead"]);
    expect(owners(d, "bảng giá tính lệ phí")).toEqual(["Thuế tỉnh Gia Lai:lead"]);
  });

  it("reads 'cấp' after a body as its level only before a level: 'Sở Tư pháp cấp, khóa tài khoản' is the Sở and its verb", () => {
    const d = extract([
      "Giao Sở Tư pháp cấp, khóa tài khoản cho công chức làm công tác chứng thực.",
      "Giao Sở Nội vụ cấp tỉnh hướng dẫn việc đánh giá công chức.",
    ].join("\n\n"));
    expect(owners(d, "khóa tài khoản")).toEqual(["Sở Tư pháp:lead"]);
    expect(d.records.find((r) => d.text.slice(r.quoteStart, r.quoteEnd).includes("đánh giá công chức"))?.orgText).toBe("Sở Nội vụ cấp tỉnh");
  });
});

describe("a plan attached after the distribution list", () => {
  it("is read from its title on; the distribution list and signature are not", () => {
    const d = extract([
      "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số năm 2026.",
      "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
      "Nơi nhận:",
      "- Sở Tài chính;",
      "- Lưu: VT.",
      "KẾ HOẠCH",
      "Chuyển đổi số năm 2026",
      "1. Sở Y tế",
      "a) Triển khai bệnh án điện tử tại các bệnh viện tuyến tỉnh.",
    ].join("\n\n"));
    expect(owners(d, "bệnh án điện tử")).toEqual(["Sở Y tế:lead"]);
    expect(d.records.some((r) => d.text.slice(r.quoteStart, r.quoteEnd).includes("Lưu: VT"))).toBe(false);
  });
});

describe("plural own bodies and names made of nouns", () => {
  it("reads the own body of each member of a plural (Ban Thường vụ các tỉnh uỷ, thành uỷ) as plural: it executes", () => {
    const d = extract("Giao Ban Thường vụ các tỉnh ủy, thành ủy chỉ đạo rà soát quy hoạch cán bộ cấp xã trong quý I/2026.");
    expect(owners(d, "rà soát quy hoạch cán bộ")).toEqual(["Ban Thường vụ các tỉnh ủy, thành ủy:execute"]);
  });

  it("reads a body named by its level (UBND cấp xã, cấp tỉnh) as that body of every commune or province: it executes", () => {
    const d = extract(["III. TỔ CHỨC THỰC HIỆN", "5. Ủy ban nhân dân cấp xã",
      "- Tiếp nhận hồ sơ thủ tục hành chính về tín ngưỡng, tôn giáo trên địa bàn.",
      "6. Ủy ban nhân dân cấp tỉnh chủ trì rà soát các dự án bất động sản trên địa bàn.",
      "7. Ủy ban nhân dân tỉnh chỉ đạo kiểm tra việc thực hiện Kế hoạch."].join("\n\n"));
    expect(owners(d, "tín ngưỡng, tôn giáo")).toEqual(["Ủy ban nhân dân cấp xã:execute"]);
    expect(owners(d, "dự án bất động sản")).toEqual(["Ủy ban nhân dân cấp tỉnh:lead"]);
    expect(owners(d, "kiểm tra việc thực hiện")).toEqual(["Ủy ban nhân dân tỉnh:lead"]);
  });

  it("keeps a cooperative (hợp tác xã) in the name it is part of", () => {
    const d = extract(["III. TỔ CHỨC THỰC HIỆN", "8. Liên minh Hợp tác xã tỉnh",
      "- Hỗ trợ các hợp tác xã nông nghiệp xây dựng thương hiệu sản phẩm."].join("\n\n"));
    expect(owners(d, "xây dựng thương hiệu")).toEqual(["Liên minh Hợp tác xã tỉnh:lead"]);
  });
});

describe("deadlines between brackets", () => {
  it("splits no task at a deadline between brackets: it says when the clause around it is due", () => {
    const d = extract([
      "III. TỔ CHỨC THỰC HIỆN",
      "2. Sở Công Thương tổng hợp báo cáo Ủy ban nhân dân tỉnh tình hình thực hiện Kế hoạch 6 tháng (trước ngày 18/5), tổng kết năm (trước ngày 30/11 hằng năm).",
    ].join("\n\n"));
    const mine = d.records.filter((r) => r.org === "Sở Công Thương");
    expect(mine).toHaveLength(1);
    expect(d.text.slice(mine[0]!.quoteStart, mine[0]!.quoteEnd)).toMatch(/^2\. Sở Công Thương tổng hợp báo cáo/);
  });

  it("still splits clauses with deadlines of their own, the bracketed deadline going with the clause around its brackets", () => {
    const d = extract("Giao Sở Tư pháp rà soát các quy định về đất đai, báo cáo Ủy ban nhân dân tỉnh (qua Văn phòng) trước ngày 15/3/2026; "
      + "thời gian hoàn thành việc sửa đổi các quy định chậm nhất ngày 30/6/2026.");
    const quotes = d.records.filter((r) => r.org === "Sở Tư pháp").map((r) => `${d.text.slice(r.quoteStart, r.quoteEnd)} | ${r.deadline?.due}`);
    expect(quotes).toEqual([
      "Giao Sở Tư pháp rà soát các quy định về đất đai, báo cáo Ủy ban nhân dân tỉnh (qua Văn phòng) trước ngày 15/3/2026 | 2026-03-15",
      "thời gian hoàn thành việc sửa đổi các quy định chậm nhất ngày 30/6/2026 | 2026-06-30",
    ]);
  });
});

describe("a directive verb that is the subject's own act", () => {
  it("reads 'chủ động đề nghị Chủ tịch ...' as a proposal to a superior, not an assignment of the Chủ tịch", () => {
    const d = extract("Các sở, ngành có trách nhiệm giải quyết kiến nghị của tổ chức tôn giáo theo thẩm quyền; trường hợp phức tạp, "
      + "chủ động đề nghị Chủ tịch Ủy ban nhân dân tỉnh chỉ đạo thành lập đoàn kiểm tra liên ngành.");
    expect(owners(d, "đoàn kiểm tra liên ngành")).toEqual(["Các sở, ngành:execute"]);
  });
});

describe("a sentence saying what a unit is for", () => {
  it("continues no owner above: 'X có chức năng tham mưu ...' describes a function, not a task", () => {
    const d = extract([
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Tư pháp",
      "- Hướng dẫn các sở, ngành rà soát thủ tục hành chính nội bộ.",
      "- Phòng Kiểm soát thủ tục hành chính thuộc Sở Tư pháp có chức năng tham mưu, giúp Giám đốc Sở thực hiện công tác kiểm soát thủ tục hành chính.",
    ].join("\n\n"));
    expect(owners(d, "rà soát thủ tục hành chính nội bộ")).toEqual(["Sở Tư pháp:lead"]);
    expect(owners(d, "có chức năng tham mưu")).toEqual([]);
  });
});

describe("'chuyển giao cho' (hand over to)", () => {
  it("assigns nothing to whom a thing is handed over", () => {
    const d = extract([
      "5. Phương án chuyển giao đối với chất thải rắn sinh hoạt đã phân loại:",
      "a) Đối với chất thải có khả năng tái chế sau phân loại định kỳ chuyển giao cho các tổ chức, cá nhân thu mua phế liệu.",
      "b) Chủ tịch Ủy ban nhân dân các phường, xã chủ trì quản lý tài sản chuyển giao cho các cơ quan, tổ chức, đơn vị thuộc phạm vi quản lý.",
    ].join("\n\n"));
    expect(d.records.map((r) => `${r.org}:${r.role}`)).toEqual(["Chủ tịch Ủy ban nhân dân các phường, xã:lead"]);
  });
});

describe("items opened by ordinals spelled out ('Một là, ...', 'Thứ nhất, ...')", () => {
  const report = (tail: string[]) => extract([
    "Bộ trưởng giao Vụ Tổ chức - Biên chế chủ trì, phối hợp với các đơn vị liên quan tham mưu Bộ trưởng thực hiện các nhiệm vụ:",
    "Một là, hằng tuần theo dõi số lượng cán bộ, công chức nghỉ việc do sắp xếp tổ chức bộ máy.",
    "Hai là, khẩn trương xây dựng Nghị định về chính sách hỗ trợ người hoạt động không chuyên trách ở cấp xã trước ngày 30/5/2025.",
    ...tail,
  ].join("\n\n"));

  it("gives each item to the body its lead-in names, and the lead-in that only frames them is no task", () => {
    const d = report([]);
    expect(owners(d, "hằng tuần theo dõi số lượng cán bộ")).toEqual(["Vụ Tổ chức - Biên chế:lead"]);
    expect(owners(d, "xây dựng Nghị định về chính sách hỗ trợ")).toEqual(["Vụ Tổ chức - Biên chế:lead"]);
    expect(d.records.find((r) => r.task.startsWith("khẩn trương xây dựng"))?.deadline?.due).toBe("2025-05-30");
    expect(d.records.some((r) => r.task.includes("thực hiện các nhiệm vụ"))).toBe(false);
  });

  it("hands the text after a list's last item back to the running text: the next lead-in owns its own series", () => {
    const d = report([
      "Giao Vụ Chính quyền địa phương chủ trì, phối hợp với các đơn vị liên quan tham mưu Bộ trưởng thực hiện các nhiệm vụ sau:",
      "Thứ nhất, khẩn trương tham mưu ban hành các Nghị định hướng dẫn thi hành Luật Tổ chức chính quyền địa phương.",
      "Thứ hai, thẩm định các Đề án sắp xếp đơn vị hành chính cấp xã trước ngày 25/5/2025.",
      "Các cán bộ, công chức được yêu cầu giữ gìn kỷ luật phát ngôn trong quá trình sắp xếp.",
    ]);
    expect(owners(d, "ban hành các Nghị định hướng dẫn thi hành")).toEqual(["Vụ Chính quyền địa phương:lead"]);
    expect(owners(d, "thẩm định các Đề án sắp xếp")).toEqual(["Vụ Chính quyền địa phương:lead"]);
    // The paragraph after the series is no item of it: the unit above does not own it.
    expect(owners(d, "giữ gìn kỷ luật phát ngôn")).not.toContain("Vụ Chính quyền địa phương:lead");
  });

  it("reads no item where the series does not start at the first: 'Thứ hai, ngày ...' alone is a weekday", () => {
    const d = extract([
      "Giao Sở Nội vụ chủ trì tổng hợp kết quả sắp xếp các đơn vị, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2025.",
      "Thứ hai, ngày 08/12/2025, Ủy ban nhân dân tỉnh họp phiên thường kỳ.",
    ].join("\n\n"));
    expect(owners(d, "họp phiên thường kỳ")).toEqual([]);
  });
});

describe("a sentence that says where things stand", () => {
  it("is no task of the owner above: 'a) Hiện nay ...' is the background to the item after it", () => {
    const d = extract([
      "III. TỔ CHỨC THỰC HIỆN",
      "1. Sở Xây dựng",
      "a) Hiện nay tổng khối lượng hoàn thành của Dự án khoảng 61% trong khi thời gian còn lại của năm 2025 chỉ khoảng 2 tháng.",
      "b) Đẩy nhanh tiến độ thi công, hoàn thành Dự án trước ngày 31/12/2025.",
    ].join("\n\n"));
    expect(owners(d, "khoảng 61%")).toEqual([]);
    expect(owners(d, "Đẩy nhanh tiến độ thi công")).toEqual(["Sở Xây dựng:lead"]);
  });
});

describe("a sentence that only announces the work after it", () => {
  it("is no task: 'yêu cầu ... thực hiện một số nhiệm vụ, trong đó có:' in a news report names no work of its own", () => {
    const d = extractNews([
      "Chính phủ chỉ đạo thực hiện chính sách đối với cán bộ sau sắp xếp",
      "Đồng thời, Chính phủ yêu cầu Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, Chủ tịch UBND cấp tỉnh thực hiện một số nhiệm vụ, trong đó có:",
      "Tổ chức thực hiện có hiệu quả Nghị định số 178/2024/NĐ-CP về chính sách đối với cán bộ, công chức.",
      "Chính phủ giao Bộ Nội vụ thực hiện các nhiệm vụ trong đó có rà soát biên chế của các đơn vị trước ngày 15/12/2025.",
    ]);
    expect(owners(d, "một số nhiệm vụ, trong đó có")).toEqual([]);
    // A sentence that says what to do is still a task, framing words or not.
    expect(owners(d, "rà soát biên chế của các đơn vị")).toEqual(["Bộ Nội vụ:lead"]);
  });

  it("is no task with the first step's label run in after its colon ('... các công việc sau: Bước 1.')", () => {
    const d = extract([
      "1. Trình tự rà soát",
      "Ủy ban nhân dân cấp xã thực hiện các công việc sau: Bước 1. Trong thời gian 02 ngày làm việc, Ủy ban nhân dân cấp xã giao Phòng Văn hóa - Xã hội chủ trì thẩm tra, xác minh hồ sơ.",
    ].join("\n\n"));
    expect(owners(d, "các công việc sau")).not.toContain("Ủy ban nhân dân cấp xã:execute");
    expect(owners(d, "thẩm tra, xác minh hồ sơ")).toContain("Phòng Văn hóa - Xã hội:lead");
  });
});
