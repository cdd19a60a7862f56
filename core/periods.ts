/**
 * Periods and deadlines in Vietnamese (and some English) text: "quý II/2026", "trước ngày 30/11/2025",
 * "6 tháng đầu năm 2026", "thường xuyên", "tuần tới". Matching runs on a folded copy of the text (case,
 * diacritics and uỷ/ủy ignored) with one regular expression compiled once (periods/scan.ts); spans refer to the original.
 */
import type { Period } from "./types.js";
import { scanPeriods } from "./periods/scan.js";
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

const BARE_YEAR = /^\s*((?:19|20)\d\d)\s*$/;

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
  return scanPeriods(text, opts);
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
