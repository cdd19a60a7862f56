import { existsSync, readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { abbreviationsFor, expandWritten, foldedWords } from "../../core/abbreviations.js";
import { PHRASE_SYNONYMS } from "../../core/synonym-lists.js";
import { fold, lowKey, tokens } from "../../core/text.js";

describe("phrasings of the administrative domain", () => {
  it("reads a phrasing people use as the phrase documents write, in questions and passages alike", () => {
    expect(foldedWords("Xử lý nhà đất công còn thừa sau khi sáp nhập").join(" ")).toBe("xu ly nha dat cong doi du sau khi sap xep");
    expect(foldedWords("xử lý tài sản công dôi dư sau sắp xếp").join(" ")).toBe("xu ly tai san cong doi du sau sap xep");
    // Without diacritics too, and a longer phrase before a shorter one inside it.
    expect(foldedWords("bang lai xe bi tuoc").join(" ")).toBe("giay phep lai xe bi tuoc");
    // Documents write a small number with a leading zero as often as without ("02 cấp": 99 times in ../shared/ext).
    expect(foldedWords("VẬN HÀNH MÔ HÌNH CHÍNH QUYỀN ĐỊA PHƯƠNG 02 CẤP").join(" ")).toBe("van hanh mo hinh chinh quyen dia phuong hai cap");
    expect(expandWritten(tokens("Đường sắt tốc độ cao và tàu cao tốc")).join(" ")).toBe("Đường sắt tốc độ cao và đường sắt tốc độ cao");
  });

  it("leaves words that merely contain a phrasing's syllables alone", () => {
    expect(foldedWords("Ủy ban nhân dân tỉnh giao Sở Xây dựng").join(" ")).toBe("uy ban nhan dan tinh giao so xay dung");
    // Where the text has diacritics, a phrase is read as written: "sát lộ" is no "sạt lở", "nghị việc" no "nghỉ việc".
    expect(foldedWords("Quốc lộ sát lộ giới; nghị việc").join(" ")).toBe("quoc lo sat lo gioi nghi viec");
  });

  it("searches a question's phrase in every form a passage may write", () => {
    const forms = abbreviationsFor(tokens(fold("xử lý nhà đất dôi dư")));
    expect(forms).toEqual(expect.arrayContaining(["còn thừa", "con thua", "dư thừa"]));
  });

  it("keeps each group sound: two syllables or more, no phrase in two groups", () => {
    const seen = new Map<string, string>();
    for (const group of PHRASE_SYNONYMS) {
      expect(group.length, group.join(" | ")).toBeGreaterThan(1);
      for (const phrase of group) {
        expect(tokens(phrase).length, phrase).toBeGreaterThan(1);
        const key = tokens(fold(phrase)).join(" ");
        expect(seen.get(key), `"${phrase}" is in two groups`).toBeUndefined();
        seen.set(key, group[0]!);
      }
    }
  });
});

const SHARED = new URL("../../../shared/ext/", import.meta.url);
describe.skipIf(!existsSync(SHARED))("phrasings as the documents write them", () => {
  // Read when a test runs, not while tests are collected: a skipped suite must not touch ../shared.
  let written: string[] = [];
  let folded: string[] = [];
  beforeAll(() => {
    const texts = ["directives", "news"].flatMap((d) => readdirSync(new URL(`${d}/`, SHARED)).map((f) => readFileSync(new URL(`${d}/${f}`, SHARED), "utf8")));
    const congbot = new URL("congbot/corpus_chunks.jsonl", SHARED);
    if (existsSync(congbot)) texts.push(...readFileSync(congbot, "utf8").split("\n").filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    written = texts.flatMap((t) => tokens(t).map(lowKey));
    folded = written.map(fold);
  });

  it("a phrasing typed without diacritics mostly means that phrasing where the documents write one with them", () => {
    // The first phrase of a group reads as itself: only the others are rewritten.
    const phrases = new Map(PHRASE_SYNONYMS.flatMap((g) => g.slice(1)).map((p) => [tokens(fold(p)).join(" "), tokens(p).map(lowKey).join(" ")]));
    const byFirst = new Map<string, string[]>();
    for (const key of phrases.keys()) byFirst.set(key.split(" ")[0]!, [...(byFirst.get(key.split(" ")[0]!) ?? []), key]);
    const seen = new Map<string, { same: number; other: number }>();
    for (let i = 0; i < folded.length; i++) {
      for (const key of byFirst.get(folded[i]!) ?? []) {
        const n = key.split(" ").length;
        if (folded.slice(i, i + n).join(" ") !== key) continue;
        const as = written.slice(i, i + n).join(" ");
        if (as === key) continue; // typed without diacritics: no reading to compare
        const c = seen.get(key) ?? { same: 0, other: 0 };
        if (as === phrases.get(key)) c.same++;
        else c.other++;
        seen.set(key, c);
      }
    }
    const ambiguous = [...seen].filter(([, c]) => c.other > 2 && c.other > c.same / 4).map(([k, c]) => `${phrases.get(k)} ${c.same}/${c.other}`);
    expect(ambiguous).toEqual([]);
  });

  it("the documents write the first phrase of most groups", () => {
    const text = ` ${folded.join(" ")} `;
    const used = PHRASE_SYNONYMS.filter((g) => text.includes(` ${tokens(fold(g[0]!)).join(" ")} `));
    expect(used.length / PHRASE_SYNONYMS.length).toBeGreaterThan(0.9);
  });
});
