import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../ingest/clean.js";
import { kindFromWords, readMetadata } from "../../ingest/metadata.js";

const SAMPLE = new URL("../../sample-corpus/", import.meta.url);
const metaOf = (name: string) => readMetadata(cleanText(readFileSync(new URL(name, SAMPLE), "utf8"), "txt"), { name });

describe("readMetadata on the sample corpus", () => {
  it("000: a Kết luận of the Politburo and Secretariat, without a number or date in its text", () => {
    const m = metaOf("000_bc2115a807619c08.txt");
    expect(m.kind).toBe("ket_luan");
    expect(m.number).toBeUndefined();
    expect(m.date).toBeUndefined();
    expect(m.issuer).toBe("Bộ Chính trị, Ban Bí thư");
    expect(m.title).toBe("về tăng cường lãnh đạo, chỉ đạo công tác tổ chức đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng");
    expect(m.signer).toBe("Trần Cẩm Tú");
    expect(m.period).toBeUndefined();
  });

  it("002: a Kết luận whose two-line title names quý II/2026", () => {
    const m = metaOf("002_f51bd1bc98d5fad9.txt");
    expect(m.kind).toBe("ket_luan");
    expect(m.number).toBeUndefined();
    expect(m.issuer).toBe("Bộ Chính trị, Ban Bí thư");
    expect(m.title).toBe("về thực hiện một số nội dung, nhiệm vụ trọng tâm hoạt động của tổ chức cơ sở đảng trong quý II/2026");
    expect(m.period).toMatchObject({ kind: "range", start: "2026-04-01", end: "2026-06-30", label: "Q2/2026" });
    expect(m.period?.text).toContain("quý II/2026");
    expect(m.signer).toBe("Trần Cẩm Tú");
  });

  it.each([
    ["001_6605ce0a4e5edd48.txt", "2025-12-08", /^Thường trực Ban Bí thư nhấn mạnh nhiệm vụ hoàn thiện thể chế/u],
    ["003_0b226ac5bb75c25f.txt", "2025-09-03", /^Tổ Công tác số 4 của Bộ Chính trị/u],
    ["004_689f6d3b9e3d36b8.txt", "2026-01-08", /^Thay mặt Bộ Chính trị, Thường trực Ban Bí thư Trần Cẩm Tú vừa ký ban hành Kết luận số 229/u],
  ])("%s: news with its date line and a headline (even when it names a Kết luận)", (name, date, title) => {
    const m = metaOf(name);
    expect(m.kind).toBe("news");
    expect(m.date).toBe(date);
    expect(m.title).toMatch(title);
    expect(m.title!.length).toBeLessThanOrEqual(201);
    expect(m.number).toBeUndefined();
    expect(m.signer).toBeUndefined();
  });
});

