/**
 * Questions that ask for an amount ("bao nhiêu phiên họp", "trong bao lâu", "how many days", "how much") are
 * answered by a passage that states one: a number before the thing counted ("Tổ chức 12 phiên họp thường kỳ",
 * "Trong thời hạn 15 (mười lăm) ngày làm việc"). A passage that only shares the question's words ("Dự kiến
 * nội dung và thời gian tổ chức các phiên họp thường kỳ") does not. This is the answer type of the question,
 * as a deadline is for "khi nào" (qa/passages.ts rerank).
 */
import { fold } from "../core/text.js";

export interface AskedAmount {
  /** Folded first syllables of what is counted ("phien", "ngay", "tien"); empty: any number will do. */
  units: readonly string[];
}

/** What "bao lâu" / "how long" counts. */
const DURATION = ["ngay", "thang", "nam", "gio", "tuan", "phut"];
const ENGLISH_UNITS: Record<string, string> = {
  day: "ngay", month: "thang", year: "nam", hour: "gio", week: "tuan", minute: "phut",
};
/** Words after "bao nhiêu" that are not what is counted ("... là bao nhiêu?", "bao nhiêu và khi nào"). */
const NOT_UNIT = new Set(["la", "va", "cho", "de", "trong", "khi", "thi", "the", "con", "duoc", "phai", "nguoi"]);

/** The amount a question asks for, read on its folded text; undefined when it asks for none. */
export function askedAmount(question: string): AskedAmount | undefined {
  const f = fold(question);
  if (/\b(?:bao lau|how long)\b/.test(f)) return { units: DURATION };
  const many = /\bhow many (\p{L}+)/u.exec(f);
  if (many) {
    const unit = ENGLISH_UNITS[many[1]!.replace(/s$/, "")];
    return { units: unit ? [unit] : [] };
  }
  if (/\bhow much\b/.test(f)) return { units: [] };
  const vi = /\bbao nhieu\b\s*(\p{L}+)?/u.exec(f);
  if (!vi) return undefined;
  const unit = vi[1];
  return { units: unit && !NOT_UNIT.has(unit) ? [unit] : [] };
}

/** A number as counts are written ("12", "1.500", "2,5", "05"); dates and document numbers hold a "/". */
const TOKEN = /\d[\d.,]*(?:\/[\p{L}\d./-]*)?|\p{L}+|[()%]/gu;
const YEAR = /^(?:19|20)\d\d$/;

/**
 * The text states the amount: a number followed, at most two words on (past a parenthesis spelling it out,
 * "15 (mười lăm) ngày"), by what is counted; any count when the question names no unit (not a year, a date
 * or a document's number).
 */
export function statesAmount(amount: AskedAmount, text: string): boolean {
  const toks: string[] = fold(text).match(TOKEN) ?? [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!/^\d/.test(t) || t.includes("/") || YEAR.test(t.replace(/[.,]$/, ""))) continue;
    if (amount.units.length === 0) return true;
    let j = i + 1;
    if (toks[j] === "(") {
      const close = toks.indexOf(")", j);
      if (close > j && close - j <= 6) j = close + 1;
    }
    for (let k = j; k < Math.min(j + 2, toks.length); k++) if (amount.units.includes(toks[k]!)) return true;
  }
  return false;
}
