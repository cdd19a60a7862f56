import { describe, expect, it } from "vitest";
import { cleanText } from "../../ingest/clean.js";
import { readMetadata } from "../../ingest/metadata.js";
import { splitSections } from "../../ingest/sections.js";

const read = (text: string, name = "doc.md") => readMetadata(cleanText(text, "md"), { name });
const FIELDS = "Số hiệu:\n\n| 5526/CT-CS |\n| Loại văn bản: | Công văn | Nơi ban hành: | Cục Thuế |\n| Người ký: | Nguyễn Văn A | Ngày ban hành: | 25/11/2025 |\n| Tình trạng: | Đã biết |\n\n";

describe("the period of a document is read only where its title speaks of a period", () => {
  it("does not read a district (Q2) in a news title as a quarter", () => {
    const m = read("Chuẩn bị khởi công cầu Cát Lái nối Q2 với Nhơn Trạch ngày 19 12 2025\n\nTP.HCM sẽ khởi công cầu.");
    expect(m.kind).toBe("news");
    expect(m.period).toBeUndefined();
    expect(read("Kế hoạch công tác quý II/2026 của Sở\n\nNội dung.").period?.label).toBe("Q2/2026");
  });
});

describe("titles", () => {
  it("never takes a field label of the site's table for a title; a letter without a subject line is named by kind, number, issuer", () => {
    const m = read(`${FIELDS}Kính gửi: Trưởng Thuế các tỉnh, thành phố.\n\n1. Về chính sách gia hạn thuế.`);
    expect(m.title).toBe("Công văn 5526/CT-CS của Cục Thuế");
    const headed = read(`${FIELDS}Lịch tập huấn nghiệp vụ thuế cho công chức xã\n\nNgày 18/11/2025, Bộ Tài chính ban hành Công văn.`);
    expect(headed.title).toBe("Lịch tập huấn nghiệp vụ thuế cho công chức xã");
  });

  it("reads 'Về ...' after the number in the header cell as the subject", () => {
    const m = read("| SỞ GIÁO DỤC VÀ ĐÀO TẠO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 51/SGDĐT-GDTX Về hướng dẫn đánh giá trung tâm học tập | Hà Nội, ngày 28 tháng 11 năm 2025 |\n\nKính gửi: Các xã.");
    expect(m).toMatchObject({ kind: "cong_van", number: "51/SGDĐT-GDTX", title: "Về hướng dẫn đánh giá trung tâm học tập", date: "2025-11-28" });
  });

  it("takes the upper-case words of a heading line as the title, not the issuing line run in after them", () => {
    const m = read("| ỦY BAN NHÂN DÂN TỈNH SÔNG LAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 30/QĐ-UBND | Sông Lam, ngày 01 tháng12 năm 2025 |\n\nQUYẾT ĐỊNH CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH (SỬA ĐỔI) CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ Luật Tổ chức.\n\nĐiều 1. Công bố.");
    expect(m).toMatchObject({ kind: "quyet_dinh", title: "CÔNG BỐ DANH MỤC THỦ TỤC HÀNH CHÍNH (SỬA ĐỔI)", date: "2025-12-01" });
  });

  it("reads the conclusions of a person: the 'CỦA ĐỒNG CHÍ ... TẠI ...' lines are the title, the header names the issuer, a rule line ends it", () => {
    const text = "| BAN CHẤP HÀNH TRUNG ƯƠNG VĂN PHÒNG | ĐẢNG CỘNG SẢN VIỆT NAM |\n| Số 40-TB/VPTW | Hà Nội, ngày 26 tháng 11 năm 2025 |\n\nTHÔNG BÁO KẾT LUẬN\n\nCỦA ĐỒNG CHÍ TỔNG BÍ THƯ TẠI BUỔI LÀM VIỆC VỚI BỘ Y TẾ\n\n-----\n\nNgày 24/11/2025, đồng chí Tổng Bí thư làm việc.\n\n1. Giảm số trẻ bị bỏ rơi.";
    const m = read(text);
    expect(m).toMatchObject({ kind: "thong_bao", number: "40-TB/VPTW", issuer: "Văn phòng Trung ương Đảng" });
    expect(m.title).toBe("KẾT LUẬN CỦA ĐỒNG CHÍ TỔNG BÍ THƯ TẠI BUỔI LÀM VIỆC VỚI BỘ Y TẾ");
    // A body after "CỦA" is the issuer, and the "VỀ ..." after it the title.
    const of = read("THÔNG BÁO KẾT LUẬN\n\nCỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ\n\n1. Giao Ban Tổ chức Trung ương.");
    expect(of).toMatchObject({ issuer: "Bộ Chính trị", title: "VỀ CÔNG TÁC CÁN BỘ" });
  });
});

