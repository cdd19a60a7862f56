import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { loadOrgRegistry } from "../../core/orgs.js";
import { expandEnglish, glossarySize, loadGlossary } from "../../qa/glossary.js";
import { understandQuestion } from "../../qa/understand.js";
import { closeTempApp, openSampleApp } from "../helpers/app.js";

const viOf = (q: string) => expandEnglish(q).concepts.map((c) => c.vi);

describe("expandEnglish", () => {
  it("turns the matter of an English question into the Vietnamese phrases documents use", () => {
    const e = expandEnglish("What must provinces do about digital transformation of Party work?");
    expect(e.phrases).toEqual(expect.arrayContaining(["tỉnh", "chuyển đổi số", "công tác đảng"]));
    // "Party work" is one phrase: "Đảng" alone is not searched for.
    expect(e.phrases).not.toContain("Đảng");
  });

  it("prefers the longest entry, whatever the case or number", () => {
    expect(viOf("PARTY MEMBERS")).toEqual([["đảng viên"]]);
    expect(viOf("the Party")).toEqual([["Đảng"]]);
    expect(viOf("ministries merging")).not.toEqual([]);
    expect(viOf("two-level local governments")[0]).toContain("chính quyền địa phương hai cấp");
    expect(viOf("Two level local government")[0]).toContain("chính quyền địa phương hai cấp");
  });

  it("gives every alternative a document may use", () => {
    expect(viOf("training")[0]).toEqual(expect.arrayContaining(["tập huấn", "đào tạo", "bồi dưỡng"]));
    expect(viOf("inspections")[0]).toEqual(expect.arrayContaining(["kiểm tra", "thanh tra"]));
  });

  it("reads the words of amounts and time spans: maximum, at least, ceiling, working days, a loan's term", () => {
    expect(viOf("the maximum loan term and the interest rate ceiling")).toEqual([
      ["tối đa", "không quá"], ["thời hạn vay", "thời hạn cho vay"], ["lãi suất"], ["tối đa", "mức trần"],
    ]);
    expect(viOf("within 15 working days")).toEqual([["ngày làm việc"]]);
    expect(viOf("at least 2 weeks")).toEqual([["ít nhất", "tối thiểu"], ["tuần"]]);
  });

  it("drops question words, keeps words it does not know as one phrase, and reads named spans as names", () => {
    expect(expandEnglish("What is the deadline for it?").concepts.map((c) => c.en)).toEqual(["deadline"]);
    expect(viOf("the Quang Trung campaign")).toEqual([["Quang Trung"], ["chiến dịch", "phong trào"]]);
    const q = "What does the Ministry of Finance report?";
    const index = q.indexOf("Ministry");
    const e = expandEnglish(q, { names: [{ index, length: "Ministry of Finance".length, vi: "Bộ Tài chính" }] });
    expect(e.concepts.map((c) => c.vi)).toEqual([["Bộ Tài chính"], ["báo cáo"]]);
  });

  it("keeps a place name whose syllable spells an English function word, and drops forms of question verbs", () => {
    expect(viOf("In Can Tho, who declares assets?")[0]).toEqual(["Can Tho"]);
    expect(viOf("the dredging of Cua Lo port in Nghe An")).toContainEqual(["Nghe An"]);
    // "finish" asks rather than names; so do "finishing" and "tasked".
    expect(expandEnglish("the deadline for finishing the update").concepts.map((c) => c.en)).toEqual(["deadline", "update"]);
    expect(expandEnglish("What is the department tasked with?").concepts.map((c) => c.en)).toEqual(["department"]);
    // So do forms of words the glossary ignores ("make", "list").
    expect(expandEnglish("making plans for the units listed").concepts.map((c) => c.en)).toEqual(["plan", "unit"]);
  });

  it("reads ordinals as Vietnamese documents write them", () => {
    expect(viOf("the 5th session")).toEqual([["thứ năm", "thứ 5"], ["phiên họp", "kỳ họp"]]);
  });

  it("holds a few hundred entries and rejects an ambiguous file", () => {
    expect(glossarySize()).toBeGreaterThan(300);
    expect(() => loadGlossary({ ignore: [], terms: { merger: ["sáp nhập"], mergers: ["hợp nhất"] } })).toThrow(/repeats/);
    expect(() => loadGlossary({ ignore: [], terms: { the: ["các"] } })).toThrow(/function word/);
    expect(() => loadGlossary({ ignore: [], terms: { merger: [] } })).toThrow(/malformed/);
  });
});

