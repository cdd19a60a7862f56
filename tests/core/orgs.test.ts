import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrgRegistry } from "../../core/orgs.js";
import { ConfigError } from "../../core/errors.js";

const reg = loadOrgRegistry();
const SAMPLE = readFileSync(new URL("../../sample-corpus/002_f51bd1bc98d5fad9.txt", import.meta.url), "utf8");

/** The text of one "(i)" item of a numbered section of the sample. */
function item(section: string, marker: string): string {
  const start = SAMPLE.indexOf(`\n${section}. `);
  const from = SAMPLE.indexOf(`(${marker})`, start);
  const to = SAMPLE.slice(from + 3).search(/\(\w+\)|\n\d+\. |\nNơi nhận/);
  return SAMPLE.slice(from, from + 3 + to);
}

describe("resolve", () => {
  it("maps every written form of the Central Organisation Commission to one id", () => {
    const forms = [
      "Ban Tổ chức Trung ương", "Ban Tổ chức TW", "BTCTW", "Ban TCTW", "ban to chuc tw", "BAN TỔ CHỨC TRUNG ƯƠNG",
      "  Ban  Tổ chức   Trung ương ", "Ban Tổ chức Trung ương Đảng", "btctw",
    ];
    const ids = new Set(forms.map((f) => reg.resolve(f)?.id));
    expect([...ids]).toEqual(["ban-to-chuc-trung-uong"]);
  });

  it("ignores uỷ/ủy and diacritics", () => {
    const ids = ["Uỷ ban Kiểm tra Trung ương", "Ủy ban Kiểm tra TW", "UBKTTW", "uy ban kiem tra trung uong"].map((f) => reg.resolve(f)?.id);
    expect(new Set(ids)).toEqual(new Set(["uy-ban-kiem-tra-trung-uong"]));
    expect(reg.resolve("Văn phòng Trung ương Đảng")?.id).toBe(reg.resolve("VPTW")?.id);
  });

  it("keeps a party committee apart from the body it sits in", () => {
    const gov = reg.resolve("Chính phủ");
    const govParty = reg.resolve("Đảng uỷ Chính phủ");
    expect(gov?.id).toBe("chinh-phu");
    expect(govParty?.id).toBe("dang-uy-chinh-phu");
    expect(reg.resolve("Đảng ủy Chính phủ")?.id).toBe(govParty?.id);
    const health = reg.resolve("Bộ Y tế");
    const healthParty = reg.resolve("Đảng uỷ Bộ Y tế");
    expect(health?.id).toBe("bo-y-te");
    expect(healthParty).toBeDefined();
    expect(healthParty!.id).not.toBe(health!.id);
    expect(healthParty!.name).toMatch(/^Đảng ủy Bộ Y tế$/);
    expect(reg.resolve("dang uy bo noi vu")?.id).toBe(reg.resolve("Đảng ủy Bộ Nội vụ")?.id);
    expect(reg.resolve("Đảng ủy Bộ Nội vụ")?.id).not.toBe(reg.resolve("Bộ Nội vụ")?.id);
    // Derived bodies can be fetched by id later (a stored assignment keeps only the id).
    expect(reg.get(healthParty!.id)?.name).toBe(healthParty!.name);
  });

  it("reads BCT as the Politburo, and does not guess unknown bodies", () => {
    expect(reg.resolve("BCT")?.id).toBe("bo-chinh-tri");
    expect(reg.resolve("Bộ Công Thương")?.id).toBe("bo-cong-thuong");
    expect(reg.resolve("Sở Y tế tỉnh Lào Cai")?.id).toBe("so:y-te:lao-cai");
    expect(reg.resolve("Ban Tổ chức")).toBeUndefined();
    expect(reg.resolve("")).toBeUndefined();
  });

  it("has the required bodies", () => {
    for (const name of [
      "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương", "Ban Tuyên giáo và Dân vận Trung ương", "Ban Tuyên giáo Trung ương",
      "Ban Dân vận Trung ương", "Ban Nội chính Trung ương", "Ban Chính sách, chiến lược Trung ương", "Ban Kinh tế Trung ương",
      "Ban Đối ngoại Trung ương", "Học viện Chính trị quốc gia Hồ Chí Minh", "Đảng uỷ Quốc hội",
      "Đảng uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương", "Đảng uỷ Công an Trung ương", "Quân uỷ Trung ương", "Quốc hội",
      "Thủ tướng Chính phủ", "TTg", "Phó Thủ tướng", "VPCP", "BNV", "BTC", "BKHCN", "Bộ Giáo dục và Đào tạo", "Bộ Quốc phòng",
      "Bộ Công an", "Bộ Ngoại giao", "Bộ Tư pháp", "Bộ Xây dựng", "Bộ Nông nghiệp và Môi trường", "Bộ Văn hoá, Thể thao và Du lịch",
      "Bộ Dân tộc và Tôn giáo", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ", "Uỷ ban Dân tộc", "Bộ Kế hoạch và Đầu tư",
      "Bộ Thông tin và Truyền thông", "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài nguyên và Môi trường",
      "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Giao thông vận tải", "VTV", "VOV", "TTXVN", "Mặt trận Tổ quốc Việt Nam",
      "Toà án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Kiểm toán Nhà nước", "các tỉnh uỷ, thành uỷ, đảng uỷ trực thuộc Trung ương",
      "Các tỉnh ủy, thành ủy, đảng ủy", "các cấp uỷ, tổ chức đảng", "Uỷ ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
      "UBND các tỉnh, thành phố", "các bộ, ngành, địa phương", "các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ", "Hội đồng nhân dân các cấp",
    ]) {
      expect(reg.resolve(name), name).toBeDefined();
    }
    expect(reg.resolve("UBND các tỉnh, thành phố")?.id).toBe(reg.resolve("Uỷ ban nhân dân các tỉnh, thành phố trực thuộc Trung ương")?.id);
    expect(reg.resolve("Các tỉnh ủy, thành ủy, đảng ủy")?.id).toBe(reg.resolve("các tỉnh uỷ, thành uỷ, đảng uỷ trực thuộc Trung ương")?.id);
  });
});

