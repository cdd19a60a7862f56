import { describe, expect, it } from "vitest";
import { LocalHashEmbeddings } from "../../embeddings/local.js";

const e = new LocalHashEmbeddings({ dimensions: 256 });
const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);
const sim = (a: string, b: string) => cos(e.embedText(a), e.embedText(b));

describe("LocalHashEmbeddings", () => {
  it("is deterministic and L2-normalised, with the configured dimensions", async () => {
    const text = "Ban Tổ chức Trung ương chủ trì, phối hợp với Bộ Nội vụ hoàn thành trong quý II/2026.";
    const a = await e.embedQuery(text);
    const b = (await new LocalHashEmbeddings({ dimensions: 256 }).embedDocuments([text]))[0]!;
    expect(a).toEqual(b);
    expect(a).toHaveLength(256);
    expect(Math.sqrt(cos(a, a))).toBeCloseTo(1, 6);
    expect(new LocalHashEmbeddings({ dimensions: 100 }).embedText(text)).toHaveLength(100);
    expect(e.embedText(" ,.;- ").every((x) => x === 0)).toBe(true);
  });

  it("ignores diacritics, đ and case", () => {
    expect(sim("Tổ chức Đảng các cấp", "to chuc dang cac cap")).toBeGreaterThan(0.6);
    expect(sim("Tổ chức Đảng", "TỔ CHỨC ĐẢNG")).toBeCloseTo(1, 6);
    expect(sim("to chuc dang", "Bộ Y tế khám chữa bệnh")).toBeLessThan(0.15);
    // Weights follow the word as written: unaccented "dang" is not taken for the function word "đang".
    expect(sim("dang uy tinh", "Đảng ủy tỉnh")).toBeCloseTo(1, 5);
  });

  it("ranks shared content above shared function words", () => {
    const query = "của các được trong kinh phí";
    expect(sim(query, "kinh phí năm 2026")).toBeGreaterThan(sim(query, "của các được trong biên chế"));
    expect(sim("những việc của người cán bộ", "những việc của người dân")).toBeLessThan(sim("cán bộ", "cán bộ công chức"));
  });

  it("keeps near-lexical similarity through character 3-grams", () => {
    // "chuyen doi so" shares syllables; "chuyển đổi số hoá" shares 3-grams of a longer word too.
    expect(sim("chuyển đổi số", "chuyen doi so quoc gia")).toBeGreaterThan(sim("chuyển đổi số", "ngân sách nhà nước"));
    expect(sim("quy hoạch", "quy hoach")).toBeGreaterThan(0.6);
    expect(sim("phòng chống tham nhũng", "phong chong tham nhung lang phi")).toBeGreaterThan(0.5);
  });

  it("rejects a nonsensical dimension", () => {
    expect(() => new LocalHashEmbeddings({ dimensions: 0 })).toThrow(RangeError);
  });
});
