/**
 * An issuing body written in capitals ("CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ", "ỦY BAN NHÂN DÂN TỈNH BẮC NINH")
 * to the way prose writes it ("Bộ Chính trị, Ban Bí thư", "Ủy ban nhân dân tỉnh Bắc Ninh").
 */

/** Bodies whose written form is fixed; checked in order, longest first where they overlap. */
const KNOWN: Array<[RegExp, string]> = [
  [/^BAN CHẤP HÀNH TRUNG ƯƠNG( ĐẢNG)?/u, "Ban Chấp hành Trung ương$1"],
  [/^BỘ CHÍNH TRỊ/u, "Bộ Chính trị"],
  [/^BAN BÍ THƯ/u, "Ban Bí thư"],
  [/^THỦ TƯỚNG CHÍNH PHỦ/u, "Thủ tướng Chính phủ"],
  [/^VĂN PHÒNG CHÍNH PHỦ/u, "Văn phòng Chính phủ"],
  [/^VĂN PHÒNG TRUNG ƯƠNG ĐẢNG/u, "Văn phòng Trung ương Đảng"],
  [/^CHÍNH PHỦ/u, "Chính phủ"],
  [/^QUỐC HỘI/u, "Quốc hội"],
  [/^ỦY BAN THƯỜNG VỤ QUỐC HỘI/u, "Ủy ban Thường vụ Quốc hội"],
  [/^UỶ BAN THƯỜNG VỤ QUỐC HỘI/u, "Uỷ ban Thường vụ Quốc hội"],
  [/^ỦY BAN NHÂN DÂN/u, "Ủy ban nhân dân"],
  [/^UỶ BAN NHÂN DÂN/u, "Uỷ ban nhân dân"],
  [/^HỘI ĐỒNG NHÂN DÂN/u, "Hội đồng nhân dân"],
  [/^CHỦ TỊCH ỦY BAN NHÂN DÂN/u, "Chủ tịch Ủy ban nhân dân"],
  [/^BAN THƯỜNG VỤ/u, "Ban Thường vụ"],
];
/** Party bodies inside another body: their name, then the body's own ("ĐẢNG ĐOÀN QUỐC HỘI" -> "Đảng đoàn Quốc hội"). */
const INSIDE: Array<[RegExp, string]> = [
  [/^ĐẢNG ĐOÀN\s+/u, "Đảng đoàn"], [/^BAN CÁN SỰ ĐẢNG\s+/u, "Ban cán sự đảng"], [/^ĐẢNG [ỦU]Y\s+/u, "Đảng ủy"],
];
const PLACE = /^(TỈNH|THÀNH PHỐ|THỊ XÃ|HUYỆN|QUẬN|XÃ|PHƯỜNG|ĐẶC KHU)\s+(.+)$/u;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** "TỈNH BẮC NINH" -> "tỉnh Bắc Ninh"; "TỈNH UỶ NGHỆ AN" -> "Tỉnh uỷ Nghệ An"; else sentence case. */
function rest(s: string): string {
  const t = s.trim();
  if (!t) return "";
  const place = PLACE.exec(t);
  if (place) return place[1]!.toLowerCase() + " " + place[2]!.split(/\s+/u).map(capitalise).join(" ");
  // A place inside the words keeps its name capitalised ("CHỦ TỊCH NHÂN DÂN THÀNH PHỐ HUẾ").
  const inner = /\s(?=(?:TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ)\s)/u.exec(t);
  if (inner) return `${rest(t.slice(0, inner.index))} ${rest(t.slice(inner.index + 1))}`;
  const words = t.split(/\s+/u);
  return [capitalise(words[0]!), ...words.slice(1).map((w) => w.toLowerCase())].join(" ");
}

function one(part: string): string {
  const p = part.trim();
  if (p !== p.toUpperCase()) return p; // already written in prose
  for (const [re, name] of INSIDE) {
    const m = re.exec(p);
    if (m) return `${name} ${one(p.slice(m[0].length))}`;
  }
  if (/^(?:BỘ|SỞ|CỤC|VỤ)\s/u.test(p) && !/^BỘ (?:CHÍNH TRỊ|CHỈ HUY)/u.test(p)) return unitName(p.replace(/,\s*/gu, ", "));
  for (const [re, name] of KNOWN) {
    const m = re.exec(p);
    if (m) {
      const named = name.replace("$1", m[1] ? " Đảng" : "");
      const tail = rest(p.slice(m[0].length));
      return tail ? `${named} ${tail}` : named;
    }
  }
  return rest(p);
}

