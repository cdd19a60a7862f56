import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import { isEmptyQuery, questionQuery, type LexicalQuery } from "../../qa/lexical.js";
import { understandQuestion } from "../../qa/understand.js";

const registry = loadOrgRegistry();
const query = (q: string) => questionQuery(understandQuestion(q, { registry, now: new Date("2026-12-02T00:00:00Z") }));
const parts = (q: LexicalQuery) => [...q.terms, ...q.pairs, ...(q.phrases ?? [])];

describe("the lexical query of a question: BM25 over syllables and neighbouring pairs", () => {
  it("searches every syllable and every neighbouring pair, as written when the question has diacritics", () => {
    const q = query("Thân nhân liệt sĩ được hưởng chế độ ưu đãi gì?");
    expect(q.column).toBe("raw");
    expect(q.terms).toEqual(expect.arrayContaining(["chế", "độ", "liệt", "sĩ"]));
    expect(q.pairs).toEqual(expect.arrayContaining(["chế độ", "liệt sĩ", "ưu đãi"]));
  });

  it("searches the folded text when the question is typed without diacritics", () => {
    const q = query("than nhan liet si duoc huong che do uu dai gi");
    expect(q.column).toBe("folded");
    expect(parts(q)).toEqual(expect.arrayContaining(["liet si", "che do", "uu dai"]));
  });

  it("searches an English question's concepts as the Vietnamese phrases documents use, never a pair across two concepts", () => {
    const q = query("Which training on inspection and supervision work is planned?");
    const p = parts(q);
    expect(p).toEqual(expect.arrayContaining(["tap huan", "kiem tra", "giam sat"]));
    expect(p).not.toContain("tra giam");
  });

  it("has nothing to search in a question made of question words alone", () => {
    expect(isEmptyQuery(query("là gì?"))).toBe(true);
  });
});
