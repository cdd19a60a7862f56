import { describe, expect, it } from "vitest";
import { isFunctionWord, verificationTags } from "../../core/stopwords.js";
import { fold, foldAligned, foldKey, hasDiacritics, intToRoman, matchKey, nameKey, romanToInt, tokens, unifyTone } from "../../core/text.js";

describe("Vietnamese text rules", () => {
  it("unifies old and new tone placement, but not the u of 'qu'", () => {
    expect(unifyTone("Uỷ ban, hoà bình, thuỷ lợi")).toBe("Ủy ban, hòa bình, thủy lợi");
    expect(unifyTone("quý II, Quỹ")).toBe("quý II, Quỹ");
    expect(matchKey("Ban  Tổ chức Trung ương, UỶ BAN")).toBe(matchKey("ban tổ chức trung ương, ủy ban"));
  });

  it("folds every UTF-16 unit below U+2000 with foldAligned as fold() does", () => {
    for (let c = 0; c < 0x2000; c++) {
      const unit = String.fromCharCode(c);
      if (foldAligned(unit).folded !== fold(unit)) expect(foldAligned(unit).folded, `U+${c.toString(16)}`).toBe(fold(unit));
    }
    expect(foldAligned("Ủy ban nhân dân Thành phố Hồ Chí Minh\nΣ İ").folded).toBe(fold("Ủy ban nhân dân Thành phố Hồ Chí Minh\nΣ İ"));
  });

  it("folds diacritics including đ, which Unicode decomposition leaves alone", () => {
    expect(fold("Đảng uỷ Bộ Nội vụ")).toBe("dang uy bo noi vu");
    expect(foldKey("Thông báo 634/TB-VPCP!")).toBe("thong bao 634/tb-vpcp");
    expect(hasDiacritics("ban to chuc tw")).toBe(false);
    expect(hasDiacritics("Ban Tổ chức")).toBe(true);
  });

  it("spells out abbreviations in names of bodies", () => {
    expect(nameKey("UBND TP. Hồ Chí Minh")).toBe(nameKey("Ủy ban nhân dân Thành phố Hồ Chí Minh"));
    expect(nameKey("HĐND tỉnh Đồng Nai")).toBe("hoi dong nhan dan tinh dong nai");
  });

  it("splits tokens like the full-text index and reads roman numerals", () => {
    expect(tokens("Kết luận 229-KL/TW, quý II")).toEqual(["Kết", "luận", "229", "KL", "TW", "quý", "II"]);
    expect(romanToInt("XIV")).toBe(14);
    expect(romanToInt("quý")).toBeUndefined();
    expect(intToRoman(4)).toBe("IV");
  });

  it("drops function words without dropping content words that fold to the same letters", () => {
    expect(isFunctionWord("đang", "vi")).toBe(true);
    expect(isFunctionWord("Đảng", "vi")).toBe(false);
    expect(isFunctionWord("dang", "vi")).toBe(false);
    expect(isFunctionWord("thẻ", "vi")).toBe(false);
    expect(isFunctionWord("cơ", "vi")).toBe(false);
    expect(isFunctionWord("của", "vi")).toBe(true);
    expect(isFunctionWord("cua", "vi")).toBe(true);
    expect(isFunctionWord("the", "en")).toBe(true);
    expect(isFunctionWord("the", "vi")).toBe(false);
    expect(isFunctionWord("vậy", "vi")).toBe(true);
    expect(isFunctionWord("vay", "vi")).toBe(false); // "cho vay"
  });

  it("finds the tag of a statement to check, and no tag in a question that only ends like one", () => {
    const tagged = (text: string) => verificationTags(text).map(([a, b]) => text.slice(a, b).trim());
    expect(tagged("Thông tư 101 có hiệu lực từ 01/01/2019, đúng hay sai?")).toEqual([", đúng hay sai"]);
    expect(tagged("Phí là 100.000 đồng đúng không ạ?")).toEqual(["đúng không ạ"]);
    expect(tagged("Vậy tôi được hưởng mức nào là đúng?")).toEqual(["là đúng"]);
    expect(tagged("Có đúng là Sở Tư pháp giải quyết trong 5 ngày không?")).toEqual(["Có đúng là"]);
    expect(tagged("True or false: the fee is 100,000 dong?")).toEqual(["True or false:"]);
    expect(tagged("phi la 100.000 dong, dung hay sai?")).toEqual([", dung hay sai"]);
    // Folded, "đúng không" is also "(sử) dụng không": only the written tag counts.
    expect(tagged("Kinh phí có được sử dụng không?")).toEqual([]);
    expect(tagged("kinh phi co duoc su dung khong?")).toEqual([]);
    expect(tagged("Thực hiện đúng quy định không?")).toEqual([]);
  });
});

