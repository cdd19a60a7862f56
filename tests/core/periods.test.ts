import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findPeriods, overlapsRange, parsePeriod } from "../../core/periods.js";
import { RULES } from "../../core/periods/rules.js";
import { groupCount, scanPeriods } from "../../core/periods/scan.js";

// 2026-03-31T18:00Z is already Wednesday 1 April 2026 in Vietnam (UTC+7).
const NOW = new Date("2026-03-31T18:00:00Z");

type Row = [input: string, kind: string, start: string | undefined, end: string | undefined, label: string | undefined];

const TABLE: Row[] = [
  ["quý II/2026", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["Quí IV-2025", "range", "2025-10-01", "2025-12-31", "Q4/2025"],
  ["quý 2 năm 2026", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["quý IV năm 2025", "range", "2025-10-01", "2025-12-31", "Q4/2025"],
  ["Q2/2026", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["Q2 2026", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["q2/2026", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["quy 2/2026", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["second quarter of 2026", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["Q1 2026", "range", "2026-01-01", "2026-03-31", "Q1/2026"],
  ["Quý III/2025", "range", "2025-07-01", "2025-09-30", "Q3/2025"],
  ["QUÝ I/2026", "range", "2026-01-01", "2026-03-31", "Q1/2026"],
  ["Quý I, II/2026", "range", "2026-01-01", "2026-06-30", "Q1-Q2/2026"],
  ["in Q2/2026", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  // English "for 2025" ("declarations for 2025") is the year, as "kê khai năm 2025" is.
  ["for 2025", "range", "2025-01-01", "2025-12-31", "2025"],
  ["6 tháng đầu năm 2026", "range", "2026-01-01", "2026-06-30", "H1/2026"],
  ["6 tháng cuối năm 2025", "range", "2025-07-01", "2025-12-31", "H2/2025"],
  ["first half of 2026", "range", "2026-01-01", "2026-06-30", "H1/2026"],
  ["tháng 8/2025", "range", "2025-08-01", "2025-08-31", "08/2025"],
  ["tháng 8 năm 2025", "range", "2025-08-01", "2025-08-31", "08/2025"],
  ["trong tháng 12 năm 2025", "range", "2025-12-01", "2025-12-31", "12/2025"],
  ["ngay trong tháng 9/2025", "range", "2025-09-01", "2025-09-30", "09/2025"],
  ["Tháng 12/2025", "range", "2025-12-01", "2025-12-31", "12/2025"],
  ["tháng 2/2024", "range", "2024-02-01", "2024-02-29", "02/2024"],
  ["tháng 8, 9/2025", "range", "2025-08-01", "2025-09-30", "08-09/2025"],
  ["12/2025", "range", "2025-12-01", "2025-12-31", "12/2025"],
  ["6/2025", "range", "2025-06-01", "2025-06-30", "06/2025"],
  ["November 2025", "range", "2025-11-01", "2025-11-30", "11/2025"],
  ["tháng Sáu năm 2025", "range", "2025-06-01", "2025-06-30", "06/2025"],
  ["tháng Mười hai năm 2025", "range", "2025-12-01", "2025-12-31", "12/2025"],
  ["trước ngày 30/11/2025", "range", undefined, "2025-11-30", "≤2025-11-30"],
  ["trước ngày 30 tháng 11 năm 2025", "range", undefined, "2025-11-30", "≤2025-11-30"],
  ["trước 15/8", "range", undefined, "2026-08-15", "≤2026-08-15"],
  ["chậm nhất ngày 15/12/2025", "range", undefined, "2025-12-15", "≤2025-12-15"],
  ["hoàn thành trước 31/12/2025", "range", undefined, "2025-12-31", "≤2025-12-31"],
  ["by 30 November 2025", "range", undefined, "2025-11-30", "≤2025-11-30"],
  ["before 2025-11-30", "range", undefined, "2025-11-30", "≤2025-11-30"],
  ["chậm nhất trong tháng 9/2025", "range", undefined, "2025-09-30", "≤09/2025"],
  ["trước tháng 10/2025", "range", undefined, "2025-09-30", "≤2025-09-30"],
  ["ngày 26/3/2026", "range", "2026-03-26", "2026-03-26", "2026-03-26"],
  ["2025-12-08", "range", "2025-12-08", "2025-12-08", "2025-12-08"],
  ["ngày 15 tháng 8 năm 2025", "range", "2025-08-15", "2025-08-15", "2025-08-15"],
  ["ngày 01 tháng12 năm 2025", "range", "2025-12-01", "2025-12-01", "2025-12-01"],
  ["năm 2025", "range", "2025-01-01", "2025-12-31", "2025"],
  ["trong năm 2026", "range", "2026-01-01", "2026-12-31", "2026"],
  ["2025", "range", "2025-01-01", "2025-12-31", "2025"],
  ["đến năm 2030", "range", undefined, "2030-12-31", "≤2030"],
  ["đến hết năm 2025", "range", undefined, "2025-12-31", "≤2025"],
  ["giai đoạn 2026 - 2030", "range", "2026-01-01", "2030-12-31", "2026-2030"],
  ["giai đoạn 2026-2030", "range", "2026-01-01", "2030-12-31", "2026-2030"],
  ["2026 - 2030", "range", "2026-01-01", "2030-12-31", "2026-2030"],
  ["từ năm 2026 đến năm 2030", "range", "2026-01-01", "2030-12-31", "2026-2030"],
  ["từ tháng 9/2025 đến tháng 3/2026", "range", "2025-09-01", "2026-03-31", "09/2025-03/2026"],
  ["thường xuyên", "ongoing", undefined, undefined, "ongoing"],
  ["Thường xuyên", "ongoing", undefined, undefined, "ongoing"],
  ["hằng quý", "recurring", undefined, undefined, "quarterly"],
  ["hàng quý", "recurring", undefined, undefined, "quarterly"],
  ["định kỳ", "recurring", undefined, undefined, "periodic"],
  ["định kỳ 6 tháng", "recurring", undefined, undefined, "every 6 months"],
  ["hằng năm", "recurring", undefined, undefined, "yearly"],
  ["hằng tháng", "recurring", undefined, undefined, "monthly"],
  ["quarterly", "recurring", undefined, undefined, "quarterly"],
  // A time limit counted from an event has no dates of its own.
  ["trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ", "duration", undefined, undefined, "5 working days"],
  ["trong vòng 07 ngày kể từ ngày nhận được kiến nghị", "duration", undefined, undefined, "7 days"],
  ["chậm nhất 10 ngày sau khi kết thúc đợt kiểm tra", "duration", undefined, undefined, "10 days"],
  ["không quá 30 ngày kể từ ngày ký", "duration", undefined, undefined, "30 days"],
  ["tối đa không quá 15 ngày, kể từ khi nhận được đề nghị", "duration", undefined, undefined, "15 days"],
  ["Trong 03 ngày làm việc, kể từ ngày nhận được kiến nghị", "duration", undefined, undefined, "3 working days"],
  // Said to be a limit, with no event: counted from the document.
  ["trong thời hạn 03 ngày làm việc xây dựng quy trình điện tử", "duration", undefined, undefined, "3 working days"],
  ["chậm nhất 10 ngày", "duration", undefined, undefined, "10 days"],
  // Relative to NOW = Wednesday 2026-04-01 in Vietnam.
  ["this month", "range", "2026-04-01", "2026-04-30", "04/2026"],
  ["tháng này", "range", "2026-04-01", "2026-04-30", "04/2026"],
  ["next month", "range", "2026-05-01", "2026-05-31", "05/2026"],
  ["tháng tới", "range", "2026-05-01", "2026-05-31", "05/2026"],
  ["this week", "range", "2026-03-30", "2026-04-05", "2026-W14"],
  ["next week", "range", "2026-04-06", "2026-04-12", "2026-W15"],
  ["tuần tới", "range", "2026-04-06", "2026-04-12", "2026-W15"],
  ["tuần sau", "range", "2026-04-06", "2026-04-12", "2026-W15"],
  ["quý này", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["quý tới", "range", "2026-07-01", "2026-09-30", "Q3/2026"],
  ["năm nay", "range", "2026-01-01", "2026-12-31", "2026"],
  ["năm sau", "range", "2027-01-01", "2027-12-31", "2027"],
  ["quý II năm nay", "range", "2026-04-01", "2026-06-30", "Q2/2026"],
  ["hoàn thành trước cuối năm.", "range", undefined, "2026-12-31", "≤2026"],
  ["đến hết tháng", "range", undefined, "2026-04-30", "≤04/2026"],
  ["chậm nhất cuối quý", "range", undefined, "2026-06-30", "≤Q2/2026"],
];

describe("parsePeriod: the table", () => {
  it("has at least 50 rows", () => expect(TABLE.length).toBeGreaterThanOrEqual(50));
  it.each(TABLE)("%s", (input, kind, start, end, label) => {
    const p = parsePeriod(input, { now: NOW, defaultYear: 2026 });
    expect(p).toBeDefined();
    expect({ kind: p!.kind, start: p!.start, end: p!.end, label: p!.label }).toEqual({ kind, start, end, label });
    expect(input).toContain(p!.text);
  });
});

describe("parsePeriod: text and context", () => {
  it("keeps the words as written, including the deadline words", () => {
    expect(parsePeriod("Hoàn thành trước ngày 30/11/2025.")?.text).toBe("trước ngày 30/11/2025");
    expect(parsePeriod("Thời hạn: trong tháng 9/2025")?.text).toBe("trong tháng 9/2025");
  });

  it("takes a missing year from defaultYear, else from now in Vietnam", () => {
    expect(parsePeriod("trước 15/8", { defaultYear: 2025 })?.end).toBe("2025-08-15");
    // 2025-12-31T17:30Z is 1 January 2026 in Vietnam.
    expect(parsePeriod("trước 15/8", { now: new Date("2025-12-31T17:30:00Z") })?.end).toBe("2026-08-15");
    expect(parsePeriod("trước 15/8", { now: new Date("2025-12-31T16:30:00Z") })?.end).toBe("2025-08-15");
  });

  it("ignores case, diacritics and uỷ/ủy", () => {
    expect(parsePeriod("QUY II/2026")?.label).toBe("Q2/2026");
    expect(parsePeriod("truoc ngay 30/11/2025")?.label).toBe("≤2025-11-30");
    expect(parsePeriod("6 thang dau nam 2026")?.label).toBe("H1/2026");
  });

  it("does not read a term of office, a document symbol or a fund as a period", () => {
    expect(parsePeriod("Đại hội đảng bộ nhiệm kỳ 2025 - 2030")).toBeUndefined();
    expect(parsePeriod("nhiệm kỳ 2025-2030")).toBeUndefined();
    expect(parsePeriod("Nghị quyết số 57-NQ/TW")).toBeUndefined();
    expect(parsePeriod("Báo cáo số 66-BC/BTCTW")).toBeUndefined();
    expect(parsePeriod("Nghị quyết 08/2025/NQ-CP của Chính phủ")).toBeUndefined();
    expect(parsePeriod("Nghị định số 12/2025")).toBeUndefined();
    expect(parsePeriod("Quỹ này do Bộ Tài chính quản lý", { now: NOW })).toBeUndefined();
    expect(parsePeriod("kinh tế Việt Nam 2025")).toBeUndefined();
    expect(parsePeriod("tháng Sáu", { now: NOW })).toBeUndefined();
    expect(parsePeriod("Đúng 14 tháng trước", { now: NOW })).toBeUndefined();
    expect(parsePeriod("so với 02 năm trước liền kề", { now: NOW })).toBeUndefined();
    expect(parsePeriod("trung tâm giáo dục thường xuyên")).toBeUndefined();
    expect(parsePeriod("kinh phí chi thường xuyên")).toBeUndefined();
    expect(parsePeriod("tổng kết cả năm.", { now: NOW })).toBeUndefined();
    expect(parsePeriod("đến cuối năm học", { now: NOW })).toBeUndefined();
  });

  it("reads no time limit from a count of days with no event it runs from, unless the text calls it a limit", () => {
    expect(parsePeriod("tổ chức hội thi trong 05 ngày", { now: NOW })).toBeUndefined();
    expect(parsePeriod("thời gian đại hội không quá 02 ngày", { now: NOW })).toBeUndefined();
  });

  it("returns undefined for text with no period", () => {
    expect(parsePeriod("Giao Ban Tổ chức Trung ương chủ trì")).toBeUndefined();
    expect(parsePeriod("")).toBeUndefined();
    expect(parsePeriod("trong 2000 trường hợp")).toBeUndefined();
  });
});

describe("relative expressions around month and year ends (Vietnam time)", () => {
  const at = (iso: string) => ({ now: new Date(iso) });
  it("uses the Vietnamese calendar day, not UTC", () => {
    expect(parsePeriod("tháng này", at("2026-03-31T16:59:00Z"))?.label).toBe("03/2026");
    expect(parsePeriod("tháng này", at("2026-03-31T17:00:00Z"))?.label).toBe("04/2026");
    expect(parsePeriod("năm nay", at("2025-12-31T17:00:00Z"))?.label).toBe("2026");
    expect(parsePeriod("this week", at("2026-04-05T17:30:00Z"))?.start).toBe("2026-04-06");
  });
  it("rolls over the year for next month, next quarter and next week", () => {
    const dec = at("2025-12-15T03:00:00Z");
    expect(parsePeriod("tháng tới", dec)).toMatchObject({ start: "2026-01-01", end: "2026-01-31", label: "01/2026" });
    expect(parsePeriod("quý tới", dec)).toMatchObject({ start: "2026-01-01", end: "2026-03-31", label: "Q1/2026" });
    expect(parsePeriod("tuần sau", at("2025-12-31T03:00:00Z"))).toMatchObject({ start: "2026-01-05", end: "2026-01-11", label: "2026-W02" });
    expect(parsePeriod("tháng trước", at("2026-01-10T03:00:00Z"))?.label).toBe("12/2025");
  });
});

describe("findPeriods", () => {
  it("finds every expression in order with offsets into the original text", () => {
    const text =
      "Xem xét Báo cáo số 66-BC/BTCTW, ngày 26/3/2026 của Ban Tổ chức Trung ương về tình hình quý I/2026; " +
      "tổ chức sơ kết 6 tháng đầu năm 2026, bầu cử nhiệm kỳ 2026 - 2031, báo cáo hàng quý.";
    const found = findPeriods(text);
    expect(found.map((f) => f.period.label)).toEqual(["2026-03-26", "Q1/2026", "H1/2026", "quarterly"]);
    for (const f of found) expect(text.slice(f.index, f.index + f.length)).toBe(f.period.text);
  });

  it("reports offsets into decomposed (NFD) text", () => {
    const text = "Hoàn thành trong quý II/2026".normalize("NFD");
    const [f] = findPeriods(text);
    expect(f?.period.label).toBe("Q2/2026");
    expect(text.slice(f!.index, f!.index + f!.length)).toBe("trong quý II/2026".normalize("NFD"));
  });

  it("reads a deadline next to a document reference", () => {
    const found = findPeriods("theo Thông báo số 21-TB/VPTW, ngày 07/3/2026; hoàn thành chậm nhất ngày 15/12/2025");
    expect(found.map((f) => f.period.label)).toEqual(["2026-03-07", "≤2025-12-15"]);
  });
});

describe("overlapsRange", () => {
  const q2 = parsePeriod("quý II/2026")!;
  it("is true for overlapping spans and open starts, false otherwise", () => {
    expect(overlapsRange(q2, "2026-06-30", "2026-07-15")).toBe(true);
    expect(overlapsRange(q2, "2026-07-01", "2026-07-15")).toBe(false);
    expect(overlapsRange(parsePeriod("trước ngày 30/11/2025")!, "2025-01-01", "2025-01-31")).toBe(true);
    expect(overlapsRange(parsePeriod("trước ngày 30/11/2025")!, "2025-12-01", "2025-12-31")).toBe(false);
    expect(overlapsRange(parsePeriod("thường xuyên")!, "2025-01-01", "2030-12-31")).toBe(false);
  });
});

describe("fast scan agrees with trying every position", () => {
  const SHARED = new URL("../../../shared/ext/directives/", import.meta.url);
  const local = new URL("../../sample-corpus/", import.meta.url);
  const texts = (dir: URL, limit: number): string[] =>
    readdirSync(dir).sort().slice(0, limit).map((f) => readFileSync(new URL(f, dir), "utf8"));
  const now = new Date("2026-03-31T18:00:00Z");

  it("on the sample corpus and a text of tricky cases", () => {
    const tricky =
      "tháng Giêng năm 2026, tháng mười một/2025; Quy định tại quy hoạch; định kỳ hằng quý; trong 2 tháng; trước ngày 5/9; đến hết năm nay; chậm nhất là ngày 1/10/2025; " +
      "Q3 2026, H2/2025, 1st quarter of 2026, the end of 2026, từ tháng 9 đến tháng 12/2025, 6 tháng cuối năm sau; không quá 05 ngày kể từ ngày ký.";
    for (const text of [...texts(local, 10), tricky]) {
      expect(scanPeriods(text, { now })).toEqual(scanPeriods(text, { now }, true));
    }
    expect(scanPeriods(tricky, { now }).map((m) => m.period.label)).toEqual([
      "01/2026", "11/2025", "quarterly", "≤2026-09-05", "≤2026", "≤2025-10-01", "Q3/2026", "H2/2025", "Q1/2026", "≤2026", "09/2025-12/2025", "H2/2027", "5 days",
    ]);
  });

  it("treats a letter or digit outside ASCII as one at a period's edge (the scanner matches such letters through ASCII classes)", () => {
    const found = (text: string) => scanPeriods(text, { now }).map((m) => [m.index, m.length, m.period.label]);
    for (const text of ["tháng 8/2025ж", "ж8/2025", "8/2025ж", "𝐀8/2025", "8/2025𝐀", "tháng 8/2025٣", "٣8/2025", "ÑQ2/2026"]) {
      expect(found(text), text).toEqual([]);
    }
    expect(found("жtháng 8/2025")).toEqual([[7, 6, "08/2025"]]);
    expect(found("“8/2025”")).toEqual([[1, 6, "08/2025"]]);
    expect(found("Ω quý II/2026 Ω")).toEqual([[2, 11, "Q2/2026"]]);
    expect(found("quý II/2026—quý III/2026")).toEqual([[0, 24, "Q2/2026-Q3/2026"]]);
  });

  it("counts each rule's capturing groups as the regular-expression engine does", () => {
    const compiled = (source: string) => new RegExp(`${source}|`, "u").exec("")!.length - 1;
    for (const rule of RULES) expect(groupCount(rule.source), rule.name).toBe(compiled(rule.source));
    for (const source of [String.raw`(a)(?:b)(?<n>c)(?=d)(?!e)(?<=f)(?<!g)`, String.raw`\(\)[(](x)`, String.raw`[\]()](y)`]) {
      expect(groupCount(source), source).toBe(compiled(source));
    }
  });

  it.skipIf(!existsSync(SHARED))("on the shared directives", () => {
    for (const text of texts(SHARED, 60)) expect(scanPeriods(text, { now })).toEqual(scanPeriods(text, { now }, true));
  });
});

describe("periods only where the text speaks of one", () => {
  it("reads a bare Q2 as a quarter only with a year or after a time word; otherwise it is a district", () => {
    expect(findPeriods("Chuẩn bị khởi công cầu Cát Lái nối Q2 với Nhơn Trạch", { now: NOW })).toEqual([]);
    expect(findPeriods("căn hộ tại Q7, TP.HCM", { now: NOW })).toEqual([]);
    expect(parsePeriod("Q2/2026")?.label).toBe("Q2/2026");
    expect(parsePeriod("báo cáo Q3 năm nay", { now: NOW })?.label).toBe("Q3/2026");
    expect(parsePeriod("hoàn thành trong Q3", { now: NOW, defaultYear: 2026 })?.label).toBe("Q3/2026");
    expect(parsePeriod("quý II", { now: NOW, defaultYear: 2026 })?.label).toBe("Q2/2026");
  });

  it("does not read a count of months or days as a date", () => {
    expect(findPeriods("các sở, ngành hỗ trợ trong 03-06 tháng đầu", { defaultYear: 2025 })).toEqual([]);
    expect(findPeriods("xử lý trong 5-7 ngày làm việc", { defaultYear: 2025 })).toEqual([]);
    expect(findPeriods("records are kept for 30 days, then for 2 years", { defaultYear: 2025 })).toEqual([]);
    expect(parsePeriod("trước 15/8", { defaultYear: 2025 })?.end).toBe("2025-08-15");
  });

  it("joins two periods written as the ends of one span into a range due at its end", () => {
    const [q] = findPeriods("Thời gian thực hiện: Quý IV/2025- Quý II/2026.");
    expect(q?.period).toMatchObject({ text: "Quý IV/2025- Quý II/2026", kind: "range", start: "2025-10-01", end: "2026-06-30" });
    const [m] = findPeriods("từ tháng 9/2025 đến quý I/2026");
    expect(m?.period).toMatchObject({ start: "2025-09-01", end: "2026-03-31" });
    // Two periods in a list stay two.
    expect(findPeriods("quý I/2026, quý III/2026").length).toBe(2);
  });
});
