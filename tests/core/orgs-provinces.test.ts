import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import data from "../../core/orgs.json" with { type: "json" };
import { loadOrgRegistry, predecessorsOf } from "../../core/orgs.js";
import type { RegistryFile } from "../../core/orgs.js";
import { fold } from "../../core/text.js";

const reg = loadOrgRegistry();

const SHARED = new URL("../../../shared/", import.meta.url);
const DIRECTIVES = new URL("ext/directives/", SHARED);
const found = (text: string, loose = false): Array<[string, string]> => reg.findAll(text, { loose }).map((m) => [m.text, m.org.id]);

describe("provincial bodies", () => {
  const provinces = (data as RegistryFile).local?.provinces ?? [];

  it("lists the 34 provinces and cities of July 2025 and the 63 before, each old one pointing at its new one", () => {
    const current = provinces.filter((p) => !p.mergedInto);
    expect(provinces).toHaveLength(63);
    expect(current).toHaveLength(34);
    expect(current.filter((p) => p.kind === "thanh-pho").map((p) => p.name).sort()).toEqual(
      ["Cần Thơ", "Hà Nội", "Hải Phòng", "Hồ Chí Minh", "Huế", "Đà Nẵng"].sort(),
    );
    for (const p of provinces) {
      const ubnd = reg.get(`ubnd:${p.id}`);
      expect(ubnd?.name, p.id).toMatch(new RegExp(`^Ủy ban nhân dân (tỉnh|thành phố|Thành phố) ${p.name}$`));
      expect(reg.resolve(ubnd!.name)?.id).toBe(ubnd!.id);
      if (p.mergedInto) expect(current.map((c) => c.id)).toContain(p.mergedInto);
    }
    expect(reg.get("ubnd:bac-giang")?.mergedInto).toBe("ubnd:bac-ninh");
    // Hải Dương was a province; it joined a city, whose party committee is a Thành ủy.
    expect(reg.get("tinh-uy:hai-duong")?.mergedInto).toBe("thanh-uy:hai-phong");
    expect(reg.get("tinh-uy:ha-noi")).toBeUndefined();
  });

  it("gives a body of a merged province the same body of each province that joined it as predecessors", () => {
    const before = (id: string) => predecessorsOf(reg, reg.get(id)!).map((o) => o.id);
    expect(before("ubnd:gia-lai")).toEqual(["ubnd:binh-dinh"]);
    expect(before("hdnd:can-tho")).toEqual(["hdnd:soc-trang", "hdnd:hau-giang"]);
    expect(before("so:y-te:gia-lai")).toEqual(["so:y-te:binh-dinh"]);
    // A province that joined a city had a Tỉnh ủy; the city has a Thành ủy.
    expect(before("thanh-uy:hai-phong")).toEqual(["tinh-uy:hai-duong"]);
    expect(before("btv-thanh-uy:ho-chi-minh").sort()).toEqual(["btv-tinh-uy:ba-ria-vung-tau", "btv-tinh-uy:binh-duong"]);
    // The province that joined another, one that merged with none, a department with no province: none.
    for (const id of ["ubnd:binh-dinh", "so:y-te:binh-dinh", "ubnd:ha-noi", "so:y-te"]) expect(before(id), id).toEqual([]);
    // Each is found from the province list: every merged province's body leads to its new province's.
    for (const p of provinces.filter((q) => q.mergedInto)) {
      expect(before(`ubnd:${p.mergedInto}`), p.id).toContain(`ubnd:${p.id}`);
      expect(before(`so:tai-chinh:${p.mergedInto}`), p.id).toContain(`so:tai-chinh:${p.id}`);
    }
  });

  it("reads people's committees, councils and party committees of a named province", () => {
    expect(found("Giao UBND tỉnh Đồng Nai chủ trì, phối hợp với Sở Tài chính")).toEqual([
      ["UBND tỉnh Đồng Nai", "ubnd:dong-nai"], ["Sở Tài chính", "so:tai-chinh"],
    ]);
    expect(found("Uỷ ban nhân dân tỉnh Thanh Hoá báo cáo kết quả")).toEqual([["Uỷ ban nhân dân tỉnh Thanh Hoá", "ubnd:thanh-hoa"]]);
    expect(found("UBND TP.HCM và UBND TP. Hồ Chí Minh, UBND TPHCM, Ủy ban nhân dân Thành phố Hồ Chí Minh").map((m) => m[1])).toEqual([
      "ubnd:ho-chi-minh", "ubnd:ho-chi-minh", "ubnd:ho-chi-minh", "ubnd:ho-chi-minh",
    ]);
    expect(found("Tỉnh ủy Ninh Bình, Thành ủy Hà Nội và HĐND tỉnh Bắc Ninh")).toEqual([
      ["Tỉnh ủy Ninh Bình", "tinh-uy:ninh-binh"], ["Thành ủy Hà Nội", "thanh-uy:ha-noi"], ["HĐND tỉnh Bắc Ninh", "hdnd:bac-ninh"],
    ]);
    expect(found("đề nghị Hội đồng nhân dân thành phố\nHà Nội xem xét")).toEqual([["Hội đồng nhân dân thành phố\nHà Nội", "hdnd:ha-noi"]]);
    expect(found("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN")).toEqual([["ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "ubnd:nghe-an"]]);
    expect(found("HĐND tỉnh Thừa Thiên Huế")).toEqual([["HĐND tỉnh Thừa Thiên Huế", "hdnd:hue"]]);
    expect(reg.resolve("Thành ủy Thành phố Hồ Chí Minh")?.name).toBe("Thành ủy Thành phố Hồ Chí Minh");
    expect(reg.resolve("Tỉnh ủy Hà Nội")?.id).toBe("thanh-uy:ha-noi"); // a slip for the city's committee
  });

  it("gives the standing committee its own id, and a party committee inside a people's committee", () => {
    expect(found("Ban Thường vụ Tỉnh ủy Thanh Hóa chỉ đạo; Ban Thường vụ Thành uỷ Hà Nội")).toEqual([
      ["Ban Thường vụ Tỉnh ủy Thanh Hóa", "btv-tinh-uy:thanh-hoa"], ["Ban Thường vụ Thành uỷ Hà Nội", "btv-thanh-uy:ha-noi"],
    ]);
    expect(reg.get("btv-tinh-uy:thanh-hoa")?.name).toBe("Ban Thường vụ Tỉnh ủy Thanh Hóa");
    const party = reg.findAll("Đảng ủy Ủy ban nhân dân thành phố Hà Nội lãnh đạo");
    expect(party.map((m) => m.org.id)).toEqual(["dang-uy-ubnd:ha-noi"]);
    expect(reg.get("dang-uy-ubnd:ha-noi")?.name).toBe("Đảng ủy Ủy ban nhân dân thành phố Hà Nội");
  });

  it("does not read a head without a province, a province list, a town or a collective as a provincial body", () => {
    expect(found("UBND tỉnh xem xét, quyết định")).toEqual([]);
    expect(found("Ủy ban nhân dân Thành phố quy định chi tiết; HĐND TP (2B)")).toEqual([]);
    expect(found("mưa lớn ở các tỉnh Quảng Trị, Huế, Đà Nẵng")).toEqual([]);
    expect(found("Ban Thường vụ Tỉnh ủy các tỉnh")).toEqual([]);
    expect(found("UBND thành phố Hội An")).toEqual([]);
    // Before 2025 "thành phố Thanh Hóa" was a city inside the province: another body.
    expect(found("UBND thành phố Thanh Hóa và Thành ủy Thanh Hóa")).toEqual([]);
    expect(found("UBND các tỉnh, thành phố trực thuộc Trung ương")).toEqual([["UBND các tỉnh, thành phố trực thuộc Trung ương", "ubnd-cac-tinh-thanh-pho"]]);
    expect(found("Tỉnh ủy, thành ủy")).toEqual([["Tỉnh ủy, thành ủy", "cac-tinh-uy-thanh-uy"]]);
    expect(found("Chi nhánh Ngân hàng Chính sách xã hội tỉnh Lai Châu")).toEqual([]);
    // A body's office is another body: "Văn phòng UBND tỉnh Hà Tĩnh" is not UBND tỉnh Hà Tĩnh.
    expect(found("Giao Văn phòng UBND tỉnh Hà Tĩnh và Văn phòng Tỉnh ủy Hà Tĩnh chủ trì")).toEqual([]);
    expect(reg.resolve("UBND tỉnh")).toBeUndefined();
    expect(reg.resolve("Đồng Nai")).toBeUndefined();
  });

  it("reads English names of provincial bodies", () => {
    expect(found("the Thanh Hoa provincial People's Committee and the People’s Committee of Dong Nai province")).toEqual([
      ["Thanh Hoa provincial People's Committee", "ubnd:thanh-hoa"], ["People’s Committee of Dong Nai province", "ubnd:dong-nai"],
    ]);
    expect(found("HCMC People's Committee, Ho Chi Minh City People's Council and the Hanoi Party Committee").map((m) => m[1])).toEqual([
      "ubnd:ho-chi-minh", "hdnd:ho-chi-minh", "thanh-uy:ha-noi",
    ]);
    expect(found("Hanoi is large; a commune People's Committee")).toEqual([]);
  });

  describe.skipIf(!existsSync(DIRECTIVES))("on the shared directives", () => {
    it("finds every '<UBND|HĐND> <tỉnh|thành phố> <province>' written on one line, with the right id", () => {
      const names = provinces.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => [n, p.id] as const));
      const byName = new Map(names.map(([n, id]) => [fold(n), id]));
      const alt = names.map(([n]) => n).sort((a, b) => b.length - a.length).join("|");
      const re = new RegExp(`(UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân) (tỉnh|thành phố) (${alt})(?![\\p{L}])`, "gu");
      let total = 0, right = 0;
      for (const f of readdirSync(DIRECTIVES).filter((n) => n.endsWith(".md"))) {
        const text = readFileSync(new URL(f, DIRECTIVES), "utf8");
        const mentions = reg.findAll(text);
        for (const m of text.matchAll(re)) {
          const id = byName.get(fold(m[3]!))!;
          const province = provinces.find((p) => p.id === id)!;
          // "thành phố <province>" names a town inside it (see above).
          if (m[2] === "thành phố" && province.kind !== "thanh-pho") continue;
          // "Văn phòng UBND tỉnh X" names the committee's office (see above).
          if (/phòng\s+$/u.test(text.slice(Math.max(0, m.index! - 8), m.index))) continue;
          const head = /^(UBND|Ủy)/.test(m[1]!) ? "ubnd" : "hdnd";
          total++;
          // Inside a longer mention only as its body: "Đảng ủy Ủy ban nhân dân thành phố Hà Nội".
          const over = mentions.find((x) => x.index <= m.index! && m.index! < x.index + x.length);
          if (over && (over.org.id === `${head}:${id}` || over.org.id.endsWith(`-${head}:${id}`))) right++;
        }
      }
      expect(total).toBeGreaterThan(300);
      expect(right).toBe(total);
    });
  });
});
