import { describe, expect, it } from "vitest";
import {
  describeSchedule, describeSlot, dueSlot, isSlot, latestSlot, minuteSlot, nextSlot, previousSlot, slotInstant,
  type Schedule,
} from "../../digest/slots.js";

const daily: Schedule = { cadence: "daily", time: "07:30" };
const midnight: Schedule = { cadence: "daily", time: "00:00" };
const weeklyMon: Schedule = { cadence: "weekly", time: "07:30", weekday: 1 };
const weeklySun: Schedule = { cadence: "weekly", time: "23:59", weekday: 7 };
const at = (iso: string) => new Date(iso);

describe("slot instants", () => {
  it("a slot names its minute in Vietnam time", () => {
    expect(slotInstant("2026-11-23T07:30+07:00").toISOString()).toBe("2026-11-23T00:30:00.000Z");
    expect(slotInstant("2026-04-01T00:00+07:00").toISOString()).toBe("2026-03-31T17:00:00.000Z");
  });
  it("only slots are slots (ledger alert keys are not)", () => {
    expect(isSlot("2026-11-23T07:30+07:00")).toBe(true);
    expect(isSlot("#new:3:abcd")).toBe(false);
    expect(() => slotInstant("#new:3:abcd")).toThrow();
  });
  it("minuteSlot drops seconds and uses the Vietnam date", () => {
    expect(minuteSlot(at("2026-03-31T17:00:59Z"))).toBe("2026-04-01T00:00+07:00");
    expect(minuteSlot(at("2026-03-31T16:59:59Z"))).toBe("2026-03-31T23:59+07:00");
  });
});

describe("daily slots", () => {
  it("before the time, the owed slot is yesterday's; from the minute on, today's", () => {
    expect(latestSlot(daily, at("2026-11-23T00:29:59Z"))).toBe("2026-11-22T07:30+07:00");
    expect(latestSlot(daily, at("2026-11-23T00:30:00Z"))).toBe("2026-11-23T07:30+07:00");
    expect(nextSlot(daily, at("2026-11-23T00:30:00Z"))).toBe("2026-11-24T07:30+07:00");
    expect(nextSlot(daily, at("2026-11-23T00:29:00Z"))).toBe("2026-11-23T07:30+07:00");
  });
  it("midnight in Vietnam is 17:00 UTC the day before (2026-03-31T17:00Z is 1 April)", () => {
    expect(latestSlot(midnight, at("2026-03-31T17:00:00Z"))).toBe("2026-04-01T00:00+07:00");
    expect(latestSlot(midnight, at("2026-03-31T16:59:00Z"))).toBe("2026-03-31T00:00+07:00");
    expect(nextSlot(midnight, at("2026-03-31T16:59:00Z"))).toBe("2026-04-01T00:00+07:00");
    // 07:30 on 1 April while UTC still says 31 March
    expect(latestSlot(daily, at("2026-03-31T23:45:00Z"))).toBe("2026-03-31T07:30+07:00");
    expect(latestSlot(daily, at("2026-04-01T00:30:00Z"))).toBe("2026-04-01T07:30+07:00");
  });
  it("month and year ends, leap days", () => {
    expect(nextSlot(daily, at("2026-01-31T01:00:00Z"))).toBe("2026-02-01T07:30+07:00");
    expect(nextSlot(daily, at("2028-02-28T01:00:00Z"))).toBe("2028-02-29T07:30+07:00");
    expect(nextSlot(daily, at("2027-02-28T01:00:00Z"))).toBe("2027-03-01T07:30+07:00");
    expect(nextSlot(daily, at("2026-12-31T01:00:00Z"))).toBe("2027-01-01T07:30+07:00");
    expect(latestSlot(daily, at("2026-12-31T20:00:00Z"))).toBe("2026-12-31T07:30+07:00");
    expect(latestSlot(midnight, at("2026-12-31T17:00:00Z"))).toBe("2027-01-01T00:00+07:00");
    expect(previousSlot(daily, "2026-03-01T07:30+07:00")).toBe("2026-02-28T07:30+07:00");
  });
  it("slots sort as strings in time order", () => {
    const slots = ["2026-04-01T00:00+07:00", "2026-03-31T23:59+07:00", "2026-04-01T07:30+07:00", "2025-12-31T07:30+07:00"];
    const byString = [...slots].sort();
    const byTime = [...slots].sort((a, b) => slotInstant(a).getTime() - slotInstant(b).getTime());
    expect(byString).toEqual(byTime);
  });
});

