/** Relative expressions ("tháng này", "tuần tới", "next quarter") resolved against today's date in Vietnam. */
import { addDays } from "../time.js";
import { nfc } from "../text.js";
import { dayUnit, monthsUnit, quartersUnit, weekUnit, yearUnit, type Unit } from "./units.js";

const SHIFT: Record<string, number> = {
  nay: 0, "hien tai": 0, this: 0, current: 0,
  toi: 1, sau: 1, next: 1, coming: 1,
  truoc: -1, ngoai: -1, qua: -1, "vua qua": -1, last: -1, previous: -1, past: -1,
};
const UNIT: Record<string, "week" | "month" | "quarter" | "year"> = {
  tuan: "week", thang: "month", quy: "quarter", nam: "year",
  week: "week", month: "month", quarter: "quarter", year: "year",
};
// Folding merges words the relative reading must not take: "tháng Sáu" is June, "quỹ này" is a fund,
// "nằm sau" is "lies behind".
// Both tone placements of "quỹ": unifyTone turns it into "qũy".
const FALSE_FRIENDS = /(?:^|[^\p{L}])(sáu|quỹ|qũy|nằm|thắng|thẳng|thằng)(?![\p{L}])/u;

/**
 * The unit a relative expression names. `g` holds the rule's groups: Vietnamese unit and word,
 * English word and unit, a day word ("hôm nay", "tomorrow"), or a bare unit meaning the current one.
 */
export function relativeUnit(g: ReadonlyArray<string | undefined>, today: string, original: string): Unit | undefined {
  const [viUnit, viWord, enWord, enUnit, dayWord, bareUnit] = g;
  if (FALSE_FRIENDS.test(nfc(original).toLowerCase())) return undefined;
  if (dayWord !== undefined) {
    const iso = /mai|tomorrow/.test(dayWord) ? addDays(today, 1) : today;
    return dayUnit(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
  }
  const unit = UNIT[(viUnit ?? enUnit ?? bareUnit)!];
  const shift = bareUnit !== undefined ? 0 : SHIFT[(viWord ?? enWord)!.replace(/\s+/g, " ")];
  if (unit === undefined || shift === undefined) return undefined;
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (unit) {
    case "week":
      return weekUnit(addDays(today, 7 * shift));
    case "month": {
      const idx = y * 12 + (m - 1) + shift;
      return monthsUnit(Math.floor(idx / 12), [(idx % 12) + 1]);
    }
    case "quarter": {
      const idx = y * 4 + Math.floor((m - 1) / 3) + shift;
      return quartersUnit(Math.floor(idx / 4), [(idx % 4) + 1]);
    }
    case "year":
      return yearUnit(y + shift);
  }
}
