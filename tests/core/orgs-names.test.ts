import { existsSync, readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import data from "../../core/orgs.json" with { type: "json" };
import { loadOrgRegistry } from "../../core/orgs.js";
import type { RegistryFile } from "../../core/orgs.js";
import { fold } from "../../core/text.js";

const reg = loadOrgRegistry();

const SHARED = new URL("../../../shared/", import.meta.url);
const DIRECTIVES = new URL("ext/directives/", SHARED);
const found = (text: string, loose = false): Array<[string, string]> => reg.findAll(text, { loose }).map((m) => [m.text, m.org.id]);

describe("state-owned groups and agencies", () => {
  it("reads groups by name, former name and abbreviation", () => {
    expect(found("hỗ trợ EVN, PVN, TKV và các chủ đầu tư").map((m) => m[1])).toEqual([
      "tap-doan-dien-luc-viet-nam", "tap-doan-cong-nghiep-nang-luong-quoc-gia-viet-nam", "tap-doan-cong-nghiep-than-khoang-san-viet-nam",
    ]);
    for (const [name, id] of [
      ["Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", "tap-doan-cong-nghiep-nang-luong-quoc-gia-viet-nam"],
      ["Tập đoàn Dầu khí Việt Nam", "tap-doan-cong-nghiep-nang-luong-quoc-gia-viet-nam"],
      ["Petrovietnam", "tap-doan-cong-nghiep-nang-luong-quoc-gia-viet-nam"],
      ["Tập đoàn Điện lực Việt Nam", "tap-doan-dien-luc-viet-nam"],
      ["Tập đoàn Bưu chính Viễn thông Việt Nam", "tap-doan-buu-chinh-vien-thong-viet-nam"],
      ["Viettel", "tap-doan-cong-nghiep-vien-thong-quan-doi"],
      ["Tập đoàn Công nghiệp - Viễn thông Quân đội", "tap-doan-cong-nghiep-vien-thong-quan-doi"],
      ["Tổng công ty Cảng hàng không Việt Nam", "tong-cong-ty-cang-hang-khong-viet-nam"],
      ["VNR", "tong-cong-ty-duong-sat-viet-nam"],
      ["Vietnam Airlines", "tong-cong-ty-hang-khong-viet-nam"],
      ["Petrolimex", "tap-doan-xang-dau-viet-nam"],
      ["Ngân hàng Chính sách xã hội", "ngan-hang-chinh-sach-xa-hoi"],
      ["NHCSXH", "ngan-hang-chinh-sach-xa-hoi"],
      ["Kho bạc Nhà nước", "kho-bac-nha-nuoc"],
      ["BHXH Việt Nam", "bao-hiem-xa-hoi-viet-nam"],
      ["Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "uy-ban-quan-ly-von-nha-nuoc-tai-doanh-nghiep"],
    ]) expect(reg.resolve(name!)?.id, name).toBe(id);
    expect(found("Tập đoàn Công nghiệp-Năng lượng quốc gia\nViệt Nam chủ động")).toHaveLength(1);
    expect(reg.resolve("Đảng ủy Tập đoàn Điện lực Việt Nam")?.name).toBe("Đảng ủy Tập đoàn Điện lực Việt Nam");
    // "BHXH, BHYT" is the insurance, not the agency.
    expect(found("người tham gia BHXH, BHYT")).toEqual([]);
  });
});

describe("English names", () => {
  it("names every ministry and central body in English, case-insensitively, as whole words", () => {
    for (const [name, id] of [
      ["Ministry of Home Affairs", "bo-noi-vu"], ["Ministry of National Defence", "bo-quoc-phong"], ["ministry of national defense", "bo-quoc-phong"],
      ["Ministry of Public Security", "bo-cong-an"], ["Ministry of Foreign Affairs", "bo-ngoai-giao"], ["Ministry of Finance", "bo-tai-chinh"],
      ["Ministry of Industry and Trade", "bo-cong-thuong"], ["Ministry of Science and Technology", "bo-khoa-hoc-va-cong-nghe"],
      ["Ministry of Education and Training", "bo-giao-duc-va-dao-tao"], ["Ministry of Health", "bo-y-te"], ["Ministry of Justice", "bo-tu-phap"],
      ["Ministry of Construction", "bo-xay-dung"], ["Ministry of Agriculture and Environment", "bo-nong-nghiep-va-moi-truong"],
      ["Ministry of Culture, Sports and Tourism", "bo-van-hoa-the-thao-va-du-lich"], ["Ministry of Ethnic and Religious Affairs", "bo-dan-toc-va-ton-giao"],
      ["State Bank of Vietnam", "ngan-hang-nha-nuoc-viet-nam"], ["Government Office", "van-phong-chinh-phu"], ["Government Inspectorate", "thanh-tra-chinh-phu"],
      ["Prime Minister", "thu-tuong-chinh-phu"], ["PM", "thu-tuong-chinh-phu"], ["the Government", "chinh-phu"], ["National Assembly", "quoc-hoi"],
      ["Politburo", "bo-chinh-tri"], ["Secretariat", "ban-bi-thu"], ["Central Organization Commission", "ban-to-chuc-trung-uong"],
      ["Central Organising Committee", "ban-to-chuc-trung-uong"], ["Party Central Committee's Organization Commission", "ban-to-chuc-trung-uong"],
      ["Central Party Office", "van-phong-trung-uong-dang"], ["Central Inspection Commission", "uy-ban-kiem-tra-trung-uong"],
      ["Central Propaganda and Mass Mobilization Commission", "ban-tuyen-giao-va-dan-van-trung-uong"],
      ["Ho Chi Minh National Academy of Politics", "hoc-vien-chinh-tri-quoc-gia-ho-chi-minh"],
    ]) expect(reg.resolve(name!)?.id, name).toBe(id);
    for (const o of reg.all().filter((x) => x.group === "ministry" || x.group === "party-central")) {
      expect(o.aliases.some((a) => /^[\x20-\x7e’]+$/.test(a) && /[a-z]{4}/.test(a)), `${o.name} has an English name`).toBe(true);
    }
  });

  it("finds English names in a sentence, longest first", () => {
    expect(found("The Ministry of Home Affairs and the Government Office report to the Deputy Prime Minister.")).toEqual([
      ["Ministry of Home Affairs", "bo-noi-vu"], ["the Government Office", "van-phong-chinh-phu"], ["Deputy Prime Minister", "pho-thu-tuong-chinh-phu"],
    ]);
    expect(found("what did the politburo assign to the central organization commission?")).toEqual([
      ["politburo", "bo-chinh-tri"], ["central organization commission", "ban-to-chuc-trung-uong"],
    ]);
    expect(found("the ministry of healthcare; the ASEAN Secretariat; at 3 pm")).toEqual([]);
  });
});

describe("loose mode (typed questions)", () => {
  it("matches abbreviations in any case as whole words", () => {
    expect(found("btctw q2/2026 giao gì", true)).toEqual([["btctw", "ban-to-chuc-trung-uong"]]);
    expect(found("vptw, bnv và pvn được giao gì", true).map((m) => m[1])).toEqual([
      "van-phong-trung-uong-dang", "bo-noi-vu", "tap-doan-cong-nghiep-nang-luong-quoc-gia-viet-nam",
    ]);
    expect(found("ubnd tp.hcm phải làm gì", true)).toEqual([["ubnd tp.hcm", "ubnd:ho-chi-minh"]]);
    expect(found("ubnd tinh dong nai", true)).toEqual([["ubnd tinh dong nai", "ubnd:dong-nai"]]);
    // Document mode stays strict.
    expect(found("btctw q2/2026 giao gì")).toEqual([]);
    expect(found("ubnd tp.hcm phải làm gì")).toEqual([]);
    // Still not inside symbols or words.
    expect(found("kết luận 66-kl/btctw, abtctw", true)).toEqual([]);
  });

  it("never reads an ordinary word as an abbreviation", () => {
    expect(found("một việc lúc 3 pm, mot viec, most of it, go", true)).toEqual([]);
    const strict = new Set(((data as RegistryFile).strictAbbreviations ?? []).map(fold));
    const loose = reg.all().flatMap((o) => o.abbreviations).map(fold).filter((a) => a.length >= 3 && !strict.has(a));
    // Every lower-case word of the sample documents (and of the shared directives when present), without
    // diacritics, as a user may type it.
    const dirs = [new URL("../../sample-corpus/", import.meta.url), ...(existsSync(DIRECTIVES) ? [DIRECTIVES] : [])];
    const words = new Set(dirs.flatMap((dir) => readdirSync(dir).flatMap((f) =>
      (readFileSync(new URL(f, dir), "utf8").match(/(?<![\p{L}\p{N}/.\-])\p{Ll}\p{L}*(?![\p{L}\p{N}/.\-])/gu) ?? []).map(fold))));
    expect(words.size).toBeGreaterThan(300);
    for (const w of ["the", "and", "for", "mic", "vast", "most", "ban", "bo", "so", "to", "tu", "co", "moc", "mot"]) words.add(w);
    expect(loose.filter((a) => words.has(a))).toEqual([]);
  });
});
