import { describe, expect, it } from "vitest";
import { cutQuote, displayQuote, displayText } from "../../present/quote.js";

describe("quotes as people read them", () => {
  it("a Markdown table row is shown as its cells, the row number with its cell, separator rows dropped", () => {
    expect(displayQuote("| 20. | Sửa đổi Luật Tổ chức Chính phủ | Bộ Nội vụ | 2/2025 |"))
      .toBe("20. Sửa đổi Luật Tổ chức Chính phủ · Bộ Nội vụ · 2/2025");
    expect(displayQuote("| STT | Nội dung |\n|---|:--:|\n| 1 | Rà soát |")).toBe("STT · Nội dung\n1 Rà soát");
  });

  it("a news page's date line is dropped at the start of a quote and after the words that introduce it", () => {
    expect(displayQuote("date 2026-01-08\nBộ Nội vụ chủ trì.")).toBe("Bộ Nội vụ chủ trì.");
    expect(displayText("Theo Tin bài ngày 8/1/2026, đoạn 1: date 2026-01-08 Bộ Nội vụ chủ trì.")).toBe("Theo Tin bài ngày 8/1/2026, đoạn 1: Bộ Nội vụ chủ trì.");
  });

  it("leaves prose, its line breaks and a date inside a sentence as written", () => {
    const prose = "Giao Bộ Nội vụ chủ trì, hoàn thành trước ngày 30/11/2025.\n\nBáo cáo Thủ tướng.";
    expect(displayQuote(prose)).toBe(prose);
    expect(displayQuote("Họp ngày 8/1 (date 2026-01-08 trong hệ thống).")).toBe("Họp ngày 8/1 (date 2026-01-08 trong hệ thống).");
  });

  it("a long quote is cut where a word ends, with …", () => {
    const q = "Giao Bộ Nội vụ chủ trì xây dựng đề án";
    expect(cutQuote(q, 20)).toBe("Giao Bộ Nội vụ chủ…");
    expect(cutQuote(q, 100)).toBe(q);
  });
});
