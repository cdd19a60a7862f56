import { describe, expect, it } from "vitest";
import { fold } from "../../core/text.js";
import { personNameAfter, titleBefore } from "../../core/titles.js";

describe("titles of persons", () => {
  it("finds a head's or a leader's title right before a name", () => {
    const before = (s: string) => titleBefore(fold(s));
    expect(before("Bộ trưởng ")).toBe("Bộ trưởng ".length);
    expect(before("Theo công điện, Bí thư ")).toBe("Bí thư ".length);
    expect(before("Phó Chủ tịch ")).toBe("Phó Chủ tịch ".length);
    expect(before("Theo báo cáo của ")).toBe(0);
    // A title is a whole word: "Ngân sách quốc gia ông" has none, "thông" is not "ông".
    expect(before("Bộ Thông ")).toBe(0);
  });

  it("reads three or four capitalised syllables opening with a family name as a person's name", () => {
    const after = (s: string, anchor: string) => personNameAfter(s, s.indexOf(anchor) + anchor.length);
    expect(after("Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng phải báo cáo gì?", "Bộ Tài chính")).toBe(" Nguyễn Văn Thắng".length);
    expect(after("Phó Thủ tướng Phạm Thị Thanh Trà yêu cầu", "Phó Thủ tướng")).toBe(" Phạm Thị Thanh Trà".length);
    // Two syllables are more often a place; a run that opens with no family name is no person.
    expect(after("Sở Y tế Đắk Lắk Hà Nội được giao gì?", "Đắk Lắk")).toBe(0);
    expect(after("Bộ Tài chính Hướng Dẫn Thực Hiện", "Bộ Tài chính")).toBe(0);
    expect(after("bo tai chinh nguyen van thang", "bo tai chinh")).toBe(0);
  });
});
