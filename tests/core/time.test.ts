import { describe, expect, it } from "vitest";
import { addDays, compareIso, daysBetween, isoWeekLabel, isValidDay, lastDayOfMonth, startOfWeek, vnDate, VN_TZ } from "../../core/time.js";

describe("time", () => {
  it("gives the calendar date in Vietnam (UTC+7), which runs ahead of UTC in the evening", () => {
    expect(VN_TZ).toBe("Asia/Ho_Chi_Minh");
    expect(vnDate(new Date("2026-03-31T16:59:59Z"))).toBe("2026-03-31");
    expect(vnDate(new Date("2026-03-31T18:00:00Z"))).toBe("2026-04-01");
    expect(vnDate(new Date("2025-12-31T17:00:00Z"))).toBe("2026-01-01");
    // Agrees with the time-zone database for the same instants.
    const fmt = new Intl.DateTimeFormat("en-CA", { timeZone: VN_TZ, year: "numeric", month: "2-digit", day: "2-digit" });
    for (const iso of ["2026-03-31T18:00:00Z", "2026-07-01T16:30:00Z", "2025-01-01T00:00:00Z"]) {
      expect(vnDate(new Date(iso))).toBe(fmt.format(new Date(iso)));
    }
  });

  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-04-01", -365)).toBe("2025-04-01");
    expect(daysBetween("2026-04-01", "2026-04-11")).toBe(10);
  });

  it("knows the last day of each month, leap years included", () => {
    expect(lastDayOfMonth(2024, 2)).toBe("2024-02-29");
    expect(lastDayOfMonth(2025, 2)).toBe("2025-02-28");
    expect(lastDayOfMonth(1900, 2)).toBe("1900-02-28");
    expect(lastDayOfMonth(2026, 4)).toBe("2026-04-30");
    expect(lastDayOfMonth(2026, 12)).toBe("2026-12-31");
  });

  it("validates days and finds Monday-Sunday weeks", () => {
    expect(isValidDay(2025, 2, 29)).toBe(false);
    expect(isValidDay(2024, 2, 29)).toBe(true);
    expect(isValidDay(2025, 4, 31)).toBe(false);
    expect(startOfWeek("2026-04-01")).toBe("2026-03-30");
    expect(startOfWeek("2026-04-05")).toBe("2026-03-30");
    expect(startOfWeek("2026-04-06")).toBe("2026-04-06");
    expect(isoWeekLabel("2026-01-01")).toBe("2026-W01");
    expect(isoWeekLabel("2027-01-01")).toBe("2026-W53");
    expect(isoWeekLabel("2024-12-30")).toBe("2025-W01");
  });

  it("orders ISO dates and the '' / '9999' sentinels as localeCompare does", () => {
    const dates = ["", "9999", "2026-06-30", "2026-07-01", "2025-12-31", "2026-06-03", "2026-06-30"];
    for (const a of dates) for (const b of dates) expect(compareIso(a, b)).toBe(Math.sign(a.localeCompare(b)));
  });
});
