/**
 * Periods and deadlines in Vietnamese (and some English) text: "quý II/2026", "trước ngày 30/11/2025",
 * "6 tháng đầu năm 2026", "thường xuyên", "tuần tới". Matching runs on a folded copy of the text (case,
 * diacritics and uỷ/ủy ignored) with one regular expression compiled once; spans refer to the original.
 */
import type { Period } from "./types.js";
import { foldAligned } from "./text.js";
import { vnDate } from "./time.js";
import { RULES, type Rule, type RuleContext } from "./periods/rules.js";
import { applyModifier, yearUnit } from "./periods/units.js";

export interface PeriodOptions {
  /** The instant relative expressions are resolved against (Vietnam time); default: now. */
  now?: Date;
  /** The year for dates written without one ("trước 15/8"); default: the current year in Vietnam. */
  defaultYear?: number;
}

export interface PeriodMatch {
  index: number;
  length: number;
  period: Period;
}

interface Slot {
  rule: Rule;
  /** Index of the rule's own group in the joined expression; its inner groups follow. */
  group: number;
  count: number;
}

function groupCount(source: string): number {
  return new RegExp(`${source}|`, "u").exec("")!.length - 1;
}

function compile(rules: Rule[]): { re: RegExp; slots: Slot[] } {
  const slots: Slot[] = [];
  let group = 1;
  for (const rule of rules) {
    const count = groupCount(rule.source);
    slots.push({ rule, group, count });
    group += count + 1;
  }
  return { re: new RegExp(rules.map((r) => `(${r.source})`).join("|"), "gu"), slots };
}

const COMPILED = compile(RULES);
const BARE_YEAR = /^\s*((?:19|20)\d\d)\s*$/;

function context(opts: PeriodOptions | undefined): RuleContext {
  let today: string | undefined;
  const todayOf = (): string => (today ??= vnDate(opts?.now ?? new Date()));
  return {
    today: todayOf,
    year: () => opts?.defaultYear ?? Number(todayOf().slice(0, 4)),
  };
}

/** Every period/deadline expression in a text, in order, non-overlapping, with offsets into `text`. */
export function findPeriods(text: string, opts?: PeriodOptions): PeriodMatch[] {
  const out: PeriodMatch[] = [];
  const bare = BARE_YEAR.exec(text);
  if (bare) {
    // A cell that holds only a year ("2025") is a year; in running text a bare number is not.
    const index = bare.index + bare[0].indexOf(bare[1]!);
    out.push({ index, length: 4, period: { text: bare[1]!, ...applyModifier(yearUnit(Number(bare[1])), "within") } });
    return out;
  }
  const { folded, toOriginal } = foldAligned(text);
  const ctx = context(opts);
  const re = new RegExp(COMPILED.re);
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null) {
    const slot = COMPILED.slots.find((s) => m![s.group] !== undefined)!;
    const start = toOriginal(m.index);
    const end = toOriginal(m.index + m[0].length);
    const original = text.slice(start, end);
    const value = slot.rule.build(m.slice(slot.group + 1, slot.group + 1 + slot.count), ctx, original);
    if (value === undefined) {
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ index: start, length: end - start, period: { text: original, ...value } });
  }
  return out;
}

/** The first period/deadline expression in `text` (a phrase, a question, a title, a table cell), or undefined. */
export function parsePeriod(text: string, opts?: PeriodOptions): Period | undefined {
  return findPeriods(text, opts)[0]?.period;
}

/** True when the period has dates and overlaps [start, end] (ISO, inclusive). An open start reaches back without limit. */
export function overlapsRange(p: Period, start: string, end: string): boolean {
  if (p.start === undefined && p.end === undefined) return false;
  return (p.start ?? "0000-01-01") <= end && (p.end ?? "9999-12-31") >= start;
}
