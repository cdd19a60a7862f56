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
  const words = t.split(/\s+/u);
  return [capitalise(words[0]!), ...words.slice(1).map((w) => w.toLowerCase())].join(" ");
}

function one(part: string): string {
  const p = part.trim();
  if (p !== p.toUpperCase()) return p; // already written in prose
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

/** Prose form of an issuer written in capitals; several bodies stay comma-separated. */
export function issuerName(upper: string): string {
  return upper.replace(/[*_]/gu, "").split(/\s*,\s*/u).filter(Boolean).map(one).join(", ");
}
