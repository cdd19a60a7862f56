import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Section } from "../../core/types.js";
import { cleanText } from "../../ingest/clean.js";
import { PREAMBLE_LABEL, RECIPIENTS_LABEL } from "../../core/sections.js";
import { splitSections } from "../../ingest/sections.js";

const SAMPLE = new URL("../../sample-corpus/", import.meta.url);
const cleaned = (name: string) => cleanText(readFileSync(new URL(name, SAMPLE), "utf8"), "txt");
const byLabel = (sections: Section[], label: string) => {
  const s = sections.find((x) => x.label === label);
  if (!s) throw new Error(`no section ${label}: ${sections.map((x) => x.label).join(", ")}`);
  return s;
};
const romans = (n: number) => ["i", "ii", "iii", "iv", "v", "vi", "vii"].slice(0, n).map((r) => `(${r})`);

/** Every section's offsets are sane and nest inside its parent. */
function checkOffsets(text: string, sections: Section[]) {
  sections.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(s.start).toBeLessThanOrEqual(s.end);
    expect(text.slice(s.end - 1, s.end)).toMatch(/\S/u);
    expect(text[s.start]).toMatch(/\S/u);
    if (s.parent !== null) {
      const p = sections[s.parent]!;
      expect(p.index).toBeLessThan(i);
      expect(s.depth).toBe(p.depth + 1);
      expect(s.start).toBeGreaterThanOrEqual(p.start);
      expect(s.end).toBeLessThanOrEqual(p.end);
    }
  });
}

describe("splitSections on sample 002 (inline (i) (ii) ... items)", () => {
  const text = cleaned("002_f51bd1bc98d5fad9.txt");
  const sections = splitSections(text, "ket_luan");

  it("has 1 with (i)-(vii), 2 with (i)-(ii), 3 with (i)-(iii), 4 with (i)-(iii), label by label", () => {
    const expected = [
      PREAMBLE_LABEL,
      "1", ...romans(7).map((r) => `1 ${r}`),
      "2", ...romans(2).map((r) => `2 ${r}`),
      "3", ...romans(3).map((r) => `3 ${r}`),
      "4", ...romans(3).map((r) => `4 ${r}`),
      RECIPIENTS_LABEL,
    ];
    expect(sections.map((s) => s.label)).toEqual(expected);
    checkOffsets(text, sections);
  });

  it("cuts item 3 (ii) exactly, with its marker, parent and heading", () => {
    const s = byLabel(sections, "3 (ii)");
    expect(s.marker).toBe("(ii)");
    expect(s.depth).toBe(1);
    expect(sections[s.parent!]!.label).toBe("3");
    expect(text.slice(s.start, s.end)).toBe("Tham mưu Ban Bí thư ban hành Quy định giải quyết khiếu nại về xoá tên đảng viên.");
    expect(s.heading).toBe(text.slice(s.start, s.end));
    expect(byLabel(sections, "3").heading).toBe("Giao Ban Tổ chức Trung ương:");
    expect(text.slice(byLabel(sections, "3").start, byLabel(sections, "3").end)).toMatch(/^Giao Ban Tổ chức Trung ương: \(i\) Chủ động[\s\S]*chính quyền địa phương 2 cấp\.$/u);
  });

  it("keeps a paragraph broken by a page break inside one item", () => {
    const s = byLabel(sections, "1 (vi)");
    expect(text.slice(s.start, s.end)).toContain("chưa toàn tâm, toàn ý, thiếu trách nhiệm");
    expect(text.slice(s.start, s.end).endsWith("nâng cao chất lượng đội ngũ cán bộ ở cơ sở.")).toBe(true);
  });

  it("ends the body at Nơi nhận and keeps the preamble before item 1", () => {
    const pre = sections[0]!;
    expect(text.slice(pre.start, pre.end)).toMatch(/^KẾT LUẬN[\s\S]*trong quý II\/2026 như sau:$/u);
    expect(text.slice(byLabel(sections, RECIPIENTS_LABEL).start)).toMatch(/^Nơi nhận:[\s\S]*Trần Cẩm Tú$/u);
    expect(text.slice(byLabel(sections, "4 (iii)").start, byLabel(sections, "4 (iii)").end).endsWith("ngày 07/3/2026 của Văn phòng Trung ương Đảng.")).toBe(true);
  });
});

