/**
 * The matter a question names beside a body narrows the body's list by the matter's rare words: a task
 * that shares only its common words ("tổ chức", "năm") is not on it (qa/assigned.ts onMatter).
 */
import { describe, expect, it } from "vitest";
import { weightedWordShare } from "../../qa/retrieve.js";
import { useSampleApp } from "../helpers/app.js";

const NOTICE = `VĂN PHÒNG CHÍNH PHỦ
Số: 901/TB-VPCP
THÔNG BÁO
Kết luận về công tác đối ngoại năm 2026

1. Bộ Ngoại giao chủ trì tổ chức các hoạt động kỷ niệm Năm hữu nghị Việt Nam - Lào.
2. Bộ Ngoại giao chủ trì tổ chức lễ tổng kết công tác ngoại giao kinh tế năm 2026.
3. Bộ Ngoại giao chủ trì tổ chức đón các đoàn khách quốc tế dự năm du lịch quốc gia.
4. Bộ Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Bộ Ngoại giao tổ chức tuần văn hóa ASEAN.
`;

const app = useSampleApp({ "tb901.txt": NOTICE });

describe("a body's list narrowed by the matter the question names", () => {
  it("keeps the task that holds the matter's rare words and leaves out those sharing only common ones", async () => {
    const a = await app().answerer.ask("Bộ Ngoại giao được giao gì về tổ chức năm hữu nghị?");
    expect(a.found).toBe(true);
    const quotes = a.citations.map((c) => c.quote);
    expect(quotes).toEqual([expect.stringContaining("Năm hữu nghị Việt Nam - Lào")]);
  });

  it("leaves out of the matter a word no stored text holds, which tells no task apart", async () => {
    // "hữu nghị": the task; "xyzfest", "qwgala": no document holds them (as English words the glossary lacks).
    const a = await app().answerer.ask("Bộ Ngoại giao được giao gì về hữu nghị xyzfest qwgala?");
    expect(a.citations.map((c) => c.quote)).toEqual([expect.stringContaining("Năm hữu nghị Việt Nam - Lào")]);
    // From the assignment table, not from passages searched instead.
    expect(a.listing?.total).toBe(1);
  });
});

describe("a body's list narrowed by the role the question asks", () => {
  it("lists what the body joins when asked what it coordinates, and says which tasks command shows them all", async () => {
    const a = await app().answerer.ask("Bộ Ngoại giao phối hợp những việc gì?");
    expect(a.citations.map((c) => c.quote)).toEqual([expect.stringContaining("tuần văn hóa ASEAN")]);
    expect(a.listing).toMatchObject({ total: 1, role: "coordinate" });
  });

  it("lists what it leads when asked what it leads", async () => {
    const a = await app().answerer.ask("Bộ Ngoại giao chủ trì những việc gì?");
    expect(a.citations).toHaveLength(3);
    expect(a.citations.map((c) => c.quote).join(" ")).not.toContain("ASEAN");
  });
});

describe("how much of a matter a text holds", () => {
  const weights = new Map([["thanh", 1], ["hoa", 1], ["tinh", 1]]);
  it("counts a syllable fully beside the word it stands beside in the question, half alone", () => {
    const matter = ["tinh", "thanh", "hoa"];
    const pairs = ["tinh thanh", "thanh hoa"];
    expect(weightedWordShare(matter, pairs, weights, "làm việc với lãnh đạo tỉnh Thanh Hóa")).toBe(1);
    // "Thanh" of a person's name and "hóa" of "hiện đại hóa": each word is there, none beside its neighbour.
    expect(weightedWordShare(matter, pairs, weights, "đồng chí Bùi Thanh Sơn về hiện đại hóa tỉnh")).toBe(0.5);
  });
});

describe("a passage answer to a question that names a body and a matter", () => {
  it("is found when the passage holds the matter, and refused when it holds only the body's name", async () => {
    const held = await app().answerer.ask("Bộ Ngoại giao tổ chức lễ tổng kết công tác ngoại giao kinh tế vào thời gian nào?");
    expect(held.found, held.answer).toBe(true);
    expect(held.citations[0]?.quote).toContain("ngoại giao kinh tế");
    // The notice names Bộ Ngoại giao and "tổ chức", "lễ", but no fireworks at sea.
    const other = await app().answerer.ask("Bộ Ngoại giao phải tổ chức lễ hội pháo hoa trên biển vào thời gian nào?");
    expect(other.found, other.answer).toBe(false);
  });
});
