/**
 * The period grammar: one regular-expression source per kind of expression, written against folded
 * text (lower case, no diacritics, đ -> d). periods.ts joins them into one alternation compiled once.
 * Order matters only between rules that can start at the same position: the first listed wins.
 */
import { isValidDay } from "../time.js";
import { fold, romanToInt } from "../text.js";
import {
  applyModifier, dayUnit, halfUnit, monthsUnit, quartersUnit, weekUnit, yearsUnit, yearUnit,
  type Modifier, type PeriodValue, type Unit,
} from "./units.js";
import { relativeUnit } from "./relative.js";

/** What a rule needs besides its match: the year for yearless dates and today's date in Vietnam. */
export interface RuleContext {
  year(): number;
  today(): string;
}

export type Groups = ReadonlyArray<string | undefined>;

export interface Rule {
  name: string;
  source: string;
  /**
   * Every word a match of this rule can begin with (folded, whole words; "#" for a number, "h" for
   * "h1"/"h2", "q" for "q1".."q4"). The scanner tries the rule only there: keep it complete.
   */
  starts: string[];
  /** The period, or undefined to reject the match (scanning then resumes one character later). */
  build(g: Groups, ctx: RuleContext, original: string): PeriodValue | undefined;
}

// Boundaries: a period never starts or ends inside a word or a symbol such as "08/2025/NQ-CP".
const NB = String.raw`(?<![\p{L}\p{N}_/.\-])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const NE = String.raw`(?![\p{L}\p{N}]|[/.\-][\p{L}\p{N}])`;
const S = String.raw`\s+`;
const Y = String.raw`((?:19|20)\d\d)`;
const M = String.raw`(0?[1-9]|1[0-2])(?!\d)`;
const D = String.raw`(0?[1-9]|[12]\d|3[01])(?!\d)`;
const REL_YEAR = String.raw`(nay|sau|toi|truoc|ngoai)${E}`;
/** Three groups: within / by / before. */
const MOD = String.raw`(?:(ngay\s+trong|trong|vao|in|during|within|for)|(cham\s+nhat(?:\s+(?:la|vao|trong))?|muon\s+nhat(?:\s+(?:la|vao|trong))?|khong\s+muon\s+hon|han\s+chot|den\s+het|den\s+cuoi|truoc\s+cuoi|den|cuoi|het|no\s+later\s+than|by\s+(?:the\s+)?end\s+of|(?:the\s+)?end\s+of|by|until|till)|(truoc|before|prior\s+to))\s+`;
const OPT_MOD = `(?:${MOD})?`;
const MOD_STARTS = [
  "ngay", "trong", "vao", "in", "during", "within", "for", "cham", "muon", "khong", "han", "den", "truoc", "cuoi", "het",
  "no", "by", "the", "end", "until", "till", "before", "prior",
];
const QR = String.raw`(?:iv|iii|ii|i|[1-4])${E}`;
const LIST_SEP = String.raw`\s*(?:,|va|and|-|–)\s*`;
export const MONTH_NAMES = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];
const MN = `(${MONTH_NAMES.join("|")})${E}`;
/** Vietnamese month words (folded): "tháng Giêng" is January, "tháng Chạp" December. */
export const VI_MONTHS: Record<string, number> = {
  gieng: 1, mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
  "muoi mot": 11, "muoi hai": 12, chap: 12,
};
const VI_MONTH_WORDS = String.raw`(?:muoi\s+mot|muoi\s+hai|gieng|mot|hai|ba|tu|bon|nam|sau|bay|tam|chin|muoi|chap)${E}`;

function modOf(g: Groups, i: number): Modifier {
  return g[i + 1] !== undefined ? "by" : g[i + 2] !== undefined ? "before" : "within";
}

/** The year a relative word after "năm" names ("năm nay", "năm sau"), from today. */
function relYear(word: string | undefined, ctx: RuleContext): number | undefined {
  if (word === undefined) return undefined;
  const y = Number(ctx.today().slice(0, 4));
  return word === "nay" ? y : word === "sau" || word === "toi" ? y + 1 : y - 1;
}

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

function listOf(s: string, parse: (x: string) => number | undefined): number[] {
  return s.split(/\s*(?:,|va|and|-|–)\s*/).map((x) => parse(x.trim()) ?? 0).filter((n) => n > 0);
}

function quarterNum(x: string): number | undefined {
  const n = /^\d$/.test(x) ? Number(x) : romanToInt(x);
  return n !== undefined && n >= 1 && n <= 4 ? n : undefined;
}

function day(y: number | undefined, m: number | undefined, d: number | undefined): Unit | undefined {
  if (y === undefined || m === undefined || d === undefined || !isValidDay(y, m, d)) return undefined;
  return dayUnit(y, m, d);
}

function monthName(s: string | undefined): number | undefined {
  return s === undefined ? undefined : MONTH_NAMES.indexOf(s) + 1 || undefined;
}

/** Time words before a bare "Q2" that make it a quarter (tested on the folded original). */
const Q_TIME_WORD = /^(?:ngay\s+trong|trong|in|during|within|cham\s+nhat|muon\s+nhat|khong\s+muon\s+hon|han\s+chot|den\s+het|den\s+cuoi|truoc\s+cuoi|cuoi|het|by|until|till|truoc|before|prior\s+to)\s/u;
/** A count after a pair of numbers: "trong 03-06 tháng", "5-7 ngày" are durations, not dates. */
const COUNT_UNIT = String.raw`(?!\s*(?:thang|nam|ngay|tuan|gio|phut|lan|buoi|months?|years?|days?|weeks?)${E})`;

const ORDINAL: Record<string, 1 | 2 | 3 | 4> = { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4 };

/** The unit of a time limit counted from an event, as its label says it. */
const LIMIT_UNITS: Record<string, string> = { "ngay lam viec": "working days", ngay: "days", tuan: "weeks", thang: "months", gio: "hours" };

export const RULES: Rule[] = [
  {
    // A time limit counted from an event, with no date of its own: "trong thời hạn 05 ngày làm việc kể từ ngày
    // nhận đủ hồ sơ", "chậm nhất 10 ngày sau khi kết thúc", "không quá 30 ngày kể từ ngày ký". With the event
    // ("kể từ", "tính từ", "sau khi"), or said to be a limit ("trong thời hạn 03 ngày làm việc", "chậm nhất
    // 10 ngày": counted from the document): "trong 05 ngày" or "không quá 02 ngày" alone may be how long an
    // activity lasts.
    name: "limit",
    starts: ["trong", "cham", "khong", "toi", "muon"],
    source: String.raw`${NB}(trong(?:\s+(?:thoi\s+han|vong|thoi\s+gian))?|cham\s+nhat(?:\s+la)?|muon\s+nhat(?:\s+la)?|(?:toi\s+da\s+)?khong\s+qua|toi\s+da)\s+(\d{1,3})\s+(ngay\s+lam\s+viec|ngay|tuan|thang|gio)(?:(\s*,?\s+(?:ke\s+tu|tinh\s+tu|sau\s+khi)(?:\s+[^\s,.;:()]+){1,10})|${NE})`,
    build(g) {
      const n = Number(g[1]);
      const counted = g[3] !== undefined || /^(?:trong\s+thoi\s+han|cham\s+nhat|muon\s+nhat)/.test(g[0]!);
      return n > 0 && counted ? { kind: "duration", label: `${n} ${LIMIT_UNITS[g[2]!.replace(/\s+/g, " ")] ?? g[2]}` } : undefined;
    },
  },
  {
    // "giai đoạn 2026 - 2030", "từ năm 2026 đến năm 2030", "2021-2025"; never "nhiệm kỳ 2025 - 2030".
    name: "years",
    starts: ["#", "trong", "giai", "thoi", "period", "tu", "from", "nam"],
    source: String.raw`${NB}(?:(?:trong\s+giai\s+doan|giai\s+doan|thoi\s+ky|period|tu\s+nam|tu|from|nam)\s+)?(?<!nhiem\s+ky\s+)(?<![\p{L}\p{N}/.\-])${Y}\s*(?:-|–|—|den(?:\s+nam)?|to|until)\s*${Y}${NE}`,
    build(g) {
      const a = Number(g[0]);
      const b = Number(g[1]);
      return b > a && b - a <= 50 ? applyModifier(yearsUnit(a, b), "within") : undefined;
    },
  },
  {
    // "6 tháng đầu năm 2026", "nửa cuối năm nay", "first half of 2026", "H1/2026".
    name: "half",
    starts: ["#", ...MOD_STARTS, "sau", "nua", "first", "second", "h"],
    source: String.raw`${NB}${OPT_MOD}(?:(?:6|sau)\s+thang\s+(dau|cuoi)\s+nam|nua\s+(dau|cuoi|sau)\s+nam)(?:\s+(?:${Y}|${REL_YEAR}))?${NE}|${NB}${OPT_MOD}(?:(first|second)\s+half\s+of\s+(?:the\s+year\s+)?${Y}|h([12])(?:\s*[/-]\s*|\s+)${Y})${NE}`,
    build(g, ctx) {
      const viet = g[3] ?? g[4];
      if (viet !== undefined) {
        const y = num(g[5]) ?? relYear(g[6], ctx) ?? ctx.year();
        return applyModifier(halfUnit(y, viet === "dau" ? 1 : 2), modOf(g, 0));
      }
      const half = g[10] === "first" || g[12] === "1" ? 1 : 2;
      return applyModifier(halfUnit(Number(g[11] ?? g[13]), half), modOf(g, 7));
    },
  },
  {
    // "quý II/2026", "quý 2 năm 2026", "Q2 2026", "quý I, II/2026", "second quarter of 2026".
    name: "quarter",
    starts: ["#", ...MOD_STARTS, "quy", "quarter", "q", "first", "second", "third", "fourth"],
    source: String.raw`${NB}${OPT_MOD}(?:(?:quy|quarter)\s+(${QR}(?:${LIST_SEP}${QR})*)|q([1-4])${E})(?:(?:\s*[/-]\s*|,?\s+(?:nam\s+|of\s+)?)${Y}${NE}|\s+nam\s+${REL_YEAR})?|${NB}${OPT_MOD}(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+of)?(?:\s+(?:the\s+year\s+)?${Y})?${NE}`,
    build(g, ctx, original) {
      if (g[3] !== undefined || g[4] !== undefined) {
        // "Q2" alone is as often a district ("nối Q2 với Nhơn Trạch": Quận 2) as a quarter: it is a period
        // only with a year ("Q2/2026", "Q2 năm nay") or after a time word ("trong Q2", "trước Q3").
        if (g[4] !== undefined && g[5] === undefined && g[6] === undefined && !Q_TIME_WORD.test(fold(original))) return undefined;
        const qs = g[3] !== undefined ? listOf(g[3], quarterNum) : [Number(g[4])];
        if (qs.length === 0) return undefined;
        const y = num(g[5]) ?? relYear(g[6], ctx) ?? ctx.year();
        return applyModifier(quartersUnit(y, qs), modOf(g, 0));
      }
      const q = ORDINAL[g[10]!]!;
      return applyModifier(quartersUnit(num(g[11]) ?? ctx.year(), [q]), modOf(g, 7));
    },
  },
  {
    // "từ tháng 9/2025 đến tháng 3/2026", "tháng 9 đến tháng 12/2025".
    name: "monthRange",
    starts: ["tu", "thang"],
    source: String.raw`${NB}(?:tu\s+)?thang\s*${M}(?:\s*[/-]\s*${Y})?\s*(?:den(?:\s+het)?|-|–)\s*thang\s*${M}(?:\s*[/-]\s*|\s+nam\s+)${Y}${NE}`,
    build(g) {
      const m1 = Number(g[0]);
      const m2 = Number(g[2]);
      const y2 = Number(g[3]);
      const y1 = num(g[1]) ?? (m1 <= m2 ? y2 : y2 - 1);
      const a = monthsUnit(y1, [m1]);
      const b = monthsUnit(y2, [m2]);
      if (a.start > b.start) return undefined;
      return { kind: "range", start: a.start, end: b.end, label: `${a.label}-${b.label}` };
    },
  },
  {
    // A full date: "ngày 26/3/2026", "trước ngày 30 tháng 11 năm 2025", "2025-12-08", "by 30 November 2025".
    name: "day",
    starts: ["#", ...MOD_STARTS, ...MONTH_NAMES],
    source: String.raw`${NB}${OPT_MOD}(?:ngay\s+)?(?:${D}[/.\-]${M}[/.\-]${Y}|${D}\s*thang\s*${M}\s*,?\s*(?:nam\s+)?${Y}|${Y}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])|${D}(?:st|nd|rd|th)?\s+(?:of\s+)?${MN},?\s+${Y}|${MN}\s+${D}(?:st|nd|rd|th)?,?\s+${Y})${NE}`,
    build(g) {
      const u =
        day(num(g[5]), num(g[4]), num(g[3])) ??
        day(num(g[8]), num(g[7]), num(g[6])) ??
        day(num(g[9]), num(g[10]), num(g[11])) ??
        day(num(g[14]), monthName(g[13]), num(g[12])) ??
        day(num(g[17]), monthName(g[15]), num(g[16]));
      return u && applyModifier(u, modOf(g, 0));
    },
  },
  {
    // A date without a year needs "ngày" or a deadline word: "trước 15/8", "ngày 15 tháng 8".
    name: "dayNoYear",
    starts: MOD_STARTS,
    source: String.raw`${NB}(?:${MOD}(?:ngay\s+)?|ngay\s+)(?:${D}[/.\-]${M}${COUNT_UNIT}|${D}\s*thang\s*${M}|${D}(?:st|nd|rd|th)?\s+(?:of\s+)?${MN})(?![\p{L}\p{N}]|[/.\-]\d)`,
    build(g, ctx) {
      const y = ctx.year();
      const u = day(y, num(g[4]), num(g[3])) ?? day(y, num(g[6]), num(g[5])) ?? day(y, monthName(g[8]), num(g[7]));
      return u && applyModifier(u, modOf(g, 0));
    },
  },
  {
    // "tháng 8/2025", "trong tháng 12 năm 2025", "tháng 8, 9/2025", "tháng 8" (year from context).
    name: "month",
    starts: [...MOD_STARTS, "thang"],
    source: String.raw`${NB}${OPT_MOD}thang\s*((?:0?[1-9]|1[0-2])(?!\d)(?:${LIST_SEP}(?:0?[1-9]|1[0-2])(?!\d))*)(?:(?:\s*[/-]\s*|,?\s+nam\s+)${Y}${NE}|\s+nam\s+${REL_YEAR}|${NE})`,
    build(g, ctx) {
      const ms = listOf(g[3]!, (x) => Number(x));
      const y = num(g[4]) ?? relYear(g[5], ctx) ?? ctx.year();
      return applyModifier(monthsUnit(y, ms), modOf(g, 0));
    },
  },
  {
    // Months written as words, with a year: "tháng Sáu năm 2025", "tháng Mười hai/2025", "tháng Giêng năm 2026".
    name: "monthWord",
    starts: [...MOD_STARTS, "thang"],
    source: String.raw`${NB}${OPT_MOD}thang\s+(${VI_MONTH_WORDS})(?:\s*[/-]\s*|,?\s+nam\s+)${Y}${NE}`,
    build(g, _ctx, original) {
      // Folding merges "năm" (five) with "nằm"; trust only the month words as written or without diacritics.
      if (/tháng\s+(nằm|bày|tấm|tử|chín\s+mươi)/iu.test(original)) return undefined;
      const month = VI_MONTHS[g[3]!.replace(/\s+/g, " ")];
      return month ? applyModifier(monthsUnit(Number(g[4]), [month]), modOf(g, 0)) : undefined;
    },
  },
  {
    // "November 2025", "by end of June 2026".
    name: "monthName",
    starts: [...MOD_STARTS, ...MONTH_NAMES],
    source: String.raw`${NB}${OPT_MOD}${MN}\s+(?:of\s+)?${Y}${NE}`,
    build(g) {
      return applyModifier(monthsUnit(Number(g[4]), [monthName(g[3])!]), modOf(g, 0));
    },
  },
  {
    // A bare "12/2025" (a table cell) is a month; "số 12/2025" and "12/2025/NĐ-CP" are document numbers.
    name: "bareMonth",
    starts: ["#", ...MOD_STARTS],
    source: String.raw`${NB}${OPT_MOD}(?<!so\s)(?<![\p{L}\p{N}/.\-])${M}/${Y}${NE}`,
    build(g) {
      return applyModifier(monthsUnit(Number(g[4]), [Number(g[3])]), modOf(g, 0));
    },
  },
  {
    // "năm 2025", "trong năm 2026", "đến năm 2030", "by 2030"; not "Việt Nam 2025".
    name: "year",
    starts: [...MOD_STARTS, "nam"],
    source: String.raw`${NB}${OPT_MOD}(?<!viet\s)nam\s+${Y}${NE}|${NB}${MOD}${Y}${NE}`,
    build(g, ctx, original) {
      if (g[3] !== undefined) return applyModifier(yearUnit(Number(g[3])), modOf(g, 0));
      const mod = modOf(g, 4);
      // A bare number after "trong"/"vào" is more often a count than a year; English "in 2026" (and
      // "declarations for 2025", as "kê khai năm 2025") is a year.
      if (mod === "within" && !/^(in|during|within|for)\s/i.test(original)) return undefined;
      return applyModifier(yearUnit(Number(g[7])), mod);
    },
  },
  {
    // "tháng này", "tuần tới", "quý sau", "năm nay", "next week", "this month", "hôm nay", "đến hết tháng".
    name: "relative",
    starts: [...MOD_STARTS, "thang", "tuan", "quy", "nam", "this", "next", "last", "coming", "current", "previous", "past", "hom", "today", "tomorrow"],
    source: String.raw`${NB}${OPT_MOD}(?<!viet\s|mien\s|\d\s*)(?:(thang|tuan|quy|nam)\s+(nay|toi|sau|truoc|ngoai|qua|vua\s+qua|hien\s+tai)|(this|next|last|coming|current|previous|past)\s+(week|month|quarter|year)|(hom\s+nay|ngay\s+mai|today|tomorrow)|(thang|tuan|quy|nam)(?!\s*[\p{L}\p{N}]))${E}(?!\s*(?:ngay\s|\d))`,
    build(g, ctx, original) {
      // A bare unit is the current one only after a deadline word: "trước cuối năm", "đến hết tháng".
      if (g[8] !== undefined && modOf(g, 0) !== "by") return undefined;
      const u = relativeUnit(g.slice(3, 9), ctx.today(), original);
      return u && applyModifier(u, modOf(g, 0));
    },
  },
  {
    // "hằng quý", "hàng năm", "định kỳ", "định kỳ 6 tháng", "quarterly".
    name: "recurring",
    starts: ["dinh", "hang", "moi", "daily", "weekly", "monthly", "quarterly", "annually", "yearly", "periodically", "every"],
    source: String.raw`${NB}(?:(?:dinh\s+ky\s+)?(?:hang|moi)\s+(ngay|tuan|thang|quy|nam)|dinh\s+ky(?:\s+(\d{1,2})\s+thang(?:\s+(?:mot|1)\s+lan)?)?|(daily|weekly|monthly|quarterly|annually|yearly|periodically)|every\s+(day|week|month|quarter|year))${E}`,
    build(g) {
      const every: Record<string, string> = {
        ngay: "daily", tuan: "weekly", thang: "monthly", quy: "quarterly", nam: "yearly",
        day: "daily", week: "weekly", month: "monthly", quarter: "quarterly", year: "yearly", annually: "yearly",
        periodically: "periodic",
      };
      const unit = g[0] ?? g[2] ?? g[3];
      const label = unit !== undefined ? every[unit] ?? unit : g[1] !== undefined ? `every ${Number(g[1])} months` : "periodic";
      return { kind: "recurring", label };
    },
  },
  {
    name: "ongoing",
    starts: ["thuong", "ongoing"],
    // Not "giáo dục thường xuyên" (continuing education) or "chi thường xuyên" (recurrent spending): names, not deadlines.
    source: String.raw`${NB}(?<!giao\s+duc\s+|chi\s+)(?:thuong\s+xuyen|ongoing)${E}`,
    build: () => ({ kind: "ongoing", label: "ongoing" }),
  },
];