describe("splitSections on sample 000 ((1)-(6) under item 2, across paragraphs)", () => {
  const text = cleaned("000_bc2115a807619c08.txt");
  const sections = splitSections(text, "ket_luan");

  it("has items 1-6 with (1)-(6) under 2", () => {
    expect(sections.map((s) => s.label)).toEqual([
      PREAMBLE_LABEL, "1", "2", "2 (1)", "2 (2)", "2 (3)", "2 (4)", "2 (5)", "2 (6)", "3", "4", "5", "6", RECIPIENTS_LABEL,
    ]);
    checkOffsets(text, sections);
  });

  it("never takes a parenthesis in prose for an item", () => {
    const s = byLabel(sections, "2 (1)");
    expect(text.slice(s.start, s.end)).toContain("(các đảng bộ cấp trên trực tiếp");
    expect(text.slice(s.start, s.end)).toMatch(/^Tổ chức đại hội đảng bộ các cấp bảo đảm đúng tiến độ/u);
    expect(text.slice(byLabel(sections, "2 (3)").start, byLabel(sections, "2 (3)").end)).toBe("Khắc phục triệt để các tồn tại, hạn chế được chỉ ra.");
    expect(text.slice(byLabel(sections, "2 (4)").start)).toMatch(/^Khẩn trương kiện toàn/u);
    expect(byLabel(sections, "2").heading).toMatch(/tập trung lãnh đạo, chỉ đạo:$/u);
  });
});