describe("findAll", () => {
  it("finds the bodies in item 3 (i) of the sample, longest match first", () => {
    const text = item("3", "i");
    expect(text).toContain("Đảng uỷ Bộ Nội vụ");
    const found = reg.findAll(text);
    expect(found.map((m) => m.text)).toEqual(["Đảng uỷ Chính phủ", "Đảng uỷ Bộ Nội vụ"]);
    expect(found.map((m) => m.org.id)).toEqual(["dang-uy-chinh-phu", "dang-uy-bo-noi-vu"]);
    for (const m of found) expect(text.slice(m.index, m.index + m.length)).toBe(m.text);
  });

  it("finds the bodies in item 4 (iii) of the sample, but not the issuer inside a document symbol", () => {
    const text = item("4", "iii");
    const found = reg.findAll(text);
    expect(found.map((m) => m.org.id)).toEqual(["ban-to-chuc-trung-uong", "tong-bi-thu", "van-phong-trung-uong-dang"]);
    expect(found.map((m) => m.text)).toEqual(["Ban Tổ chức Trung ương", "Tổng Bí thư", "Văn phòng Trung ương Đảng"]);
    expect(text).toContain("21-TB/VPTW");
  });

  it("finds collective bodies and offsets in the whole sample", () => {
    const found = reg.findAll(SAMPLE);
    const ids = found.map((m) => m.org.id);
    expect(ids).toContain("cac-tinh-uy-thanh-uy-dang-uy-truc-thuoc-trung-uong");
    expect(ids).toContain("cac-cap-uy-to-chuc-dang");
    expect(ids).toContain("ban-tuyen-giao-va-dan-van-trung-uong");
    for (let k = 1; k < found.length; k++) expect(found[k]!.index).toBeGreaterThanOrEqual(found[k - 1]!.index + found[k - 1]!.length);
    for (const m of found) expect(SAMPLE.slice(m.index, m.index + m.length)).toBe(m.text);
  });

  it("matches short abbreviations only as upper-case words", () => {
    expect(reg.findAll("Giao BTC chủ trì").map((m) => m.org.id)).toEqual(["bo-tai-chinh"]);
    expect(reg.findAll("giao btc chủ trì, vov lại")).toEqual([]);
    expect(reg.findAll("Quyết định số 12/QĐ-TTg của Thủ tướng").map((m) => m.text)).toEqual(["Thủ tướng"]);
  });

  it("skips symbols, staff ('cán bộ') and local branches of central bodies", () => {
    expect(reg.findAll("Quyết định số 3212/QĐ- BKHCN ngày 17/10/2025 của Bộ trưởng")).toEqual([]);
    expect(reg.findAll("Đội ngũ cán bộ khoa học và công nghệ có bước phát triển")).toEqual([]);
    expect(reg.findAll("Phòng An ninh chính trị nội bộ Công an tỉnh")).toEqual([]);
    expect(reg.findAll("Ban Thường trực Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh Lai Châu và Bộ Công an")).toEqual([
      expect.objectContaining({ text: "Bộ Công an" }),
    ]);
    expect(reg.resolve("Ủy ban MTTQ Việt Nam tỉnh Lai Châu")).toBeUndefined();
    expect(reg.findAll("Bộ Lao động - Thương binh và Xã hội").map((m) => m.org.id)).toEqual(["bo-lao-dong-thuong-binh-va-xa-hoi"]);
    expect(reg.findAll("Cán bộ Bộ Nội vụ").map((m) => m.text)).toEqual(["Bộ Nội vụ"]);
  });

  it("keeps 'Bộ Y tế' inside 'Đảng uỷ Bộ Y tế' as one mention, and reads no diacritics", () => {
    expect(reg.findAll("Đảng uỷ Bộ Y tế phối hợp với Bộ Y tế").map((m) => [m.text, m.org.id])).toEqual([
      ["Đảng uỷ Bộ Y tế", "dang-uy-bo-y-te"],
      ["Bộ Y tế", "bo-y-te"],
    ]);
    expect(reg.findAll("giao ban to chuc trung uong va van phong chinh phu").map((m) => m.org.id)).toEqual([
      "ban-to-chuc-trung-uong", "van-phong-chinh-phu",
    ]);
    // A sentence stop ends a name: "Bộ Văn hoá. Thể thao ..." is not the ministry.
    expect(reg.findAll("Bộ Văn hoá. Thể thao và Du lịch")).toEqual([]);
    expect(reg.findAll("Bộ Văn hoá, Thể thao và Du lịch").map((m) => m.org.id)).toEqual(["bo-van-hoa-the-thao-va-du-lich"]);
  });
});