describe("readMetadata on official headers", () => {
  it("reads number, issuer, place-date, kind heading, title and signer", () => {
    const text = [
      "| BỘ CHÍNH TRỊ | ĐẢNG CỘNG SẢN VIỆT NAM |",
      "| Số 229-KL/TW | Hà Nội, ngày 22 tháng 11 năm 2025 |",
      "", "THÔNG BÁO KẾT LUẬN", "", "của Bộ Chính trị về công tác cán bộ", "",
      "1. Giao Ban Tổ chức Trung ương chủ trì.", "", "Nơi nhận:", "- Như trên.", "", "T/M BỘ CHÍNH TRỊ", "", "Trần Cẩm Tú",
    ].join("\n");
    const m = readMetadata(text, { name: "tb.txt" });
    expect(m).toMatchObject({ kind: "thong_bao", number: "229-KL/TW", date: "2025-11-22", issuer: "Bộ Chính trị", signer: "Trần Cẩm Tú" });
  });

  it("reads the thuvienphapluat field table and the date written as 26/11/2025", () => {
    const text = [
      "Số hiệu:", "", "| 634/TB-VPCP |", "| Loại văn bản: | Thông báo | Nơi ban hành: | Văn phòng Chính phủ |",
      "| Người ký: | Trần Văn Sơn | Ngày ban hành: | 26/11/2025 |", "", "THÔNG BÁO", "",
      "Kết luận của Thủ tướng Chính phủ tại cuộc họp về dự án đường sắt", "", "1. Bộ Xây dựng khẩn trương hoàn thiện hồ sơ.",
    ].join("\n");
    const m = readMetadata(text, { name: "tb.md" });
    expect(m).toMatchObject({ kind: "thong_bao", number: "634/TB-VPCP", date: "2025-11-26", signer: "Trần Văn Sơn" });
    expect(m.title).toBe("Kết luận của Thủ tướng Chính phủ tại cuộc họp về dự án đường sắt");
  });

  it("derives the kind from the symbol, reads V/v as a Công văn title, and a slash date after the place", () => {
    const m = readMetadata("| BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 08/2025/NQ-CP | Hà Nội, ngày 26/3/2026 |\n\nVăn bản.", { name: "x.txt" });
    expect(m).toMatchObject({ kind: "nghi_quyet", number: "08/2025/NQ-CP", date: "2026-03-26", issuer: "Bộ Tài chính" });
    const cv = readMetadata("| UỶ BAN NHÂN DÂN TỈNH NGHỆ AN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 15/UBND-KT V/v triển khai kế hoạch | Nghệ An, ngày 3 tháng 12 năm 2025 |", { name: "cv.txt" });
    expect(cv).toMatchObject({ kind: "cong_van", number: "15/UBND-KT", title: "V/v triển khai kế hoạch", issuer: "Uỷ ban nhân dân tỉnh Nghệ An", date: "2025-12-03" });
  });

  it("ignores a day date in a title as the period, keeps a year", () => {
    const m = readMetadata("QUYẾT ĐỊNH\n\nBAN HÀNH KẾ HOẠCH TRIỂN KHAI QUYẾT ĐỊNH SỐ 06/QĐ-TTG NGÀY 02 THÁNG 01 NĂM 2025\n\nCăn cứ Luật.", { name: "q.md" });
    expect(m.kind).toBe("quyet_dinh");
    expect(m.period).toBeUndefined();
    const y = readMetadata("KẾ HOẠCH\n\nthực hiện công tác chuyển đổi số năm 2026\n\nCăn cứ Luật.", { name: "k.md" });
    expect(y.period).toMatchObject({ start: "2026-01-01", end: "2026-12-31" });
  });

  it("lets the override win field by field; a text without a title is named by its kind and number, else its file name", () => {
    const m = readMetadata("KẾT LUẬN\n\nCăn cứ.", { name: "kl.txt", override: { number: "229-KL/TW", kind: "ket_luan", issuer: undefined } });
    expect(m).toMatchObject({ kind: "ket_luan", number: "229-KL/TW", title: "Kết luận 229-KL/TW" });
    expect(readMetadata("KẾT LUẬN\n\nCăn cứ.", { name: "kl.txt" }).title).toBe("kl.txt");
    expect(readMetadata("Một đoạn văn bình thường.", { name: "n.txt" }).kind).toBe("news");
  });

  it("reads a Nghị định, a Thông tư and a Luật (its \"Luật số:\") as what they are, not a Quy định or a news report", () => {
    const decree = readMetadata("CHÍNH PHỦ\n\nSố: 304/2025/NĐ-CP\n\nNGHỊ ĐỊNH\n\nQUY ĐỊNH ĐIỀU KIỆN TÀI SẢN BẢO ĐẢM\n\nCăn cứ Luật.", { name: "nd.txt" });
    expect(decree).toMatchObject({ kind: "nghi_dinh", number: "304/2025/NĐ-CP", issuer: "Chính phủ", title: "QUY ĐỊNH ĐIỀU KIỆN TÀI SẢN BẢO ĐẢM" });
    const circular = readMetadata("BỘ TÀI CHÍNH\n\nSố: 12/2026/TT-BTC\n\nTHÔNG TƯ\n\nHướng dẫn quản lý kinh phí\n\nCăn cứ Luật.", { name: "tt.txt" });
    expect(circular).toMatchObject({ kind: "thong_tu", number: "12/2026/TT-BTC", issuer: "Bộ Tài chính", title: "Hướng dẫn quản lý kinh phí" });
    const joint = readMetadata("| BỘ TÀI CHÍNH - BỘ LAO ĐỘNG | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 47/2009/TTLT-BTC-BLĐTBXH | Hà Nội, ngày 11 tháng 3 năm 2009 |\n\nVăn bản.", { name: "ttlt.txt" });
    expect(joint.kind).toBe("thong_tu_lien_tich");
    const law = readMetadata("QUỐC HỘI\n\nLuật số: 80/2025/QH15\n\nLUẬT\n\nCÁN BỘ, CÔNG CHỨC\n\nCăn cứ Hiến pháp.", { name: "luat.txt" });
    expect(law).toMatchObject({ kind: "luat", number: "80/2025/QH15", issuer: "Quốc hội", title: "CÁN BỘ, CÔNG CHỨC" });
    // "NGHỊ ĐỊNH:" before Điều 1 enacts the text; a web page quoting it is not a Nghị định.
    expect(readMetadata("Hướng dẫn đổi căn cước trực tuyến\n\nNGHỊ ĐỊNH:\n\nĐiều 1. Phạm vi điều chỉnh", { name: "web.txt" }).kind).toBe("news");
    expect(kindFromWords("Thông tư liên tịch")).toBe("thong_tu_lien_tich");
    expect(kindFromWords("Nghị định")).toBe("nghi_dinh");
  });

  it("maps kinds written in words", () => {
    expect(kindFromWords("Quyết định")).toBe("quyet_dinh");
    expect(kindFromWords("Thông báo kết luận")).toBe("thong_bao");
    expect(kindFromWords("ket_luan")).toBe("ket_luan");
    expect(kindFromWords("Tin bài")).toBe("news");
    expect(kindFromWords("Sắc lệnh")).toBeUndefined();
  });
});