describe("splitSections on other shapes", () => {
  it("nests roman headings, numbered items, 4.1 items and a) items; Điều alone on its line; 1.1 stands for its parent's number", () => {
    const text = [
      "QUYẾT ĐỊNH", "I. MỤC TIÊU", "1. Hoàn thành chuyển đổi số.", "a) Trong năm 2026;", "b) Trong năm 2027.",
      "2. Bảo đảm an toàn.", "II. NHIỆM VỤ", "1. Bộ Nội vụ chủ trì:", "1.1. Xây dựng đề án.", "1.2. Trình Chính phủ.",
      "Điều 1.", "Hiệu lực thi hành.", "đ) điểm lạc chỗ không theo thứ tự.",
    ].join("\n");
    const sections = splitSections(text, "quyet_dinh");
    expect(sections.map((s) => s.label)).toEqual([
      PREAMBLE_LABEL, "I", "I 1", "I 1 a)", "I 1 b)", "I 2", "II", "II 1", "II 1.1", "II 1.2", "Điều 1",
    ]);
    expect(text.slice(sections.at(-1)!.start)).toBe("Hiệu lực thi hành.\nđ) điểm lạc chỗ không theo thứ tự.");
    expect(sections.find((s) => s.label === "II 1")!.heading).toBe("Bộ Nội vụ chủ trì:");
    checkOffsets(text, sections);
  });

  it("accepts an inline sequence only after a colon and only in order", () => {
    const text = "1. Giao Bộ Tài chính: a) Bố trí kinh phí; b) Hướng dẫn thanh toán (c) không phải mục. (ii) Cũng không.\n2. Bộ Nội vụ theo dõi, (1) không phải mục.";
    expect(splitSections(text, "ket_luan").map((s) => s.label)).toEqual(["1", "1 a)", "1 b)", "2"]);
  });

  it("gives news (and unnumbered text) one section per paragraph", () => {
    const text = cleaned("004_689f6d3b9e3d36b8.txt");
    const sections = splitSections(text, "news");
    const paragraphs = text.split(/\n\n/u);
    expect(sections.map((s) => s.label)).toEqual(paragraphs.map((_, i) => `đoạn ${i + 1}`));
    expect(text.slice(sections[1]!.start, sections[1]!.end)).toBe(paragraphs[1]);
    expect(splitSections("Đoạn một.\n\nĐoạn hai.", "other").map((s) => s.label)).toEqual(["đoạn 1", "đoạn 2"]);
  });

  it("reads letters with a full stop ('a. Chủ trì ...') as list items, at a line's start and before a capital only", () => {
    const text = "Điều 1. Trách nhiệm\n\n1. Sở Văn hóa, Thể thao và Du lịch\n\na. Chủ trì tuyên truyền.\n\nb. Phối hợp kiểm tra theo điểm a. Khoản 2.\n\nc. báo cáo.";
    expect(splitSections(text, "quy_dinh").map((s) => s.label)).toEqual(["Điều 1", "Điều 1 1", "Điều 1 1 a", "Điều 1 1 b"]);
  });

  it("starts an appendix as a new top-level section with its own numbering", () => {
    const text = "1. Nội dung chính.\n\nNơi nhận:\n- Như trên.\n\nPHỤ LỤC II\n\nI. Nhiệm vụ\n\n1. Việc một.";
    expect(splitSections(text, "ke_hoach").map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL, "Phụ lục II", "Phụ lục II I", "Phụ lục II I 1"]);
  });

  it("starts the plan a decision issues, after its signature, as a new top-level part", () => {
    const text = "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n\nNơi nhận:\n- Như trên.\n\nKẾ HOẠCH\n\nthực hiện chuyển đổi số\n\nI. MỤC ĐÍCH\n\n1. Hoàn thành.";
    const sections = splitSections(text, "quyet_dinh");
    expect(sections.map((s) => s.label)).toEqual(["Điều 1", RECIPIENTS_LABEL, "Kế hoạch", "Kế hoạch I", "Kế hoạch I 1"]);
    expect(text.slice(sections[2]!.start, sections[2]!.end)).toMatch(/^KẾ HOẠCH\n\nthực hiện[\s\S]*Hoàn thành\.$/u);
  });

  it("labels a decimal item by its own number, which spells its parents' ('4.2', not '4 4.2')", () => {
    const text = "1. Mở đầu.\n2. Về phân công:\n2.1. Giao Bộ Y tế chủ trì.\n2.1.1. Việc thứ nhất.\n2.2. Giao Bộ Công an:\na) Việc một;";
    expect(splitSections(text, "thong_bao").map((s) => s.label)).toEqual(["1", "2", "2.1", "2.1.1", "2.2", "2.2 a)"]);
    const roman = "I. MỤC TIÊU\n1. Việc khác.\n1.1. Việc con.\n1.2. Việc con nữa.";
    expect(splitSections(roman, "ke_hoach").map((s) => s.label)).toEqual(["I", "I 1", "I 1.1", "I 1.2"]);
    // A decimal number that does not spell its parent's keeps the chain.
    expect(splitSections("1. Danh mục:\n3.1. Thủ tục một.\n3.2. Thủ tục hai.", "quyet_dinh").map((s) => s.label)).toEqual(["1", "1 3.1", "1 3.2"]);
  });

  it("ends the recipients and the signature where an attached table, text or appendix begins", () => {
    const letter = "1. Nội dung.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNguyễn Văn A";
    const appendix = splitSections(`${letter}\n\nPhụ lục 1: DANH MỤC NHIỆM VỤ\n\n| TT | NHIỆM VỤ |\n| 1. | Xây dựng đề án. |`, "bao_cao");
    expect(appendix.map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL, "Phụ lục 1"]);
    expect(byLabel(appendix, RECIPIENTS_LABEL).end).toBeLessThan(byLabel(appendix, "Phụ lục 1").start);
    const table = splitSections(`${letter}\n\nCăn cứ pháp lý\n\n| 1 | 1.012507 | Cấp chứng chỉ nghiệp vụ |`, "quyet_dinh");
    expect(table.map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL, "Phụ lục"]);
    expect(splitSections(`${letter}\n\n| Bước 1 | Bộ phận tiếp nhận hồ sơ |`, "quyet_dinh").map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL, "Phụ lục"]);
    // The items of an appendix without a number do not read as other appendices.
    const items = splitSections(`${letter}\n\n| 1 | 1.014390 | Thay đổi giấy chứng nhận |\n\n1. Trình tự thực hiện\n\n2. Cơ quan thực hiện`, "quyet_dinh");
    expect(items.map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL, "Phụ lục", "Phụ lục mục 1", "Phụ lục mục 2"]);
    expect(text(table, "Phụ lục", `${letter}\n\nCăn cứ pháp lý\n\n| 1 | 1.012507 | Cấp chứng chỉ nghiệp vụ |`)).toMatch(/^\| 1 \| 1\.012507/u);
    const draft = splitSections(`${letter}\n\nDỰ THẢO BÁO CÁO Kết quả triển khai\n\nI. CÔNG TÁC CHỈ ĐẠO\n\n1. Ban Chỉ đạo được thành lập.`, "bao_cao");
    expect(draft.map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL, "Dự thảo", "Dự thảo I", "Dự thảo I 1"]);
    const row = splitSections(`1. Nội dung.\n\nNơi nhận:\n- Lưu: VT.\n\n| CHỦ TỊCH Nguyễn Văn A | PHỤ LỤC 01 QUY ĐỊNH MỘT SỐ CHẾ ĐỘ |\n| I | Nội dung chi |`, "nghi_quyet");
    expect(row.map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL, "Phụ lục 01"]);
    // The signature and a short line after the list stay in the recipients section.
    expect(splitSections(letter, "bao_cao").map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL]);
  });
});

function text(sections: Section[], label: string, source: string): string {
  const s = byLabel(sections, label);
  return source.slice(s.start, s.end);
}

describe("the recipients section keeps a footnote", () => {
  it("does not take a footnote after the signature for an attached text", () => {
    const note = "[1] Gồm các đồng chí Uỷ viên Trung ương Đảng: " + "Nguyễn Văn A, Chánh Văn phòng; ".repeat(8);
    expect(splitSections(`1. Nội dung.\n\nNơi nhận:\n- Lưu: VT.\n\n${note}`, "thong_bao").map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL]);
    // A note that goes on over a second paragraph is still the note.
    const more = "Tài chính, (v) Công thương, (vi) Thanh tra Chính phủ; " + "(vii) Học viện Chính trị Quốc gia, ".repeat(5);
    expect(splitSections(`1. Nội dung.\n\nNơi nhận:\n- Lưu: VT.\n\n${note}\n\n${more}`, "cong_dien").map((s) => s.label)).toEqual(["1", RECIPIENTS_LABEL]);
  });
});
