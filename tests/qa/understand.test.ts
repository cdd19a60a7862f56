import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import { understandQuestion } from "../../qa/understand.js";

const registry = loadOrgRegistry();
const now = new Date("2026-11-22T03:00:00Z");
const read = (q: string) => understandQuestion(q, { registry, now });

describe("question understanding", () => {
  it.each([
    "Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?",
    "What is Ban Tổ chức TW assigned in Q2/2026?",
    "ban to chuc tw duoc giao gi trong quy 2/2026",
    "BTCTW Q2/2026",
    "btctw q2/2026",
  ])("reads %s as an assignment question about BTCTW in Q2/2026", (q) => {
    const u = read(q);
    expect(u.kind).toBe("assigned");
    expect(u.orgs.map((m) => m.org.id)).toEqual(["ban-to-chuc-trung-uong"]);
    expect(u.period?.label).toBe("Q2/2026");
  });

  it("keeps the words of a recurring period as search words, in either language: such a period filters nothing", () => {
    const vi = read("Mức hỗ trợ hằng tháng cho công an cấp xã là bao nhiêu?");
    expect(vi.period?.kind).toBe("recurring");
    expect(vi.folded).toEqual(expect.arrayContaining(["hang", "thang"]));
    const en = read("How much monthly support do commune-level police officers in Hanoi receive?");
    expect(en.period?.kind).toBe("recurring");
    expect(en.concepts).toContainEqual([["hang", "thang"], ["hang", "thang"]]);
    // A dated period is still taken out: it is a filter, not a matter.
    expect(read("Nhiệm vụ nào phải xong trong tháng 8/2026?").folded).not.toContain("thang");
  });

  it("does not take the body that gives a task for the body asked about", () => {
    const u = read("Tại phiên họp tháng 01/2025, Chính phủ giao Bộ Nội vụ những việc gì?");
    expect(u.orgs.map((m) => m.org.id)).toEqual(["bo-noi-vu"]);
    expect(u.subject).not.toContain("chinh");
    expect(read("UBND tỉnh Hà Tĩnh yêu cầu Sở Y tế làm gì?").orgs.map((m) => m.org.id)).toEqual(["so:y-te:ha-tinh"]);
    // One that recommends a task ("kiến nghị", "recommends") gives it too.
    expect(read("Ngân hàng Nhà nước kiến nghị Bộ Xây dựng làm những việc gì?").orgs.map((m) => m.org.id)).toEqual(["bo-xay-dung"]);
    expect(read("What does the State Bank recommend the Ministry of Construction do?").orgs.map((m) => m.org.id)).toEqual(["bo-xay-dung"]);
  });

  it("reads a provincial department named in English, its province after it or elsewhere in the question", () => {
    const ids = (q: string) => read(q).orgs.map((m) => m.org.id);
    expect(ids("What must the Department of Finance of Ha Tinh do?")).toEqual(["so:tai-chinh:ha-tinh"]);
    expect(ids("Which tasks is the Ha Tinh Department of Health assigned?")).toEqual(["so:y-te:ha-tinh"]);
    expect(ids("Under Thai Nguyen's regulation, what is the provincial Department of Education and Training required to do?"))
      .toEqual(["so:giao-duc-va-dao-tao:thai-nguyen"]);
    expect(read("What must the Department of Industry and Trade of Dak Lak report?").kind).toBe("assigned");
    // Two bodies asked about together stay two.
    expect(read("Bộ Tài chính và Bộ Nội vụ được giao gì?").orgs.map((m) => m.org.id)).toEqual(["bo-tai-chinh", "bo-noi-vu"]);
  });

  it("reads what a body must report or do, by the noun asked for, as an assignment question", () => {
    expect(read("Bộ Công Thương phải báo cáo Thủ tướng những nội dung gì trong quý I/2027?").kind).toBe("assigned");
    expect(read("Sở Y tế cần làm những việc gì trong tháng 12/2026?").kind).toBe("assigned");
  });

  it("places a department named without its province in the one province the question names elsewhere", () => {
    const u = read("chữ ký số chuyên dùng công vụ ở Đồng Tháp: trách nhiệm của Sở KH&CN là gì?");
    expect(u.orgs.map((m) => m.org.id)).toEqual(["so:khoa-hoc-va-cong-nghe:dong-thap"]);
    // The province's words name the body, not a matter the list must hold.
    expect(u.subject).not.toContain("thap");
    expect(read("sở y tế phải làm gì về chữ ký số ở đồng tháp").orgs.map((m) => m.org.id)).toEqual(["so:y-te:dong-thap"]);
    // Two provinces, or none: the department stays as named.
    expect(read("Sở Y tế Đồng Tháp và Cà Mau phối hợp thế nào? Sở Tài chính làm gì?").orgs.map((m) => m.org.id)).toContain("so:tai-chinh");
    expect(read("Sở Tài chính được giao gì về chữ ký số?").orgs.map((m) => m.org.id)).toEqual(["so:tai-chinh"]);
  });

  it("does not take the body things are sent to for the body asked about", () => {
    expect(read("hạn gửi đề xuất biên chế giai đoạn 2026-2031 về Bộ Nội vụ là ngày nào").orgs).toEqual([]);
    expect(read("Bộ Nội vụ phải báo cáo Chính phủ trước ngày nào?").orgs.map((m) => m.org.id)).toEqual(["bo-noi-vu"]);
  });

  it("reads a body an English question sends or reports to as a recipient, as in Vietnamese", () => {
    const ids = (q: string) => read(q).orgs.map((m) => m.org.id);
    expect(ids("When must Vietnam Television send the Ministry of Construction the scripts?")).toEqual(["dai-truyen-hinh-viet-nam"]);
    expect(ids("When must the Ministry of Home Affairs report to the Government on the decree?")).toEqual(["bo-noi-vu"]);
    expect(ids("Đài Truyền hình Việt Nam phải gửi kịch bản cho Bộ Xây dựng trước ngày nào?")).toEqual(["dai-truyen-hinh-viet-nam"]);
  });

  it("answers in the language of the question", () => {
    expect(read("What is Ban Tổ chức TW assigned in Q2/2026?").language).toBe("en");
    expect(read("ban to chuc tw duoc giao gi trong quy 2/2026").language).toBe("vi");
    // A Vietnamese place or title keeps its diacritics in an English question; Vietnamese holds no English words.
    expect(read("Which Deputy Prime Minister was sent to inspect the flood response in Đắk Lắk province?").language).toBe("en");
    expect(read("Phó Thủ tướng nào được cử đi kiểm tra công tác ứng phó lũ tại tỉnh Đắk Lắk?").language).toBe("vi");
    expect(read("Deadline của Bộ Tài chính trình nghị định về thuế là khi nào?").language).toBe("vi");
  });

  it("tells deadline and who-leads questions apart and keeps their matter as search words", () => {
    const when = read("Hạn chót tổ chức tập huấn, bồi dưỡng nghiệp vụ cho cấp uỷ viên là khi nào?");
    expect(when.kind).toBe("when");
    expect(when.folded).toEqual(expect.arrayContaining(["tap", "huan", "boi", "duong"]));
    expect(when.folded).not.toContain("khi");
    const who = read("Ai chủ trì hoàn thiện chương trình đào tạo, bồi dưỡng nghiệp vụ công tác xây dựng Đảng?");
    expect(who.kind).toBe("who");
    expect(who.askedRole).toBe("lead");
    expect(who.folded).toContain("dang");
  });

  it("reads a body a report goes to as a recipient, not as the assignee", () => {
    const u = read("Các bộ phải gửi báo cáo cho Bộ Tư pháp trước ngày nào?");
    expect(u.orgs.map((m) => m.org.id)).not.toContain("bo-tu-phap");
    expect(u.folded).toEqual(expect.arrayContaining(["tu", "phap"]));
  });

  it("reads the body that issued a named document as part of its reference, not as the body asked about", () => {
    const ids = (q: string) => read(q).orgs.map((m) => m.org.id);
    expect(ids("Theo Quyết định 49/2012/QĐ-UBND của UBND TP.HCM, Phòng LĐTBXH quận huyện kiểm tra mấy lần một năm?")).toEqual([]);
    expect(ids("Theo QĐ 1766/2020/QĐ-UBND Bình Thuận, phí chứng thực bao nhiêu?")).toEqual([]);
    expect(read("Kết luận số 229 của Bộ Chính trị giao Ban Tổ chức Trung ương những việc gì?").orgs.map((m) => m.org.name)).toEqual(["Ban Tổ chức Trung ương"]);
    // A body elsewhere in the question is still asked about.
    expect(ids("Bộ Tài chính phải làm gì theo Kết luận số 229?")).toEqual(["bo-tai-chinh"]);
  });

  it("reads document references by number and symbol", () => {
    expect(read("Kết luận số 229 giao Ban Tổ chức Trung ương những việc gì?").docRefs).toEqual([{ ref: "229", kind: "ket_luan" }]);
    expect(read("Thông báo 634/TB-VPCP yêu cầu gì?").docRefs.map((d) => d.ref)).toEqual(["634/TB-VPCP"]);
    expect(read("quý 2/2026").docRefs).toEqual([]);
    // A kind (or its abbreviation) before a number and its year names a document, not a month.
    expect(read("Nghị định 48/2013 sửa đổi những gì?").docRefs).toEqual([{ ref: "48/2013" }]);
    expect(read("Theo TT47/2009, báo cáo quyết toán gửi trước ngày nào?").docRefs).toEqual([{ ref: "47/2009" }]);
    const decision = read("Quyết định 12/2020 quy định gì?");
    expect(decision.docRefs).toEqual([{ ref: "12/2020", kind: "quyet_dinh" }]);
    expect(decision.period).toBeUndefined();
    expect(read("Những việc phải xong trong tháng 12/2020?").docRefs).toEqual([]);
  });

  it("lists by period only when nothing else is asked", () => {
    expect(read("Những nhiệm vụ nào phải xong trong tháng 8/2025?").kind).toBe("assigned");
    expect(read("What 5G coverage must operators reach nationwide in 2025?").kind).not.toBe("assigned");
  });

  it.each([
    "Đảng ủy Công an Trung ương phải báo cáo những gì trong quý IV/2026?",
    "Bộ Tài chính cần chuẩn bị những gì cho kỳ họp cuối năm?",
    "bo tu phap phai khac phuc gi ve he thong ho tich dien tu",
    "Bộ Y tế chịu trách nhiệm gì về thuốc?",
    "What must the Ministry of Finance report in Q4/2026?",
    "What is the Ministry of Home Affairs required to submit?",
    // The body as the object of a directive verb must act just the same.
    "Công điện yêu cầu Bộ Công an triển khai những gì?",
    "What does the dispatch ask the Ministry of Health to do about dengue?",
  ])("reads a named body that must do 'what' as an assignment question: %s", (q) => {
    expect(read(q).kind).toBe("assigned");
  });

  it("reads 'must ... what' as an obligation only with a body and only for the verb as written", () => {
    // Asked of a date, it stays a deadline question; with no body named, it is no listing of one.
    expect(read("Bộ Nội vụ phải trình Chính phủ Nghị định về biên chế trong thời hạn nào?").kind).toBe("when");
    expect(read("What 5G coverage must operators reach nationwide in 2025?").kind).not.toBe("assigned");
    // "cán" folds to "can" but is no "cần" (need); "Cần Thơ" inside a body's name is no verb either.
    expect(read("Sở Nội vụ tổ chức cán bộ gì vào tháng 5?").kind).not.toBe("assigned");
    // The body must be the verb's subject, not a name earlier in the sentence.
    expect(read("Báo Nhân dân được cấp miễn phí, vậy tôi cần chuẩn bị gì để được nhận báo?").kind).not.toBe("assigned");
  });

  const ids = (q: string) => read(q).orgs.map((m) => m.org.id);
  it("reads a leader named beside a body as the occasion or the one who assigns, not as a body asked about", () => {
    expect(ids("Bộ Giáo dục và Đào tạo được giao những việc gì sau buổi làm việc của Phó Thủ tướng Lê Thành Long với tỉnh Điện Biên?"))
      .toEqual(["bo-giao-duc-va-dao-tao"]);
    expect(ids("Kết luận của Phó Thủ tướng Mai Văn Chính giao Bộ Tài chính những việc gì?")).toEqual(["bo-tai-chinh"]);
    expect(ids("Thủ tướng Phạm Minh Chính yêu cầu Bộ Xây dựng làm gì?")).toEqual(["bo-xay-dung"]);
    expect(ids("What did the General Secretary assign the National Assembly Party Committee?")).toEqual(["dang-uy-quoc-hoi"]);
    // The meeting's partner is the occasion too; its words narrow the body's tasks.
    const u = read("Bộ Tài chính được giao gì sau buổi làm việc của Thủ tướng với Thường trực Tỉnh ủy Thanh Hóa?");
    expect(u.orgs.map((m) => m.org.id)).toEqual(["bo-tai-chinh"]);
    expect(u.subject).toEqual(expect.arrayContaining(["thu", "tuong", "thanh", "hoa"]));
  });

  it("reads a head's title before the body and a person's name after it as naming the body, not as the matter", () => {
    const u = read("Bí thư Tỉnh ủy Thanh Hóa Nguyễn Doãn Anh được giao gì?");
    expect(u.orgs.map((m) => m.org.id)).toEqual(["tinh-uy:thanh-hoa"]);
    expect(u.subject).toEqual([]);
    expect(read("Chủ tịch UBND tỉnh Lai Châu phải thực hiện những nhiệm vụ gì?").subject).toEqual([]);
    expect(read("Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng phải báo cáo gì về dự trữ quốc gia?").subject)
      .toEqual(["bao", "cao", "du", "tru", "quoc", "gia"]);
    // The names stay search words: a text may name the person.
    expect(u.folded).toEqual(expect.arrayContaining(["nguyen", "doan", "anh"]));
  });

  it("reads a leader as the body asked about when named alone or asked for", () => {
    expect(ids("Phó Thủ tướng Trần Hồng Hà được giao gì?")).toEqual(["pho-thu-tuong-chinh-phu"]);
    expect(ids("Công điện 231 giao Phó Thủ tướng nào chỉ đạo các bộ, ngành, địa phương?")).toContain("pho-thu-tuong-chinh-phu");
    expect(ids("Which Deputy Prime Minister directs the Ministry of Construction on flood recovery?")).toContain("pho-thu-tuong-chinh-phu");
  });

  it("weighs and keeps an English question's matter in the documents' words, as its Vietnamese version", () => {
    const en = read("When must the Ministry of Finance submit the decree?");
    const vi = read("Bộ Tài chính phải trình nghị định trước ngày nào?");
    expect(en.kind).toBe("when");
    expect(en.kind).toBe(vi.kind);
    expect(en.subject).toEqual(expect.arrayContaining(["nghi", "dinh"]));
    // A body's tasks are narrowed by the matter as the task quotes word it.
    expect(read("What tasks is the Ministry of Finance assigned on national reserve goods?").subject)
      .toEqual(expect.arrayContaining(["du", "tru", "quoc", "gia"]));
  });

  it("keeps a body the registry does not know, but not a word that only looks like one", () => {
    expect(read("Tổng công ty Sông Lam được giao gì trong tháng 12/2025?").unknownOrg).toBe("Tổng công ty Sông Lam");
    // "Lam" folds to the letters of "làm" (do), but written with a capital it is part of the name.
    expect(read("Công ty Sông Lam phải làm gì trong tháng 12/2025?").unknownOrg).toBe("Công ty Sông Lam");
    expect(read("Các đảng bộ trực thuộc Trung ương phải hoàn thành đại hội trong thời hạn nào?").unknownOrg).toBeUndefined();
  });

  it("asks about the unknown body that is the verb's subject, not the known bodies that name the occasion", () => {
    const u = read("Trong chỉ đạo của Bộ trưởng Bộ Nội vụ về thực hiện Kết luận của Bộ Chính trị, Ban Bí thư, Vụ Tổ chức - Biên chế được giao những nhiệm vụ gì?");
    expect(u.kind).toBe("assigned");
    expect(u.orgs).toEqual([]);
    expect(u.unknownOrg).toBe("Vụ Tổ chức - Biên chế");
    expect(u.unknownOverNamed).toBe(true);
    // A known body as the subject stays the one asked about, whatever unknown body the question also names.
    const known = read("Theo đề xuất của Phòng Văn hóa - Xã hội, Bộ Nội vụ được giao những nhiệm vụ gì?");
    expect(known.orgs.map((m) => m.org.id)).toEqual(["bo-noi-vu"]);
    expect(known.unknownOverNamed).toBeUndefined();
  });

  it("takes the matter after 'về' to narrow an assignment question", () => {
    expect(read("Bộ Tài chính được giao gì về dự trữ quốc gia?").topic).toEqual(["du", "tru", "quoc", "gia"]);
    expect(read("Bộ Tài chính được giao gì trong quý IV/2025?").topic).toEqual([]);
  });
});
