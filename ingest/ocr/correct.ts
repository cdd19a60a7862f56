/**
 * Repairs of what tesseract gets wrong in the marks the section reader and the period reader depend on,
 * and only there: the small roman numerals of inline items ("(¡)", "(1)", "()" for "(i)" in a run
 * "(i) ... (ii) ... (iii)"), and quarters ("quý I1/2026", "quý H/2026" for "quý II/2026"). Everything
 * else is left as read: OCR text is the document's text, and quotes are spans of it.
 */
import { intToRoman, romanToInt } from "../../core/text.js";

/** An inline item mark where the section reader looks for one: line start, or after ": ", "; ", ". ". */
const SITE = /(^|[:;.,][ \t]+|\n)\(([^()\s]{0,5})\)(?=[ \t])/gu;
const CONFUSABLE = /^[ivx1l|¡íìï!]*$/u;

function repairRomanRuns(block: string): string {
  const sites = [...block.matchAll(SITE)];
  const romans = sites.map((m) => (/^[ivx]+$/.test(m[2]!) ? romanToInt(m[2]!) ?? 0 : 0));
  // Only in a run of roman items ((ii) or later read right) and never in a (1), (2), (3) list.
  if (!romans.some((v) => v >= 2) || sites.some((m) => m[2] === "2" || m[2] === "3")) return block;
  let prev = 0;
  const fixes: Array<{ at: number; len: number; text: string }> = [];
  sites.forEach((m, k) => {
    const token = m[2]!;
    if (romans[k]! > 0 && romans[k] === prev + 1) { prev = romans[k]!; return; }
    // "(ii) ... (ii)": an i lost from "(iii)" (a run never repeats a mark).
    const lostI = romans[k]! > 0 && romans[k] === prev && /^i+$/.test(token) && prev + 1 <= 3;
    if (romans[k]! > 0 && !lostI) { prev = romans[k]!; return; }
    const expected = prev + 1;
    const next = romans.slice(k + 1).find((v) => v > 0);
    if (!CONFUSABLE.test(token) || expected > 8 || (next !== undefined && next !== expected + 1 && next !== 1)) return;
    if (token.length > 0 && Math.abs(token.length - intToRoman(expected).length) > 1) return;
    const at = m.index! + m[1]!.length;
    fixes.push({ at, len: token.length + 2, text: `(${intToRoman(expected).toLowerCase()})` });
    prev = expected;
  });
  let out = block;
  for (const f of fixes.reverse()) out = out.slice(0, f.at) + f.text + out.slice(f.at + f.len);
  return out;
}

/** Quarter numerals: "quý I1/2026" -> "quý II/2026", "quý H/2026" -> "quý II/2026", "quý 1V/2026" -> "quý IV/2026". */
function repairQuarters(text: string): string {
  return text.replace(/(\b[Qq]uý\s+)([IVX1l|H]{1,4})(?=\/\d{4})/gu, (m, lead: string, q: string) => {
    if (q === "H") return `${lead}II`;
    if (!/[IVX]/.test(q) || !/[1l|]/.test(q)) return m;
    const fixed = q.replace(/[1l|]/g, "I");
    return romanToInt(fixed) && romanToInt(fixed)! <= 4 ? lead + fixed : m;
  });
}

/** OCR text with its item marks and quarters repaired, paragraph by paragraph. */
export function correctOcrText(text: string): string {
  return repairQuarters(text.split(/\n{2,}/).map(repairRomanRuns).join("\n\n"));
}
