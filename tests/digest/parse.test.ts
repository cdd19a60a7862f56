import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import { parseSubscribeArgs, parseTime, type SubscribeRequest } from "../../digest/parse.js";

const registry = loadOrgRegistry();
const defaults = { time: "07:30" };

function ok(text: string): SubscribeRequest {
  const r = parseSubscribeArgs(text, registry, defaults);
  if (!r.ok) throw new Error(`expected "${text}" to parse: ${r.error}`);
  return r.request;
}

describe("/theodoi arguments", () => {
  const btctw = registry.resolve("Ban Tổ chức Trung ương")!.id;

  it("an organisation alone: daily at the default time", () => {
    expect(ok("btctw")).toMatchObject({ orgIds: [btctw], cadence: "daily", time: "07:30", sendEmpty: false, explicitSchedule: false });
    expect(ok("btctw").weekday).toBeUndefined();
  });
  it("names with and without diacritics, abbreviations", () => {
    expect(ok("Ban Tổ chức Trung ương hằng ngày 07:30").orgIds).toEqual([btctw]);
    expect(ok("ban to chuc trung uong hang ngay").orgIds).toEqual([btctw]);
    expect(ok("BTCTW").orgIds).toEqual([btctw]);
  });
  it("cadence words with and without diacritics, and in English", () => {
    for (const w of ["hằng tuần", "hang tuan", "hàng tuần", "weekly"]) expect(ok(`btctw ${w}`)).toMatchObject({ cadence: "weekly", weekday: 1 });
    for (const w of ["hằng ngày", "hang ngay", "daily"]) expect(ok(`btctw ${w}`)).toMatchObject({ cadence: "daily" });
  });
  it("a weekday makes it weekly on that day", () => {
    expect(ok("btctw hằng tuần thứ sáu 16:00")).toMatchObject({ cadence: "weekly", weekday: 5, time: "16:00" });
    expect(ok("hang tuan thu hai 7h30 btctw")).toMatchObject({ cadence: "weekly", weekday: 1, time: "07:30", orgIds: [btctw] });
    expect(ok("chủ nhật 20:00")).toMatchObject({ cadence: "weekly", weekday: 7, orgIds: [] });
    expect(ok("thứ 3")).toMatchObject({ cadence: "weekly", weekday: 2 });
  });
  it("no organisation follows every organisation", () => {
    expect(ok("hằng ngày 06:00")).toMatchObject({ orgIds: [], cadence: "daily", time: "06:00", explicitSchedule: true });
  });
  it("several organisations, separated by commas", () => {
    const bnv = registry.resolve("Bộ Nội vụ")!.id;
    expect(ok("btctw, Bộ Nội vụ hằng ngày").orgIds).toEqual([btctw, bnv]);
  });
  it("“cả khi trống” asks for empty digests too", () => {
    expect(ok("btctw hằng ngày cả khi trống").sendEmpty).toBe(true);
    expect(ok("btctw ca khi trong").sendEmpty).toBe(true);
  });
  it("times in the usual spellings", () => {
    expect(parseTime("7:30")).toBe("07:30");
    expect(parseTime("07:05")).toBe("07:05");
    expect(parseTime("7h")).toBe("07:00");
    expect(parseTime("19h45")).toBe("19:45");
    expect(parseTime("24:00")).toBeUndefined();
    expect(parseTime("730")).toBeUndefined();
    expect(ok("btctw lúc 7h").time).toBe("07:00");
  });
  it("says what it could not read, in Vietnamese", () => {
    const unknown = parseSubscribeArgs("Ban Không Tồn Tại hằng ngày", registry, defaults);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error).toContain("Không nhận ra cơ quan “Ban Không Tồn Tại”");
    const badTime = parseSubscribeArgs("btctw 25:00", registry, defaults);
    expect(badTime.ok).toBe(false);
    const dailyWithDay = parseSubscribeArgs("btctw hằng ngày thứ hai", registry, defaults);
    expect(dailyWithDay.ok).toBe(false);
  });
});

describe("names with commas", () => {
  it("a body whose name holds commas is one organisation, not three", () => {
    const r = parseSubscribeArgs("Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương hằng tuần", registry, defaults);
    expect(r.ok && r.request.orgIds).toEqual(["cac-tinh-uy-thanh-uy-dang-uy-truc-thuoc-trung-uong"]);
    const two = parseSubscribeArgs("cac tinh uy, thanh uy, dang uy truc thuoc trung uong, btctw", registry, defaults);
    expect(two.ok && two.request.orgIds).toEqual(["cac-tinh-uy-thanh-uy-dang-uy-truc-thuoc-trung-uong", registry.resolve("btctw")!.id]);
  });
});

describe("look-ahead", () => {
  it("“30 ngày” sets the look-ahead; without it the default applies", () => {
    expect(ok("btctw hằng tuần 30 ngày").lookaheadDays).toBe(30);
    expect(ok("btctw 7 ngay 08:00")).toMatchObject({ lookaheadDays: 7, time: "08:00", cadence: "daily" });
    expect(ok("btctw").lookaheadDays).toBeUndefined();
    expect(parseSubscribeArgs("btctw 400 ngày", registry, defaults).ok).toBe(false);
  });
});
