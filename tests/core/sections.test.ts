import { describe, expect, it } from "vitest";
import { itemMarkStart } from "../../core/sections.js";

describe("itemMarkStart", () => {
  const at = (text: string, words: string) => itemMarkStart(text, text.indexOf(words));
  it("takes the mark of the item a quote opens, whatever its kind", () => {
    for (const [text, mark] of [
      ["Điều 3.\n4. Nghị quyết này có hiệu lực", "4. "], ["x\n  a) Hướng dẫn cơ chế", "a) "], ["x\n(2) Ít nhất 85%", "(2) "],
      ["x\n- Lập sổ theo dõi", "- "], ["x\n**1.** Có trách nhiệm", "**1.** "], ["x\n2.1. Rà soát", "2.1. "], ["x\nII. Nhiệm vụ", "II. "],
      ["x\n(iii) Ủy ban nhân dân tỉnh chỉ đạo", "(iii) "], ["x\na. Chủ trì", "a. "],
    ] as const) {
      const words = text.slice(text.indexOf(mark) + mark.length);
      expect(text.slice(at(text, words))).toBe(`${mark}${words}`);
    }
  });

  it("leaves a quote that starts in running text, or after other words on its line, where it starts", () => {
    expect(at("Giao Sở Y tế chủ trì", "Sở Y tế")).toBe(5);
    expect(at("x\n4. Giao Sở Y tế chủ trì", "Sở Y tế")).toBe(10);
    expect(at("Nghị quyết này có hiệu lực", "Nghị quyết")).toBe(0);
  });
});