describe("a document's kind and number from its heading", () => {
  it("reads an uploaded text headed '# THÔNG BÁO KẾT LUẬN số N' or 'KẾT LUẬN số N' as that kind and number, with its numbered items", () => {
    const tb = read("# THÔNG BÁO KẾT LUẬN số 902-TB/VPTW\n\nCỦA BỘ CHÍNH TRỊ VỀ VIỆC SẮP XẾP\n\n1. Giao Ban Tổ chức Trung ương chủ trì.\n\n2. Giao Đảng uỷ Chính phủ phối hợp.");
    expect(tb).toMatchObject({ kind: "thong_bao", number: "902-TB/VPTW", issuer: "Bộ Chính trị" });
    const kl = read("KẾT LUẬN số 904-KL/TW\n\nvề công tác tổ chức đại hội\n\n1. Các cấp uỷ chuẩn bị.\n\n2. Ban Tổ chức Trung ương hướng dẫn.");
    expect(kl).toMatchObject({ kind: "ket_luan", number: "904-KL/TW", title: "về công tác tổ chức đại hội" });
    const text = cleanText("KẾT LUẬN số 904-KL/TW\n\nvề công tác tổ chức đại hội\n\n1. Các cấp uỷ chuẩn bị.\n\n2. Ban Tổ chức Trung ương hướng dẫn.", "md");
    expect(splitSections(text, kl.kind).map((s) => s.label)).toEqual(["mở đầu", "1", "2"]);
  });

  it("gives a file holding one appendix the kind, date and issuer of the text it is attached to", () => {
    const m = read("**PHỤ LỤC II**\n\n**DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI**\n\n(Kèm theo Chương trình hành động tại Nghị quyết số 03/NQ-CP ngày 09 tháng 01 năm 2025 của Chính phủ)\n\n| TT | Tên nhiệm vụ | Cơ quan chủ trì |\n| 1. | Xây dựng đề án | Bộ Nội vụ |");
    expect(m).toMatchObject({ kind: "nghi_quyet", number: "03/NQ-CP", date: "2025-01-09", issuer: "Chính phủ", title: "PHỤ LỤC II DANH MỤC CÁC NHIỆM VỤ TRIỂN KHAI" });
  });
});

describe("issuers", () => {
  it("names the unit of a two-line header, and a body in prose case", () => {
    const issuer = (cell: string) => read(`| ${cell} | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 1/QĐ-X | Hà Nội, ngày 1 tháng 12 năm 2025 |\n\nQUYẾT ĐỊNH\n\nVỀ VIỆC X\n\nCăn cứ.`).issuer;
    expect(issuer("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ GIÁO DỤC VÀ ĐÀO TẠO")).toBe("Sở Giáo dục và Đào tạo thành phố Hồ Chí Minh");
    expect(issuer("BỘ TÀI CHÍNH CỤC THUẾ")).toBe("Cục Thuế");
    expect(issuer("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")).toBe("Bộ Nông nghiệp và Môi trường");
    expect(issuer("BỘ NỘI VỤ")).toBe("Bộ Nội vụ");
    expect(issuer("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH")).toBe("Bộ Văn hóa, Thể thao và Du lịch");
    expect(issuer("BỘ CHÍNH TRỊ, BAN BÍ THƯ")).toBe("Bộ Chính trị, Ban Bí thư");
  });

  it("reads the issuer of a header written as lines, and of a Công điện", () => {
    expect(read("CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 03/NQ-CP\nHà Nội, ngày 09 tháng 01 năm 2025\n\nNGHỊ QUYẾT\nBan hành Chương trình hành động\n\nCăn cứ Luật.").issuer).toBe("Chính phủ");
    expect(read("ĐẢNG CỘNG SẢN VIỆT NAM\n\nBAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG ĐOÀN QUỐC HỘI\n\nSố 3260-KH/ĐĐQH15\n\nKẾ HOẠCH\n\ntriển khai thực hiện Nghị quyết\n\nI. MỤC ĐÍCH").issuer).toBe("Đảng đoàn Quốc hội");
    expect(read("CÔNG ĐIỆN\n\nV/V TẬP TRUNG ỨNG PHÓ MƯA LŨ\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n\n- Chủ tịch Ủy ban nhân dân các tỉnh.").issuer).toBe("Thủ tướng Chính phủ");
  });
});

describe("a letter without subject, heading or number", () => {
  it("is named by its opening sentence, not its address line or its file name", () => {
    const m = read("Kính gửi: Các cơ sở đào tạo trực thuộc Bộ\n\nThực hiện Thông báo số 460/TB-VPCP ngày 04/9/2025 về kết luận của Thủ tướng, Bộ đề nghị các cơ sở như sau:\n\n1. Rà soát chương trình.\n\nNơi nhận:\n- Như trên.", "x9.md");
    expect(m.title).toBe("Thực hiện Thông báo số 460/TB-VPCP ngày 04/9/2025 về kết luận của Thủ tướng, Bộ đề nghị các cơ sở như sau:");
  });
});

describe("a Công điện", () => {
  it("leaves its sender line ('THỦ TƯỚNG CHÍNH PHỦ điện:') out of the title, run in or on its own line", () => {
    const own = read("CÔNG ĐIỆN\n\nVỀ VIỆC ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n\n- Bộ trưởng các Bộ.");
    expect(own).toMatchObject({ kind: "cong_dien", title: "VỀ VIỆC ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ", issuer: "Thủ tướng Chính phủ" });
    expect(read("CÔNG ĐIỆN\n\nVỀ VIỆC ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ TH Ủ TƯỚNG CHÍNH PHỦ điện:\n\n- Bộ trưởng các Bộ.").title).toBe("VỀ VIỆC ỨNG PHÓ MƯA LŨ TẠI KHU VỰC TRUNG BỘ");
  });

  it("keeps a place's name capitalised inside an issuer written as the text writes it", () => {
    expect(read("| CHỦ TỊCH NHÂN DÂN THÀNH PHỐ HUẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 12/2025/QĐ-CTUBND | Huế, ngày 24 tháng 11 năm 2025 |\n\nQUYẾT ĐỊNH\n\nPHÂN CẤP THẨM QUYỀN\n\nCăn cứ Luật.").issuer).toBe("Chủ tịch nhân dân thành phố Huế");
  });
});
