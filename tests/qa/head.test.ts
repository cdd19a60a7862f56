/**
 * A question names the plan, the province or the regulation an item belongs to, and the item's own text
 * seldom repeats it: the chunk's head (its document's number, issuer, title and heading path) is searched
 * beside its text (qa/policy.ts lexical.headWeight, store/lexical.ts chunkHead).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { POLICY } from "../../qa/policy.js";
import { retrieve } from "../../qa/retrieve.js";
import { understandQuestion } from "../../qa/understand.js";
import { closeTempApp, openSampleApp } from "../helpers/app.js";

const plan = (province: string, number: string, month: string) => `ỦY BAN NHÂN DÂN THÀNH PHỐ ${province.toUpperCase()}
Số: ${number}
KẾ HOẠCH
Thi đua chi trả trợ cấp xã hội không dùng tiền mặt năm 2026

1. Đẩy mạnh chi trả trợ cấp xã hội qua tài khoản ngân hàng cho người hưởng trên địa bàn.
2. Đợt 1 diễn ra trong tháng 3 năm 2026, tập trung mở tài khoản cho người hưởng.
3. Đợt 2 diễn ra trong tháng ${month} năm 2026; các xã báo cáo kết quả sau mỗi đợt.
`;

/** The documents of the ranked passages that hold the item asked about, best first. */
async function itemOrder(question: string): Promise<string[]> {
  const u = understandQuestion(question, { registry: app.registry, now: app.now() });
  return (await retrieve(u, app, {})).filter((r) => r.chunk.text.startsWith("Đợt 2")).map((r) => r.chunk.docName);
}

let app: App & { dir: string };
beforeAll(async () => {
  // The other city's plan is ingested first, so that it wins a tie.
  app = await openSampleApp({ "a-hp.txt": plan("Hải Phòng", "88/KH-UBND", "6"), "b-ct.txt": plan("Cần Thơ", "141/KH-UBND", "9") });
});
afterAll(() => closeTempApp(app));

describe("an item found by the document it belongs to", () => {
  const question = "Ở Cần Thơ, đợt 2 thi đua chi trả trợ cấp diễn ra khi nào?";

  it("ranks the item of the city's plan the question names first, though the item does not name the city", async () => {
    expect(await itemOrder(question)).toEqual(["b-ct.txt", "a-hp.txt"]);
  });

  it("would not without the head: the two plans' items are word for word alike", async () => {
    const own = POLICY.lexical.headWeight;
    POLICY.lexical.headWeight = 0;
    try {
      expect(await itemOrder(question)).toEqual(["a-hp.txt", "b-ct.txt"]);
    } finally {
      POLICY.lexical.headWeight = own;
    }
  });
});
