import { describe, expect, it } from "vitest";
import data from "../../core/orgs.json" with { type: "json" };
import { loadOrgRegistry } from "../../core/orgs.js";
import type { RegistryFile } from "../../core/orgs.js";

const reg = loadOrgRegistry();
const found = (text: string, loose = false): Array<[string, string]> => reg.findAll(text, { loose }).map((m) => [m.text, m.org.id]);

describe("provincial departments", () => {
  it("derives every field's department, with and without a province, and fetches it by id", () => {
    const fields = (data as RegistryFile).local?.departments?.fields ?? [];
    expect(fields.length).toBeGreaterThanOrEqual(17);
    for (const f of fields) {
      const bare = reg.resolve(`Sở ${f.name}`);
      expect(bare?.id, f.id).toBe(`so:${f.id}`);
      expect(bare?.name).toBe(`Sở ${f.name}`);
      const placed = reg.resolve(`Sở ${f.name} tỉnh Đồng Nai`);
      expect(placed?.id, f.id).toBe(`so:${f.id}:dong-nai`);
      expect(reg.get(placed!.id)?.name).toBe(`Sở ${f.name} tỉnh Đồng Nai`);
    }
    expect(reg.get("so:khong-co")).toBeUndefined();
    expect(reg.get("so:y-te:khong-co")).toBeUndefined();
  });

  it("reads a department of a named province in the ways documents write it", () => {
    expect(found("Giao Sở Xây dựng tỉnh Đồng Nai chủ trì rà soát")).toEqual([["Sở Xây dựng tỉnh Đồng Nai", "so:xay-dung:dong-nai"]]);
    expect(found("Sở Tài chính Hà Nội, Sở Nội vụ TP.HCM và Sở Y tế Thành phố Hồ Chí Minh").map((m) => m[1])).toEqual([
      "so:tai-chinh:ha-noi", "so:noi-vu:ho-chi-minh", "so:y-te:ho-chi-minh",
    ]);
    expect(reg.get("so:y-te:ho-chi-minh")?.name).toBe("Sở Y tế Thành phố Hồ Chí Minh");
    expect(found("Sở Văn hoá, Thể thao và Du lịch; Sở GD&ĐT; Sở Lao động - Thương binh và Xã hội").map((m) => m[1])).toEqual([
      "so:van-hoa-the-thao-va-du-lich", "so:giao-duc-va-dao-tao", "so:lao-dong-thuong-binh-va-xa-hoi",
    ]);
    // A province merged in 2025 points at the same department of the province it joined.
    expect(reg.resolve("Sở Tài chính tỉnh Bắc Giang")?.mergedInto).toBe("so:tai-chinh:bac-ninh");
  });

  it("reads a department's English name in a question, never in a document", () => {
    expect(found("the Department of Home Affairs of Dong Nai", true)).toEqual([["Department of Home Affairs of Dong Nai", "so:noi-vu:dong-nai"]]);
    expect(found("the Department of Science and Technology", true).map((m) => m[1])).toEqual(["so:khoa-hoc-va-cong-nghe"]);
    expect(found("the Department of Science and Technology of Bac Ninh")).toEqual([]);
  });

  it("keeps the field's department when no known province follows", () => {
    expect(found("Giao Sở Xây dựng Sông Lam chủ trì")).toEqual([["Sở Xây dựng", "so:xay-dung"]]);
    expect(found("Sở Y tế tỉnh có trách nhiệm")).toEqual([["Sở Y tế tỉnh", "so:y-te"]]);
  });

  it("reads nothing from words that fold like 'Sở' or facilities named after a field", () => {
    expect(found("Số Tài chính năm 2025 và sổ Xây dựng")).toEqual([]);
    expect(found("nâng cấp cơ sở Y tế tuyến xã")).toEqual([]);
    expect(found("các cơ sở y tế", true)).toEqual([]);
    expect(found("sở tài chính tỉnh đồng nai", false)).toEqual([]);
    expect(found("so tai chinh dong nai được giao gì", true)).toEqual([["so tai chinh dong nai", "so:tai-chinh:dong-nai"]]);
  });
});