describe("understanding an English question", () => {
  const registry = loadOrgRegistry();
  const now = new Date("2026-01-15T00:00:00Z");

  it("searches English questions with Vietnamese words and organisations by their Vietnamese names", () => {
    const u = understandQuestion("When must the Ministry of Finance report on national reserve goods?", { registry, now });
    expect(u.language).toBe("en");
    expect(u.concepts).toBeDefined();
    expect(u.folded).toEqual(expect.arrayContaining(["bo", "tai", "chinh", "bao", "cao", "du", "tru", "quoc", "gia"]));
    expect(u.folded).not.toContain("reserve");
  });

  it("reads a question with a Vietnamese document reference as English", () => {
    const u = understandQuestion("Who leads the release of national reserve goods under Công điện 226?", { registry, now });
    expect(u.language).toBe("en");
    expect(u.folded).toEqual(expect.arrayContaining(["du", "tru"]));
  });

  it("reads documents named in English by number", () => {
    expect(understandQuestion("What does Conclusion No. 229 assign to the Central Organisation Commission?", { registry, now }).docRefs)
      .toEqual([{ ref: "229", kind: "ket_luan" }]);
    expect(understandQuestion("What does Resolution 66 require of ministries?", { registry, now }).docRefs)
      .toEqual([{ ref: "66", kind: "nghi_quyet" }]);
  });

  it("reads an English question by its words that no Vietnamese syllable spells, not by a list of English words alone", () => {
    const u = understandQuestion("How much monthly support do commune-level police officers in Hanoi receive?", { registry, now });
    expect(u.language).toBe("en");
    // A province named in English reads as documents write it.
    expect(u.concepts).toContainEqual([["ha", "noi"]]);
    expect(u.folded).not.toContain("hanoi");
  });

  it("reads a province named in English as its Vietnamese name", () => {
    for (const [q, name] of [["What must HCMC report on flood relief?", ["ho", "chi", "minh"]], ["Which projects in Danang are listed?", ["da", "nang"]]] as const) {
      expect(understandQuestion(q, { registry, now }).concepts, q).toContainEqual([name]);
    }
  });

  it("leaves Vietnamese questions, with or without diacritics, as they are", () => {
    for (const q of ["so y te ha tinh phai cong khai thu tuc bo nhiem giam dinh vien trong bao lau", "khuyen khich nguoi dan nghien cuu ung dung"]) {
      expect(understandQuestion(q, { registry, now }).language, q).toBe("vi");
    }
    for (const q of ["Hạn chót tổ chức tập huấn cho cấp uỷ viên là khi nào?", "han chot to chuc tap huan cho cap uy vien la khi nao"]) {
      const u = understandQuestion(q, { registry, now });
      expect(u.language).toBe("vi");
      expect(u.concepts).toBeUndefined();
      expect(u.folded).toEqual(["to", "chuc", "tap", "huan", "cap", "uy", "vien"]);
    }
  });
});

// A document of our own: Vietnamese text only, so an English question must cross languages to find it.
const PLAN = `BAN THƯỜNG VỤ TỈNH ỦY SÔNG LAM
Số: 41-KH/TU
KẾ HOẠCH
thực hiện nhiệm vụ năm 2026

1. Các đảng ủy trực thuộc đẩy mạnh chuyển đổi số trong công tác đảng, hoàn thành số hóa hồ sơ đảng viên trước ngày 30/6/2026.
2. Ban Tổ chức Tỉnh ủy tổ chức tập huấn nghiệp vụ cho cán bộ làm công tác kiểm tra, giám sát trong quý III/2026.
3. Văn phòng Tỉnh ủy rà soát, sắp xếp kho lưu trữ tài liệu, báo cáo kết quả trước ngày 15/9/2026.
4. Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với các cơ quan liên quan:
a) Xây dựng phóng sự về gương điển hình tiên tiến trong phong trào thi đua yêu nước;
b) Tổ chức hội thi tìm hiểu lịch sử Đảng bộ tỉnh cho đoàn viên thanh niên.
`;

