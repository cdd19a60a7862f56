/**
 * Which further passages an answer cites (qa/policy.ts followMargin, followLexicalShare, followOtherMargin):
 * more of the best passage's document when BM25 scores it nearly as high; not one that holds only some of
 * the question's words; another document's passage only when it is a near tie, since one that merely shares
 * the question's words (a flu campaign for a measles question) is seldom the answer.
 */
import { describe, expect, it } from "vitest";
import { POLICY } from "../../qa/policy.js";
import { useSampleApp } from "../helpers/app.js";

const plan = `ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
Số: 45/KH-UBND
KẾ HOẠCH
Tiêm chủng vắc xin sởi năm 2026

1. Tổ chức tiêm vắc xin sởi cho trẻ em từ 1 đến 5 tuổi tại trạm y tế xã, hoàn thành trong quý I năm 2026.
2. Rà soát trẻ em từ 1 đến 5 tuổi chưa tiêm đủ hai mũi vắc xin sởi để tiêm bù tại trạm y tế xã.
3. Tổ chức tiêm vắc xin sởi cho trẻ em từ 1 đến 5 tuổi tại trạm y tế xã vào các ngày tiêm chủng hằng tháng.
`;

const news = `Hà Tĩnh: tiêm phòng cúm mùa
Sáng 10/3, Sở Y tế tỉnh Hà Tĩnh cho biết đã tổ chức tiêm vắc xin phòng cúm cho trẻ em tại trạm y tế xã trong tháng 3.
`;

const question = "Tiêm vắc xin sởi cho trẻ em từ 1 đến 5 tuổi tại trạm y tế xã được tổ chức thế nào?";
const cited = async () => (await app().answerer.ask(question)).citations.map((c) => `${c.doc}: ${c.quote.slice(0, 20)}`);

const app = useSampleApp({ "kh45.txt": plan, "tin-cum.txt": news });

describe("the passages that follow the best one", () => {
  it("cites more of the best passage's document, and not another document's passage that only shares words", async () => {
    // Items 1 and 3 say the question alike (either may come first); item 2 holds only some of its words.
    expect((await cited()).sort()).toEqual(["kh45.txt: 1. Tổ chức tiêm vắc ", "kh45.txt: 3. Tổ chức tiêm vắc "]);
  });

  it("would cite the document's passage that holds only some of the question's words without the BM25 share", async () => {
    const own = POLICY.answering.followLexicalShare;
    POLICY.answering.followLexicalShare = 0;
    try {
      expect(await cited()).toContain("kh45.txt: 2. Rà soát trẻ em từ");
    } finally {
      POLICY.answering.followLexicalShare = own;
    }
  });

  it("would cite that other passage under the same-document margin: the fixture is a near miss, not a far one", async () => {
    const own = POLICY.answering.followOtherMargin;
    POLICY.answering.followOtherMargin = POLICY.answering.followMargin;
    try {
      expect(await cited()).toContain("tin-cum.txt: Hà Tĩnh: tiêm phòng ");
    } finally {
      POLICY.answering.followOtherMargin = own;
    }
  });
});