describe("weekly slots", () => {
  it("Monday 07:30: the last Monday on or before now", () => {
    // 2026-11-23 is a Monday
    expect(latestSlot(weeklyMon, at("2026-11-23T00:30:00Z"))).toBe("2026-11-23T07:30+07:00");
    expect(latestSlot(weeklyMon, at("2026-11-23T00:29:00Z"))).toBe("2026-11-16T07:30+07:00");
    expect(latestSlot(weeklyMon, at("2026-11-29T16:59:00Z"))).toBe("2026-11-23T07:30+07:00"); // Sunday 23:59 VN
    expect(nextSlot(weeklyMon, at("2026-11-23T00:30:00Z"))).toBe("2026-11-30T07:30+07:00");
    expect(nextSlot(weeklyMon, at("2026-11-22T23:00:00Z"))).toBe("2026-11-23T07:30+07:00"); // Monday 06:00 VN
  });
  it("Sunday evening UTC is already Monday in Vietnam", () => {
    // 2026-11-22 (Sunday) 17:00Z = Monday 2026-11-23 00:00 in Vietnam
    const monMidnight: Schedule = { cadence: "weekly", time: "00:00", weekday: 1 };
    expect(latestSlot(monMidnight, at("2026-11-22T17:00:00Z"))).toBe("2026-11-23T00:00+07:00");
    expect(latestSlot(monMidnight, at("2026-11-22T16:59:00Z"))).toBe("2026-11-16T00:00+07:00");
  });
  it("Sunday 23:59 across a month end", () => {
    // 2026-05-31 is a Sunday; 23:59 VN = 16:59Z
    expect(latestSlot(weeklySun, at("2026-05-31T16:59:00Z"))).toBe("2026-05-31T23:59+07:00");
    expect(latestSlot(weeklySun, at("2026-05-31T16:58:00Z"))).toBe("2026-05-24T23:59+07:00");
    expect(nextSlot(weeklySun, at("2026-05-31T17:00:00Z"))).toBe("2026-06-07T23:59+07:00");
  });
  it("weekly without a weekday is Monday", () => {
    expect(latestSlot({ cadence: "weekly", time: "07:30" }, at("2026-11-25T03:00:00Z"))).toBe("2026-11-23T07:30+07:00");
  });
});

describe("what is owed", () => {
  it("the latest slot, once", () => {
    const now = at("2026-11-23T00:31:00Z");
    expect(dueSlot(daily, now)).toBe("2026-11-23T07:30+07:00");
    expect(dueSlot(daily, now, { last: "2026-11-23T07:30+07:00" })).toBeUndefined();
    expect(dueSlot(daily, now, { last: "2026-11-22T07:30+07:00" })).toBe("2026-11-23T07:30+07:00");
  });
  it("after three days down, only the latest missed slot is caught up", () => {
    const now = at("2026-11-26T10:00:00Z"); // 17:00 VN, last sent on the 22nd
    expect(dueSlot(daily, now, { last: "2026-11-22T07:30+07:00" })).toBe("2026-11-26T07:30+07:00");
    // and after that catch-up, nothing more until tomorrow's slot
    expect(dueSlot(daily, now, { last: "2026-11-26T07:30+07:00" })).toBeUndefined();
  });
  it("nothing is owed for a slot before the subscription was made", () => {
    const created = at("2026-11-23T03:00:00Z"); // 10:00 VN, after today's 07:30
    expect(dueSlot(daily, at("2026-11-23T03:01:00Z"), { since: created })).toBeUndefined();
    expect(dueSlot(daily, at("2026-11-24T00:30:00Z"), { since: created })).toBe("2026-11-24T07:30+07:00");
    // subscribing during the slot's own minute still gets it
    expect(dueSlot(daily, at("2026-11-23T00:30:40Z"), { since: at("2026-11-23T00:30:10Z") })).toBe("2026-11-23T07:30+07:00");
  });
  it("ledger keys that are not slots (alerts) do not count as the last slot", () => {
    expect(dueSlot(daily, at("2026-11-23T00:31:00Z"), { last: "#new:1:abc" })).toBe("2026-11-23T07:30+07:00");
  });
});

describe("Vietnamese descriptions", () => {
  it("schedules and slots", () => {
    expect(describeSchedule(daily)).toBe("hằng ngày lúc 07:30");
    expect(describeSchedule(weeklyMon)).toBe("hằng tuần vào thứ Hai lúc 07:30");
    expect(describeSlot("2026-11-29T23:59+07:00")).toBe("23:59 Chủ nhật 29/11/2026");
  });
});