describe("extra registry file", () => {
  it("adds bodies and aliases from a user file in the same format", () => {
    const dir = mkdtempSync(join(tmpdir(), "orgs-"));
    const file = join(dir, "orgs.json");
    writeFileSync(file, JSON.stringify({
      orgs: [
        { id: "so-y-te-ha-noi", name: "Sở Y tế Hà Nội", aliases: ["Sở Y tế thành phố Hà Nội"], abbreviations: ["SYTHN"], group: "local" },
        { id: "bo-y-te", aliases: ["Bộ Y"] },
      ],
    }));
    const extended = loadOrgRegistry({ extraFile: file });
    expect(extended.resolve("so y te thanh pho ha noi")?.id).toBe("so-y-te-ha-noi");
    expect(extended.findAll("Giao SYTHN và Bộ Y phối hợp").map((m) => m.org.id)).toEqual(["so-y-te-ha-noi", "bo-y-te"]);
    expect(extended.get("bo-y-te")?.name).toBe("Bộ Y tế");
    expect(extended.all().length).toBe(reg.all().length + 1);
    // The built-in registry derives the department by rule; the user's entry stays in the extended one.
    expect(reg.resolve("Sở Y tế Hà Nội")?.id).toBe("so:y-te:ha-noi");
  });

  it("reports a broken file as a configuration error", () => {
    const dir = mkdtempSync(join(tmpdir(), "orgs-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, "{ not json");
    expect(() => loadOrgRegistry({ extraFile: file })).toThrow(ConfigError);
    expect(() => loadOrgRegistry({ extraFile: join(dir, "missing.json") })).toThrow(ConfigError);
  });
});