describe.sequential("English questions over Vietnamese documents", () => {
  let app: App & { dir: string };
  beforeAll(async () => {
    app = await openSampleApp({ "kh41.txt": PLAN });
  });
  afterAll(() => closeTempApp(app));

  it("finds the Vietnamese passage and answers in English", async () => {
    const a = await app.answerer.ask("What must Party committees do about digital transformation of Party work?");
    expect(a.found).toBe(true);
    expect(a.citations[0]).toMatchObject({ doc: "kh41.txt" });
    expect(a.citations[0]!.quote).toContain("chuyển đổi số trong công tác đảng");
    expect(a.answer).toMatch(/^According to /);
    const [doc] = await app.store.findDocuments("kh41.txt");
    const text = (await app.store.getDocument(doc!.id))!.text;
    expect(text).toContain(a.citations[0]!.quote);
  });

  it("gives a deadline in English words, the document's own words quoted", async () => {
    const a = await app.answerer.ask("By when must Party member records be digitised?");
    expect(a.found).toBe(true);
    expect(a.answer).toMatch(/^Deadline 30\/6\/2026 \(“trước ngày 30\/6\/2026”\) \(Kế hoạch 41-KH\/TU, section 1\)/);
    expect(a.citations[0]!.quote).toContain("số hóa hồ sơ đảng viên");
  });

  it("for 'who', cites the lead-in that names the body when the task's own words do not", async () => {
    const a = await app.answerer.ask("Who leads organising the contest on the history of the provincial Party unit for youth?");
    expect(a.found).toBe(true);
    expect(a.citations.map((c) => c.quote)).toEqual([
      expect.stringContaining("Tổ chức hội thi tìm hiểu lịch sử Đảng bộ tỉnh"),
      expect.stringContaining("Ban Tuyên giáo Tỉnh ủy chủ trì"),
    ]);
  });

  it("finds a matter named with another of its Vietnamese words", async () => {
    const a = await app.answerer.ask("Which training on inspection and supervision work is planned?");
    expect(a.found).toBe(true);
    // Two training passages hold three of the four concepts each (the sample's own "tập huấn, bồi dưỡng
    // ... uỷ ban kiểm tra" ties with it): both are cited.
    expect(a.citations.map((c) => c.quote)).toContainEqual(expect.stringContaining("tập huấn nghiệp vụ cho cán bộ làm công tác kiểm tra, giám sát"));
  });

  it("answers an English question about something absent as nothing found, in English", async () => {
    for (const q of ["What must ministries do about visa exemption for international tourists?", "When is the high-speed railway to be put into operation?"]) {
      const a = await app.answerer.ask(q);
      expect(a).toMatchObject({ found: false, citations: [] });
      expect(a.answer).toMatch(/do not answer/);
    }
  });
});

// A procedure rule: its fees, its time of effect and its months, as English speakers ask about them.
const RULE = `BỘ TƯ PHÁP
Số: 07/2026/TT-BTP
THÔNG TƯ
Hướng dẫn chứng thực bản sao

Điều 1. Lệ phí chứng thực
Chứng thực bản sao từ bản chính được miễn phí đối với người có công với cách mạng.

Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 8 năm 2026.
`;

describe.sequential("English words of procedures and legal effect", () => {
  let app: App & { dir: string };
  beforeAll(async () => {
    app = await openSampleApp({ "tt07.txt": RULE });
  });
  afterAll(() => closeTempApp(app));

  const cases: [string, string, string][] = [
    ["Is certifying copies free of charge for people with meritorious services?", "Điều 1", "miễn phí đối với người có công"],
    ["When does Circular 07/2026/TT-BTP take effect?", "Điều 2", "có hiệu lực thi hành kể từ ngày 15 tháng 8 năm 2026"],
    ["Is it true that the circular comes into force in August 2026?", "Điều 2", "có hiệu lực thi hành kể từ ngày 15 tháng 8 năm 2026"],
  ];
  for (const [question, section, quote] of cases) {
    it(`answers "${question}" from the article that says it`, async () => {
      const a = await app.answerer.ask(question);
      expect(a.found).toBe(true);
      expect(a.citations[0]).toMatchObject({ doc: "tt07.txt", section });
      expect(a.citations[0]!.quote).toContain(quote);
    });
  }
});
