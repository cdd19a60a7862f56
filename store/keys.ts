/**
 * Lookup keys stored next to documents and assignments, so that SQL can compare them with `=` and `LIKE`
 * whatever the case, diacritics or punctuation of the reference.
 */
import { fold, nameKey } from "../core/text.js";

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

/**
 * What a filter by a body's name as written is matched against (the `org_folded` column): the record's
 * name as the text writes it and its canonical name, each as core/text.ts nameKey spells it (folded,
 * abbreviations spelled out: "UBND" and "Ủy ban nhân dân" alike), so `tasks --assignee` and an answer
 * about a body the registry does not know find the same records.
 */
export function orgFolded(org: string, orgText: string): string {
  return `${nameKey(orgText)} | ${nameKey(org)}`;
}

/** A LIKE pattern that finds the name `text` inside orgFolded's key (nameKey leaves letters, digits and spaces: nothing to escape). */
export function containsPattern(text: string): string {
  return `%${nameKey(text)}%`;
}
