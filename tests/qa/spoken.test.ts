/**
 * People ask in chat the way they speak: "... vậy?", "... không ạ?", "... hả?". The sentence-final
 * particles carry no matter (core/stopwords.ts), so a spoken question is answered as its written form is.
 * They also check a fact by stating it ("..., đúng hay sai?", "Có đúng là ... không?"): the answer cites the
 * passage that states the fact, whether the statement is right or wrong.
 */
import { describe, expect, it } from "vitest";
import { useSampleApp } from "../helpers/app.js";

const circular = `BỘ TÀI CHÍNH
Số: 12/2026/TT-BTC
THÔNG TƯ
Hướng dẫn quản lý kinh phí hỗ trợ chân tay giả cho thương binh

Điều 1. Phạm vi điều chỉnh

Thông tư này hướng dẫn việc lập, chấp hành và quyết toán kinh phí hỗ trợ chân tay giả cho thương binh.

Điều 2. Niên hạn cấp

Chân giả được cấp lại sau 03 năm kể từ lần cấp trước; tay giả được cấp lại sau 04 năm.

Điều 3. Hiệu lực thi hành

Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.
`;

const app = useSampleApp({ "tt12.txt": circular });

describe("spoken questions", () => {
  const pairs: [string, string, string, string][] = [
    ["Thông tư này có hiệu lực từ bao giờ?", "Thông tư này có hiệu lực từ bao giờ vậy ạ?", "Điều 3", "có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026"],
    ["Thông tư này điều chỉnh gì?", "Thông tư này điều chỉnh cái gì vậy?", "Điều 1", "hướng dẫn việc lập, chấp hành và quyết toán"],
    ["Chân giả được cấp lại sau bao nhiêu năm?", "Chân giả thì mấy năm được cấp lại vậy hả?", "Điều 2", "Chân giả được cấp lại sau 03 năm"],
  ];
  for (const [written, spoken, section, quote] of pairs) {
    it(`answers "${spoken}" as its written form`, async () => {
      const w = await app().answerer.ask(written);
      const s = await app().answerer.ask(spoken);
      expect(w.found).toBe(true);
      expect(s.found).toBe(true);
      expect(s.citations[0]?.section).toBe(section);
      expect(s.citations[0]?.quote).toContain(quote);
      expect(s.citations.map((c) => c.quote)).toEqual(w.citations.map((c) => c.quote));
    });
  }
});

describe("statements to check", () => {
  const cases: [string, string, string][] = [
    ["Chân giả được cấp lại sau 03 năm, đúng hay sai?", "Điều 2", "Chân giả được cấp lại sau 03 năm"],
    ["Có đúng là chân giả được cấp lại sau 05 năm không?", "Điều 2", "Chân giả được cấp lại sau 03 năm"],
    ["Thông tư này có hiệu lực thi hành từ ngày 01/01/2027, đúng không ạ?", "Điều 3", "kể từ ngày 01 tháng 7 năm 2026"],
    ["Thông tư này hướng dẫn quyết toán kinh phí chân tay giả, điều này đúng hay sai?", "Điều 1", "quyết toán kinh phí hỗ trợ chân tay giả"],
  ];
  for (const [statement, section, quote] of cases) {
    it(`cites the passage that settles "${statement}"`, async () => {
      const a = await app().answerer.ask(statement);
      expect(a.found).toBe(true);
      expect(a.citations[0]?.section).toBe(section);
      expect(a.citations[0]?.quote).toContain(quote);
    });
  }
});
