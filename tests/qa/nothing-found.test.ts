/**
 * When a passage answers and when nothing does (qa/policy.ts `answering.evidence`): a question is judged by
 * how much of it the best passage holds, and a long question, which tells a story around what it asks,
 * needs less of itself held than a short one. A document the question names ranks first but does not
 * hide the text that carries it out.
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const DECISION = `ỦY BAN NHÂN DÂN TỈNH SÔNG LAM
Số: 12/2026/QĐ-UBND
QUYẾT ĐỊNH
Ban hành chính sách hỗ trợ người có công với cách mạng trên địa bàn tỉnh

Điều 1. Phạm vi điều chỉnh
Quyết định này quy định chính sách hỗ trợ người có công với cách mạng đang sinh sống trên địa bàn tỉnh.

Điều 2. Trợ cấp mai táng
Khi người có công với cách mạng từ trần, người tổ chức mai táng được nhận trợ cấp mai táng bằng 10 lần mức lương cơ sở, áp dụng từ ngày 01/7/2026.
`;

const GUIDANCE = `SỞ NỘI VỤ TỈNH SÔNG LAM
Số: 45/HD-SNV
HƯỚNG DẪN
Thực hiện Quyết định số 12/2026/QĐ-UBND

1. Người có công đi điều dưỡng tập trung được hỗ trợ tiền ăn 80.000 đồng mỗi ngày, tối đa 10 ngày.
2. Hồ sơ đề nghị gửi về Phòng Nội vụ cấp huyện trước ngày 15 hằng tháng.
`;

const RESOLUTION = `HỘI ĐỒNG NHÂN DÂN TỈNH SÔNG LAM
Số: 05/2026/NQ-HĐND
NGHỊ QUYẾT
Quy định mức hỗ trợ học phí

Điều 1. Con của người có công với cách mạng được hỗ trợ 50% học phí tại các cơ sở giáo dục nghề nghiệp công lập.
`;

// A news report on a circular that is not stored, its symbol spelled with "&".
const NEWS = `Bộ Giáo dục và Đào tạo vừa ban hành Thông tư số 24/2025/TT-BGD&ĐT sửa đổi quy chế thi khoa học kỹ thuật.

Theo thông tư, mỗi đơn vị được đăng ký tối đa 3 dự án dự thi cấp quốc gia.
`;

// A plan issued in January 2027: one dated task, and a sentence naming the ministry with no date.
const PLAN = `BỘ CÔNG THƯƠNG
Số: 88/KH-BCT
Hà Nội, ngày 15 tháng 01 năm 2027
KẾ HOẠCH
Phát triển thị trường điện

1. Bộ Công Thương chủ trì đánh giá thị trường điện cạnh tranh, báo cáo Thủ tướng Chính phủ trong quý II/2027.
2. Định kỳ, Bộ Công Thương báo cáo Thủ tướng Chính phủ về nội dung giá điện và cung ứng điện.
`;

// A ministry's news report: the minister gives two of its units their tasks.
const UNITS = `Bộ Nội vụ chỉ đạo thực hiện Kết luận của Bộ Chính trị, Ban Bí thư về sắp xếp tổ chức bộ máy

Bộ trưởng Bộ Nội vụ yêu cầu các đơn vị thuộc Bộ rà soát các nhiệm vụ được phân công trong Kết luận của Bộ Chính trị, Ban Bí thư.

Bộ trưởng giao Vụ Tổ chức - Biên chế chủ trì, phối hợp với các đơn vị liên quan theo dõi số lượng cán bộ, công chức nghỉ việc do sắp xếp tổ chức bộ máy, gửi Bộ Tài chính trước ngày 30/5/2025.

Giao Vụ Chính quyền địa phương chủ trì thẩm định các Đề án sắp xếp đơn vị hành chính cấp xã, trình Chính phủ trước ngày 25/5/2025.
`;

const app = useSampleApp({ "qd12.txt": DECISION, "hd45.txt": GUIDANCE, "nq05.txt": RESOLUTION, "tin.txt": NEWS, "kh88.txt": PLAN, "bnv.txt": UNITS });

describe("nothing found, decided by how much of the question the best passage holds", () => {
  it("answers a short question that a passage holds", async () => {
    const a = await app().answerer.ask("Trợ cấp mai táng người có công là bao nhiêu?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "qd12.txt" });
    expect(a.citations[0]!.quote).toContain("10 lần mức lương cơ sở");
  });

  it("answers a long question that tells a story around what it asks", async () => {
    const a = await app().answerer.ask("Ông nội tôi là thương binh, tháng trước ông mất ở quê, cả nhà lo hậu sự rất vất vả và tốn kém. "
      + "Cho tôi hỏi người lo mai táng cho người có công thì được nhận trợ cấp mai táng bao nhiêu ạ?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "qd12.txt" });
  });

  it("reads a year in a question that asks no task, deadline or body as the asker's circumstance, not a filter", async () => {
    const a = await app().answerer.ask("Người có công với cách mạng từ năm 1972 nay từ trần thì trợ cấp mai táng bao nhiêu?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "qd12.txt" });
  });

  it("says nothing found, with no citation, when the documents hold only the question's common words", async () => {
    for (const q of ["Giá vàng SJC hôm nay bao nhiêu một lượng?", "Dự báo thời tiết cuối tuần này có mưa bão không?"]) {
      const a = await app().answerer.ask(q);
      expect(a, q).toMatchObject({ found: false, citations: [] });
    }
  });

  it("answers from the text that carries out a document the question names", async () => {
    const a = await app().answerer.ask("Theo Quyết định 12/2026/QĐ-UBND, người có công đi điều dưỡng được hỗ trợ tiền ăn bao nhiêu mỗi ngày?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "hd45.txt" });
    expect(a.citations[0]!.quote).toContain("80.000 đồng mỗi ngày");
  });

  it("does not answer a question about a named document from a text that neither is it nor mentions it", async () => {
    const a = await app().answerer.ask("Theo Quyết định 12/2026/QĐ-UBND, con của người có công với cách mạng được hỗ trợ bao nhiêu phần trăm học phí tại các cơ sở giáo dục nghề nghiệp công lập?");
    expect(a.citations.map((c) => c.doc)).not.toContain("nq05.txt");
    // Asked without naming a document, the resolution answers.
    const b = await app().answerer.ask("Con của người có công được hỗ trợ học phí bao nhiêu?");
    expect(b.citations[0]).toMatchObject({ doc: "nq05.txt" });
  });

  it("still ranks the named document's own passage first when it holds the answer", async () => {
    const a = await app().answerer.ask("Quyết định 12/2026/QĐ-UBND quy định trợ cấp mai táng thế nào?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "qd12.txt" });
  });

  it("answers from a text that mentions the named document, whichever way its issuer code is spelled", async () => {
    const a = await app().answerer.ask("Thông tư 24/2025/TT-BGDĐT cho mỗi đơn vị đăng ký tối đa bao nhiêu dự án dự thi?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "tin.txt" });
  });

  it("does not answer what a body must do in a period from a passage that gives no time in it", async () => {
    // The plan was issued in the quarter, but neither of its sentences says anything is due in it.
    const a = await app().answerer.ask("Bộ Công Thương phải báo cáo Thủ tướng những nội dung gì trong quý I/2027?");
    expect(a.found).toBe(false);
    const b = await app().answerer.ask("Bộ Công Thương phải báo cáo Thủ tướng những nội dung gì trong quý II/2027?");
    expect(b.citations[0]).toMatchObject({ doc: "kh88.txt" });
    expect(b.citations[0]!.quote).toContain("thị trường điện cạnh tranh");
  });

  it("answers for the unit a question asks about, not for the bodies that name its occasion, and refuses a unit no text names", async () => {
    const occasion = "Trong chỉ đạo của Bộ trưởng Bộ Nội vụ về thực hiện Kết luận của Bộ Chính trị, Ban Bí thư về sắp xếp tổ chức bộ máy,";
    const a = await app().answerer.ask(`${occasion} Vụ Tổ chức - Biên chế được giao những nhiệm vụ gì?`);
    expect(a.citations.map((c) => c.doc)).toEqual(["bnv.txt"]);
    expect(a.citations[0]!.quote).toContain("theo dõi số lượng cán bộ, công chức nghỉ việc");
    // No text names this unit: the passages on the ministry and the Politburo do not answer for it.
    const b = await app().answerer.ask(`${occasion} Vụ Tiền lương được giao những nhiệm vụ gì?`);
    expect(b).toMatchObject({ found: false, citations: [] });
  });
});
