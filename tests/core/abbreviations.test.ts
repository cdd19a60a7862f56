import { existsSync, readdirSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { abbreviationList, abbreviationsFor, expandWritten, foldedWords } from "../../core/abbreviations.js";
import { fold, tokens } from "../../core/text.js";

describe("administrative abbreviations", () => {
  it("spells out abbreviations in any case, with or without diacritics, run together or hyphenated", () => {
    expect(expandWritten(tokens("Chương trình MTQG vùng DTTS")).join(" ")).toBe("Chương trình mục tiêu quốc gia vùng dân tộc thiểu số");
    expect(foldedWords("phat trien kt-xh dbscl").join(" ")).toBe("phat trien kinh te xa hoi dong bang song cuu long");
    expect(foldedWords("KHCN&ĐMST")).toEqual(tokens(fold("khoa học, công nghệ và đổi mới sáng tạo")));
    expect(expandWritten(tokens("Kết luận 229-KL/TW"))).toEqual(tokens("Kết luận 229-KL/TW"));
  });

  it("turns a spelled-out phrase of a question back into its abbreviation for search", () => {
    expect(abbreviationsFor(["chuong", "trinh", "muc", "tieu", "quoc", "gia", "giam", "ngheo"])).toContain("mtqg");
    // "và" is not a search word: "khoa học và công nghệ" arrives without it.
    expect(abbreviationsFor(["khoa", "hoc", "cong", "nghe"])).toEqual(expect.arrayContaining(["kh cn", "khcn"]));
    expect(abbreviationsFor(["muc", "tieu", "giam", "ngheo"])).toEqual([]);
  });
});

const SHARED = new URL("../../../shared/ext/", import.meta.url);
describe.skipIf(!existsSync(SHARED))("abbreviations as the documents write them", () => {
  // Read when a test runs, not while tests are collected: a skipped suite must not touch ../shared.
  let text = "";
  let folded = "";
  beforeAll(() => {
    text = ["directives", "news"]
      .flatMap((d) => readdirSync(new URL(`${d}/`, SHARED)).map((f) => readFileSync(new URL(`${d}/${f}`, SHARED), "utf8")))
      .join("\n");
    folded = ` ${tokens(fold(text)).join(" ")} `;
  });
  /** The abbreviation as a whole word (its parts joined by any punctuation), in any case. */
  const pattern = (abbr: string) => new RegExp(`(?<![\\p{L}\\p{N}])${tokens(abbr).join("\\W{1,3}")}(?![\\p{L}\\p{N}])`, "giu");

  it("never reads an ordinary lower-case word as an abbreviation (web addresses aside)", () => {
    for (const [abbr] of abbreviationList()) {
      for (const m of text.matchAll(pattern(abbr))) {
        if (m[0] === m[0].toUpperCase()) continue;
        // The run of non-space characters holding it: an address or a page's slug ("...-khcn-doi-moi-...").
        const start = text.lastIndexOf(" ", m.index) + 1;
        const end = text.slice(m.index).search(/\s/);
        const run = text.slice(start, end < 0 ? undefined : m.index + end);
        expect(run, abbr).toMatch(/[/.]|(?:-[a-z0-9]+){3}/);
      }
    }
  });

  it("the phrase of each abbreviation the documents use is written out in them too", () => {
    const used = abbreviationList().filter(([abbr]) => pattern(abbr).test(text));
    expect(used.length).toBeGreaterThan(30);
    for (const [abbr, phrase] of used) expect(folded.includes(` ${tokens(fold(phrase)).join(" ")} `), abbr).toBe(true);
  });
});
