/**
 * Titles of persons, one list for documents and questions. A head's title stands for its body ("Bộ
 * trưởng Bộ Y tế" acts for Bộ Y tế); a leader's title ("Thủ tướng", "Tổng Bí thư") names a person who
 * issues, chairs or receives, not a body assigned a task. A person's name may follow either ("Phó Thủ
 * tướng Trần Hồng Hà", "Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng"). Lower case, as documents write them.
 */
import { fold } from "./text.js";

/** A head's title standing for its body: "Bộ trưởng Bộ Y tế" acts for Bộ Y tế. */
export const HEAD_TITLE_WORDS: readonly string[] = [
  "bộ trưởng", "thủ trưởng", "chủ tịch", "giám đốc", "tổng giám đốc", "trưởng ban", "chánh văn phòng",
  "người đứng đầu", "lãnh đạo", "chủ nhiệm", "tổng cục trưởng", "cục trưởng", "chánh án", "viện trưởng",
  "thứ trưởng", "phó chủ tịch", "phó giám đốc", "phó trưởng ban",
];

/** Persons who issue or receive but are not assigned: "Thủ tướng Chính phủ", "Tổng Bí thư". */
export const PERSON_TITLE_WORDS: readonly string[] = [
  "thủ tướng", "phó thủ tướng", "tổng bí thư", "chủ tịch nước", "phó chủ tịch nước", "bí thư", "đồng chí",
  "ông", "bà", "phó thủ tướng thường trực", "thường trực ban bí thư",
];

/** The commonest Vietnamese family names (folded): a capitalised run after a title that opens with one is a person's name. */
const SURNAMES: ReadonlySet<string> = new Set([
  "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong",
  "ly", "dao", "doan", "vuong", "trinh", "truong", "lam", "mai", "luong", "ha", "to", "dinh", "cao", "chu", "ta",
  "thai", "lai", "kieu", "quach", "phung", "trieu", "dam", "nong", "luu", "la", "tong", "hau", "giang", "khuat",
]);

const TITLE_BEFORE_RE = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${[...HEAD_TITLE_WORDS, ...PERSON_TITLE_WORDS]
  .map(fold).sort((a, b) => b.length - a.length).join("|")})\\s+$`, "u");

/** How many characters of a title ("Bộ trưởng ", "Bí thư ") end `folded` right before a name; 0 if none. */
export function titleBefore(folded: string): number {
  const m = TITLE_BEFORE_RE.exec(folded);
  return m ? m[0].replace(/^[^\p{L}\p{N}]/u, "").length : 0;
}

/**
 * How many characters from `from` a person's name takes in `text`: spaces, then three or four capitalised
 * syllables opening with a family name ("Nguyễn Văn Thắng"); 0 if none. Two syllables are more often a
 * place ("Hà Nội", "Cao Bằng") than a name. Only a text that writes capitals can show a name.
 */
export function personNameAfter(text: string, from: number): number {
  const m = /^\s+((?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){2,3})(?![\p{L}\p{N}])/u.exec(text.slice(from));
  if (!m || !SURNAMES.has(fold(m[1]!.split(/\s+/)[0]!.toLowerCase()))) return 0;
  return m[0].length;
}
