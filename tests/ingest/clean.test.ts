import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanText, stripMarkup } from "../../ingest/clean.js";
import { quoteKey } from "./quote-key.js";

const SAMPLE = new URL("../../sample-corpus/", import.meta.url);
const SHARED = new URL("../../../shared/", import.meta.url);
const EXT = new URL("ext/directives/", SHARED);
const sample = (name: string) => readFileSync(new URL(name, SAMPLE), "utf8");

/** A crawl-style page: site header, a layout table of bars, wrapped lines, emphasis, a task table. */
const CRAWLED = [
  "|", "|", "Bản dịch này thuộc quyền sở hữu của **", "THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép là vi phạm.",
  "Click vào phần bôi vàng để xem chi tiết.", "|", "|", "Đang tải văn bản...",
  "|", "**ỦY BAN NHÂN", "DÂN **", "TỈNH BẮC NINH", "--------", "|", "**CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM**", "---------------", "|", "|",
  "Số: 12/KH-UBND", "|", "*Bắc Ninh, ngày 28 tháng 11 năm 2025*", "|",
  "**KẾ HOẠCH**", "Triển khai nhiệm vụ chuyển đổi số", "năm 2026",
  "**1. Mục tiêu.** Bảo đảm hoàn thành các chỉ tiêu đã đề ra trong", "kế hoạch; báo cáo kết quả trước ngày", "15/12/2026.",
  "*Căn cứ Luật Tổ chức chính", "quyền địa phương;*", "*Căn cứ Nghị định số 81/2018/NĐ-CP;*",
  "|", "**TT**", "|", "**Nhiệm vụ**", "|", "**Cơ quan chủ trì**", "|", "|",
  "1", "|", "Xây dựng đề án chuyển đổi", "số của tỉnh", "|", "Sở Khoa học và", "Công nghệ", "|", "|",
  "2", "|", "Rà soát thủ tục hành chính", "|", "|", "|",
  "",
  "Văn bản gốc kết thúc.",
  "Kế hoạch 12/KH-UBND năm 2025 triển khai chuyển đổi số",
  "Văn bản này chưa cập nhật nội dung Tiếng Anh",
  "Tài khoản hiện đã đủ người",
].join("\n");

