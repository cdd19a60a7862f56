import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

// A long paragraph whose heading sentence and the sentence after it hold the same words of a question.
const DOC = `TỈNH ỦY SÔNG LAM
Số: 12-TB/TU
THÔNG BÁO
kết luận về công tác bảo vệ trẻ em

1. Về công tác phòng ngừa xâm hại trẻ em, các cấp ủy tăng cường kiểm tra, giám sát, xử lý nghiêm vi phạm; bảo đảm mọi vụ việc được phát hiện, tiếp nhận và xử lý kịp thời, không để kéo dài.
2. Đổi mới mô hình chăm sóc trẻ em mồ côi tại các cơ sở trợ giúp xã hội công lập và ngoài công lập của tỉnh. Thống nhất chuyển dần mô hình chăm sóc tập trung trẻ em mồ côi sang mô hình chăm sóc tại gia đình thay thế, mỗi nhóm trẻ gắn với một người chăm sóc ổn định. Các cơ sở rà soát nhân lực, trang thiết bị, tiêu chuẩn nuôi dưỡng và báo cáo kết quả với Ban Thường vụ Tỉnh ủy. Sở Y tế hướng dẫn cụ thể việc lựa chọn gia đình nhận chăm sóc, hỗ trợ kinh phí và theo dõi định kỳ từng trường hợp. Sở Tài chính bố trí kinh phí trong dự toán năm 2026 theo phân cấp ngân sách hiện hành. Ủy ban Mặt trận Tổ quốc tỉnh vận động doanh nghiệp, nhà hảo tâm ủng hộ quỹ bảo trợ của tỉnh.
`;

// A lead-in followed by its dashes, and an item announcing lettered points (its lead-in a passage of its own).
const DIRECTIVE = `ỦY BAN NHÂN DÂN TỈNH SÔNG LAM
Số: 06/CT-UBND
CHỈ THỊ
Về tăng cường quản lý rừng phòng hộ

1. Sở Nông nghiệp và Môi trường chủ trì rà soát diện tích rừng bị lấn chiếm.

2. Các chủ rừng là tổ chức (ban quản lý rừng phòng hộ, công ty lâm nghiệp)

- Thực hiện đầy đủ quyền, nghĩa vụ và trách nhiệm của chủ rừng theo quy định của Luật Lâm nghiệp và các văn bản hướng dẫn thi hành; công khai ranh giới, diện tích rừng được giao tới từng thôn, bản và hộ gia đình sống gần rừng.

- Kiểm tra toàn bộ diện tích được giao, lập hồ sơ từng khu vực bị lấn chiếm, chồng lấn; phối hợp chặt chẽ với chính quyền cấp xã và lực lượng kiểm lâm để xử lý dứt điểm, không để phát sinh vi phạm mới trên lâm phần quản lý.

- Báo cáo kết quả với Ủy ban nhân dân tỉnh trước ngày 30/6/2026.

3. Các dự án cầu trọng điểm kết nối tỉnh Sông Lam với tỉnh Bến Hải gồm:

a) Dự án cầu Phước An, hoàn thành năm 2028;

b) Dự án cầu Long Hòa (cầu Sông Lam 2 theo quy hoạch);

c) Dự án cầu Mỹ Lợi 2.

4. Sở Tài chính bố trí vốn đầu tư công trung hạn cho các dự án giao thông của tỉnh.
`;

const app = useSampleApp({ "tb12.txt": DOC, "ct06.txt": DIRECTIVE });

describe("quotes", () => {
  it("quotes a passage that fits whole, and shows first the heading sentence with the one after it that answers", async () => {
    const a = await app().answerer.ask("Văn bản nói gì về chuyển đổi mô hình chăm sóc trẻ em mồ côi?");
    expect(a.found).toBe(true);
    const quote = a.citations[0]!.quote;
    expect(a.citations[0]!.doc).toBe("tb12.txt");
    expect(quote).toContain("Đổi mới mô hình chăm sóc trẻ em mồ côi");
    expect(quote).toContain("Sở Tài chính bố trí kinh phí");
    // The answer's first line is the sentences that answer, not the whole paragraph.
    expect(a.answer).toContain("sang mô hình chăm sóc tại gia đình thay thế");
    expect(a.answer).not.toContain("Sở Y tế hướng dẫn");
    // Verbatim: a span of the stored text to the letter, case and tone marks included.
    const [doc] = await app().store.findDocuments("tb12.txt");
    expect((await app().store.getDocument(doc!.id))!.text).toContain(quote);
  });

  it("quotes the items under a lead-in when the lead-in is what holds the question", async () => {
    const a = await app().answerer.ask("Các chủ rừng là tổ chức, ban quản lý rừng phòng hộ được yêu cầu những gì?");
    expect(a.found).toBe(true);
    const cited = a.citations.find((c) => c.doc === "ct06.txt")!;
    expect(cited.quote).toContain("Các chủ rừng là tổ chức");
    expect(cited.quote).toContain("Kiểm tra toàn bộ diện tích được giao");
    expect(cited.quote).toContain("trước ngày 30/6/2026");
    const [doc] = await app().store.findDocuments("ct06.txt");
    expect((await app().store.getDocument(doc!.id))!.text).toContain(cited.quote);
  });

  it("quotes the lettered points under an item that announces them", async () => {
    const a = await app().answerer.ask("Những dự án cầu trọng điểm nào kết nối tỉnh Sông Lam với tỉnh Bến Hải?");
    const cited = a.citations.find((c) => c.doc === "ct06.txt")!;
    // The item is quoted with its number, as the reader finds it in the document.
    expect(cited.quote.startsWith("3. Các dự án cầu trọng điểm")).toBe(true);
    expect(cited.quote).toContain("b) Dự án cầu Long Hòa");
    expect(cited.quote).toContain("c) Dự án cầu Mỹ Lợi 2.");
    expect(cited.quote).not.toContain("Sở Tài chính bố trí vốn");
    const [doc] = await app().store.findDocuments("ct06.txt");
    expect((await app().store.getDocument(doc!.id))!.text).toContain(cited.quote);
  });
});