/** Units a header names under their parent body ("ỦY BAN NHÂN DÂN TỈNH X" over "SỞ TÀI CHÍNH"). */
const UNIT = /\s(?=(?:SỞ|CỤC|TỔNG CỤC|CHI CỤC|(?<!NỘI |PHỤC |NHIỆM |DỊCH |SỰ )VỤ|VĂN PHÒNG|THANH TRA|KHO BẠC|BỘ CHỈ HUY|TRUNG TÂM|VIỆN|(?<!MÔI |THỊ |HIỆU )TRƯỜNG|(?<!ỦY |UỶ )BAN(?! CHẤP HÀNH| NHÂN DÂN)|ĐẢNG [ỦU]Y|ĐẢNG ĐOÀN|BAN CÁN SỰ ĐẢNG|THUẾ)(?:\s+\S+|$))/u;
/** Parent bodies whose unit is named after them in a header. */
const PARENT = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND\s|BỘ\s|BAN CHẤP HÀNH TRUNG ƯƠNG|TỈNH [ỦU]Y|THÀNH [ỦU]Y|ĐẢNG [ỦU]Y|TỔNG CỤC|CHÍNH PHỦ)/u;
/** Units whose name with their parent is fixed. */
const UNDER: Array<[RegExp, RegExp, string]> = [
  [/^BAN CHẤP HÀNH TRUNG ƯƠNG/u, /^VĂN PHÒNG$/u, "Văn phòng Trung ương Đảng"],
];
const TYPE_WORDS = /^(?:SỞ|CỤC|TỔNG CỤC|CHI CỤC|VỤ|BỘ|BAN|VIỆN|TRUNG TÂM|TRƯỜNG|THANH TRA|KHO BẠC|VĂN PHÒNG|BỘ CHỈ HUY)\s/u;

/** "SỞ GIÁO DỤC VÀ ĐÀO TẠO" -> "Sở Giáo dục và Đào tạo": the type word, then each part of the field capitalised. */
function unitName(upper: string): string {
  const type = TYPE_WORDS.exec(`${upper} `)?.[0]?.trim();
  if (!type) return one(upper);
  const words = upper.slice(type.length).trim().split(/\s+/u);
  const field = words.map((w, i) => (i === 0 || words[i - 1] === "VÀ" || words[i - 1]!.endsWith(",") ? capitalise(w) : w.toLowerCase())).join(" ");
  return `${capitalise(type.split(" ")[0]!)}${type.includes(" ") ? " " + type.split(" ").slice(1).join(" ").toLowerCase() : ""} ${field}`;
}

/**
 * A header cell naming a body and its unit ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH SỞ GIÁO DỤC VÀ ĐÀO TẠO",
 * "BỘ TÀI CHÍNH CỤC THUẾ"): the unit issues the text; a unit of a province's committee carries its place.
 */
function parentAndUnit(cell: string): string | undefined {
  if (!PARENT.test(cell)) return undefined;
  const at = cell.slice(1).search(UNIT);
  if (at < 0) return undefined;
  const parent = cell.slice(0, at + 1).trim();
  const unit = cell.slice(at + 1).trim();
  if (parent.split(/\s+/u).length < 2) return undefined;
  for (const [p, u, name] of UNDER) if (p.test(parent) && u.test(unit)) return name;
  // A unit named by its type alone is the parent's: "ĐẢNG ỦY CHÍNH PHỦ" / "VĂN PHÒNG" -> "Văn phòng Đảng ủy Chính phủ".
  if (TYPE_WORDS.test(`${unit} `) && unit.split(/\s+/u).length <= 2 && !unit.slice(TYPE_WORDS.exec(`${unit} `)![0].trim().length).trim()) {
    return `${capitalise(unit.split(" ")[0]!)}${unit.includes(" ") ? " " + unit.split(" ").slice(1).join(" ").toLowerCase() : ""} ${one(parent)}`;
  }
  // A party committee of the Central Committee: "BAN CHẤP HÀNH TRUNG ƯƠNG" / "BAN TỔ CHỨC" -> "Ban Tổ chức Trung ương".
  if (/^BAN CHẤP HÀNH TRUNG ƯƠNG/u.test(parent) && /^BAN\s/u.test(unit)) return `${unitName(unit)} Trung ương`;
  const place = /^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s+(.+)$/u.exec(parent)?.[1];
  return place ? `${unitName(unit)} ${rest(place)}` : unitName(unit);
}

/** Prose form of an issuer written in capitals; several bodies stay comma-separated. */
export function issuerName(upper: string): string {
  const cell = upper.replace(/[*_]/gu, "").replace(/\s+/gu, " ").trim();
  if (!cell.includes(",")) {
    const unit = parentAndUnit(cell);
    if (unit) return unit;
  }
  // Commas separate bodies ("BỘ CHÍNH TRỊ, BAN BÍ THƯ"), not the parts of one name ("BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH").
  const parts: string[] = [];
  for (const part of cell.split(/\s*,\s*/u).filter(Boolean)) {
    const body = KNOWN.some(([re]) => re.test(part)) || TYPE_WORDS.test(`${part} `) || PARENT.test(part);
    if (parts.length > 0 && !body) parts[parts.length - 1] += `, ${part}`;
    else parts.push(part);
  }
  return parts.map(one).join(", ");
}