describe("cleanText", () => {
  const out = cleanText(CRAWLED, "md");

  it("drops the site header and footer but keeps the document", () => {
    expect(out).not.toMatch(/THƯ VIỆN PHÁP LUẬT|Click vào|Đang tải|Tiếng Anh|Tài khoản|năm 2025 triển khai/u);
    expect(out).toContain("Văn bản gốc kết thúc.");
  });

  it("folds a bar table into one line per row, including an empty cell", () => {
    expect(out).toContain("| ỦY BAN NHÂN DÂN TỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |");
    expect(out).toContain("| Số: 12/KH-UBND | Bắc Ninh, ngày 28 tháng 11 năm 2025 |");
    expect(out).toContain("| TT | Nhiệm vụ | Cơ quan chủ trì |\n| 1 | Xây dựng đề án chuyển đổi số của tỉnh | Sở Khoa học và Công nghệ |\n| 2 | Rà soát thủ tục hành chính |  |");
  });

  it("joins hard-wrapped lines and keeps headings and clauses apart", () => {
    const blocks = out.split("\n\n");
    expect(blocks).toContain("KẾ HOẠCH");
    expect(blocks).toContain("Triển khai nhiệm vụ chuyển đổi số năm 2026");
    expect(blocks).toContain("1. Mục tiêu. Bảo đảm hoàn thành các chỉ tiêu đã đề ra trong kế hoạch; báo cáo kết quả trước ngày 15/12/2026.");
    expect(blocks).toContain("Căn cứ Luật Tổ chức chính quyền địa phương;");
    expect(blocks).toContain("Căn cứ Nghị định số 81/2018/NĐ-CP;");
  });

  it("ends a capital heading's paragraph at the sentence after it, and a line's at the kind heading after it", () => {
    const circular = [
      "BỘ TÀI CHÍNH", "Số: 12/2026/TT-BTC", "THÔNG TƯ", "Hướng dẫn quản lý kinh phí hỗ trợ chân tay giả", "cho thương binh",
      "QUY ĐỊNH MỨC CHI HỖ TRỢ CHÂN TAY GIẢ", "(Kèm theo Thông tư số 12/2026/TT-BTC)",
      "Mặt trước in dòng chữ CÔNG", "DÂN DANH DỰ THỦ ĐÔ và quốc huy.", "Điều 1. Thông tư này hướng dẫn việc lập, chấp hành và", "quyết toán kinh phí.",
    ].join("\n");
    const blocks = cleanText(circular, "txt").split("\n\n");
    expect(blocks.slice(0, 6)).toEqual(["BỘ TÀI CHÍNH", "Số: 12/2026/TT-BTC", "THÔNG TƯ", "Hướng dẫn quản lý kinh phí hỗ trợ chân tay giả cho thương binh",
      "QUY ĐỊNH MỨC CHI HỖ TRỢ CHÂN TAY GIẢ", "(Kèm theo Thông tư số 12/2026/TT-BTC)"]);
    // A capital phrase wrapped inside a sentence is not a heading.
    expect(blocks).toContain("Mặt trước in dòng chữ CÔNG DÂN DANH DỰ THỦ ĐÔ và quốc huy.");
  });

  it("keeps a Markdown table one row a line, without the separator row", () => {
    const md = "Phụ lục\n\n| TT | Tên nhiệm vụ | Cơ quan chủ trì |\n|---|---|---|\n|  **I.** | Nâng cao nhận thức |  |\n| 1. | Xây dựng chương trình | Bộ Nội vụ |\n";
    expect(cleanText(md, "md")).toBe("Phụ lục\n\n| TT | Tên nhiệm vụ | Cơ quan chủ trì |\n| I. | Nâng cao nhận thức | |\n| 1. | Xây dựng chương trình | Bộ Nội vụ |");
  });

  it("strips emphasis and heading marks without fusing words", () => {
    expect(stripMarkup("**Chuyên viên pháp lý:**Võ Trung Hiếu")).toBe("Chuyên viên pháp lý: Võ Trung Hiếu");
    expect(stripMarkup("## Nội dung *chính*")).toBe("Nội dung chính");
    expect(stripMarkup("**Điều 1. **Phê duyệt")).toBe("Điều 1. Phê duyệt");
    expect(stripMarkup("tên_tệp giữ nguyên")).toBe("tên_tệp giữ nguyên");
  });

  it("joins a paragraph broken by a page break in mid-sentence (sample 002)", () => {
    const text = cleanText(sample("002_f51bd1bc98d5fad9.txt"), "txt");
    expect(text).toContain("cảnh tỉnh đối với cán bộ chưa toàn tâm, toàn ý, thiếu trách nhiệm");
    // An upper-case heading is not joined to the line after it.
    expect(text.startsWith("KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ\nvề thực hiện")).toBe(true);
  });

  it("starts a paragraph at a list item after a blank line, though the line before it ends open", () => {
    const text = cleanText("4. Sở Giáo dục và Đào tạo\n\na) Chỉ đạo các trường tổ chức\ntập huấn cho giáo viên.\n\nb) Phối hợp với Sở Y tế.", "txt");
    expect(text).toBe("4. Sở Giáo dục và Đào tạo\n\na) Chỉ đạo các trường tổ chức\ntập huấn cho giáo viên.\n\nb) Phối hợp với Sở Y tế.");
  });

  it("knows every list mark the section splitter knows: 'a.', 'I)' after a blank line start a paragraph too", () => {
    expect(cleanText("3. Sở Văn hóa, Thể thao và Du lịch\n\na. Chủ trì tuyên truyền.", "txt")).toBe("3. Sở Văn hóa, Thể thao và Du lịch\n\na. Chủ trì tuyên truyền.");
    expect(cleanText("Bước 2: Xử lý hồ sơ\n\nI) Xét duyệt nhiệm vụ.", "txt")).toBe("Bước 2: Xử lý hồ sơ\n\nI) Xét duyệt nhiệm vụ.");
    // A page break in mid-sentence still joins: "c." before a lower-case word is no list mark.
    expect(cleanText("do Bộ Tài chính và\n\nc. quan liên quan.", "txt")).toBe("do Bộ Tài chính và c. quan liên quan.");
  });

  it("keeps the original spelling (uỷ stays uỷ) and NFC-normalises", () => {
    const text = cleanText(sample("000_bc2115a807619c08.txt"), "txt");
    expect(text).toContain("Các tỉnh uỷ, thành uỷ, đảng uỷ");
    expect(cleanText("Ủy ban", "txt")).toBe("Ủy ban");
    expect(cleanText("Ủy ban".normalize("NFD"), "txt")).toBe("Ủy ban");
  });

  it("only changes what the quote check forgives, on every sample document", () => {
    for (const name of readdirSync(SAMPLE)) {
      const raw = sample(name);
      const original = quoteKey(raw);
      for (const piece of cleanText(raw, "txt").split(/\n|\|/u)) {
        if (quoteKey(piece)) expect(original, `${name}: ${piece.slice(0, 80)}`).toContain(quoteKey(piece));
      }
    }
  });
});

describe.skipIf(!existsSync(EXT))("cleanText on the crawled directives", () => {
  it("every line of the cleaned text is found in the original under the quote normalisation", () => {
    const misses: string[] = [];
    let pieces = 0;
    for (const name of readdirSync(EXT)) {
      const raw = readFileSync(new URL(name, EXT), "utf8");
      const original = quoteKey(raw);
      for (const piece of cleanText(raw, "md").split(/\n|\|/u)) {
        const key = quoteKey(piece);
        if (key.length < 3) continue;
        pieces++;
        if (!original.includes(key)) misses.push(`${name}: ${piece.slice(0, 100)}`);
      }
    }
    expect(pieces).toBeGreaterThan(10_000);
    expect(misses).toEqual([]);
  });
});
