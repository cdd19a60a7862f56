/**
 * The spans a period expression can name (a day, month, quarter, half, year, run of years, week) and
 * the modifiers that turn them into deadlines ("đến", "chậm nhất", "trước").
 */
import type { Period } from "../types.js";
import { addDays, isoDate, isoWeekLabel, lastDayOfMonth, startOfWeek } from "../time.js";

/** A period before its `text` is attached. */
export type PeriodValue = Omit<Period, "text">;

/** A dated span with its canonical label. */
export interface Unit {
  start: string;
  end: string;
  label: string;
  /** A single day: "trước" a day is inclusive by usage, "trước" a month is not. */
  day?: boolean;
}

/** How a leading word changes the span: kept as is, due by its end, or due before its start. */
export type Modifier = "within" | "by" | "before";

const pad2 = (n: number): string => String(n).padStart(2, "0");

export function dayUnit(year: number, month: number, day: number): Unit {
  const iso = isoDate(year, month, day);
  return { start: iso, end: iso, label: iso, day: true };
}

export function monthUnit(year: number, month: number): Unit {
  return { start: isoDate(year, month, 1), end: lastDayOfMonth(year, month), label: `${pad2(month)}/${year}` };
}

/** Consecutive or listed months of one year ("tháng 8, 9/2025"): the span from first to last. */
export function monthsUnit(year: number, months: number[]): Unit {
  const lo = Math.min(...months);
  const hi = Math.max(...months);
  if (lo === hi) return monthUnit(year, lo);
  return { start: isoDate(year, lo, 1), end: lastDayOfMonth(year, hi), label: `${pad2(lo)}-${pad2(hi)}/${year}` };
}

export function quartersUnit(year: number, quarters: number[]): Unit {
  const lo = Math.min(...quarters);
  const hi = Math.max(...quarters);
  const label = lo === hi ? `Q${lo}/${year}` : `Q${lo}-Q${hi}/${year}`;
  return { start: isoDate(year, lo * 3 - 2, 1), end: lastDayOfMonth(year, hi * 3), label };
}

export function halfUnit(year: number, half: 1 | 2): Unit {
  return half === 1
    ? { start: isoDate(year, 1, 1), end: isoDate(year, 6, 30), label: `H1/${year}` }
    : { start: isoDate(year, 7, 1), end: isoDate(year, 12, 31), label: `H2/${year}` };
}

export function yearUnit(year: number): Unit {
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31), label: String(year) };
}

export function yearsUnit(from: number, to: number): Unit {
  return { start: isoDate(from, 1, 1), end: isoDate(to, 12, 31), label: `${from}-${to}` };
}

/** The Monday-Sunday week holding `iso`. */
export function weekUnit(iso: string): Unit {
  const start = startOfWeek(iso);
  return { start, end: addDays(start, 6), label: isoWeekLabel(start) };
}

/** Apply a modifier: "within" keeps the span, "by" keeps only its end, "before" ends the day before it starts. */
export function applyModifier(unit: Unit, mod: Modifier): PeriodValue {
  if (mod === "within") return { kind: "range", start: unit.start, end: unit.end, label: unit.label };
  if (mod === "by" || unit.day) return { kind: "range", end: unit.end, label: `≤${unit.label}` };
  const end = addDays(unit.start, -1);
  return { kind: "range", end, label: `≤${end}` };
}
