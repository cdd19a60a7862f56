/**
 * Lookup keys stored next to documents and assignments, so that SQL can compare them with `=` and `LIKE`
 * whatever the case, diacritics or punctuation of the reference.
 */
import { fold, foldKey } from "../core/text.js";

/** "229-KL/TW", "229 kl/tw", "229/KL-TW" -> "229kltw": letters and digits only, folded. */
export function numberKey(number: string): string {
  return fold(number).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The leading number of a symbol without leading zeros ("229-KL/TW" -> "229"), or null. */
export function numberLead(number: string): string | null {
  const m = /^\s*0*(\d+)/.exec(number);
  return m ? m[1]! : null;
}

/**
 * A file name compared case- and diacritics-insensitively: "Kết luận 229.docx" -> "ket luan 229.docx".
 * Not core/text.ts nameKey, which spells out a body's name ("UBND" -> "uy ban nhan dan").
 */
export function fileNameKey(name: string): string {
  return fold(name).trim();
}

/** The file name key without its extension. */
export function fileStemKey(name: string): string {
  return fileNameKey(name).replace(/\.[\p{L}\p{N}]{1,5}$/u, "");
}

/** The folded text an organisation filter is matched against. */
export function orgFolded(org: string, orgText: string): string {
  return `${foldKey(orgText)} | ${foldKey(org)}`;
}

/** A LIKE pattern that finds `text` (folded) anywhere, with LIKE's wildcards escaped (ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${foldKey(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
