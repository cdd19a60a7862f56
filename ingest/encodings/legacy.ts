/**
 * Legacy Vietnamese encodings to Unicode, before anything else reads the text: Windows-1258 bytes,
 * TCVN3 (ABC, .VnTime) and VNI (VNI-Times) text, whether it arrives as 8-bit bytes or already as
 * Unicode (a TCVN3 text saved as UTF-8 shows as "Tæ chøc Trung ­¬ng"). The tables are in tables.ts.
 *
 * Detection counts "foreign" characters: Latin-1 letters and signs that Vietnamese never writes (æ ø ¬ §
 * ¶ Þ Õ Ö ...). Unicode Vietnamese has almost none; TCVN3 and VNI text is full of them. A conversion is
 * kept only when it removes nearly all of them.
 */
import iconv from "iconv-lite";
import { TCVN3, VNI } from "./tables.js";

export type LegacyEncoding = "windows-1258" | "tcvn3" | "vni";

const VIET_LETTERS = "àáâãèéêìíòóôõùúýăđĩũơưÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ";
const VIET = new Set(VIET_LETTERS);

/** Characters in U+0080..U+024F that are not Vietnamese letters (and not common signs of Vietnamese text). */
function foreignCount(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || c > 0x24f) continue;
    if (VIET.has(ch) || ch === "\u00a0" || ch === "°" || ch === "«" || ch === "»" || ch === "×") continue;
    n++;
  }
  return n;
}

/** Words with two tone marks ("Viờũt"): no Vietnamese syllable has them, a wrong code page makes them. */
function oddWords(text: string): number {
  let n = 0;
  for (const w of text.match(/\p{L}{2,}/gu) ?? []) {
    if ((w.normalize("NFD").match(/[\u0300\u0301\u0303\u0309\u0323]/gu)?.length ?? 0) >= 2) n++;
  }
  return n;
}

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

const TCVN3_DECODE = new Map<string, string>(Object.entries(TCVN3).map(([u, t]) => [t, u]));
const VNI_DECODE = new Map<string, string>(Object.entries(VNI).map(([u, v]) => [v, u]));
const TCVN3_CHARS = new RegExp(`[${[...TCVN3_DECODE.keys()].join("")}]`, "gu");

/**
 * TCVN3 (read as Latin-1 characters) to Unicode. A VN3 upper-case font writes Ổ with the code of ổ, so a
 * line whose ASCII letters are all upper case (a heading), or a word whose two or more ASCII letters
 * are, is put in upper case.
 */
export function decodeTcvn3(text: string): string {
  return text.split("\n").map((line) => {
    const out = line.replace(TCVN3_CHARS, (ch) => TCVN3_DECODE.get(ch) ?? ch);
    if (out === line) return line;
    const ascii = line.match(/[A-Za-z]/g) ?? [];
    const upper = ascii.filter((c) => c >= "A" && c <= "Z").length;
    if (ascii.length >= 4 && upper / ascii.length >= 0.9) return out.toUpperCase();
    return out.replace(/\p{L}+/gu, (word, at: number) => {
      const src = line.slice(at, at + word.length);
      const letters = src.match(/[A-Za-z]/g) ?? [];
      return letters.length >= 2 && src !== word && letters.every((c) => c >= "A" && c <= "Z") ? word.toUpperCase() : word;
    });
  }).join("\n");
}

/** VNI (read as Windows-1252 characters) to Unicode: two-character letters first, then one-character ones. */
export function decodeVni(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const two = VNI_DECODE.get(text.slice(i, i + 2));
    if (two !== undefined && text[i + 1] !== undefined && text.charCodeAt(i + 1) >= 0x80) { out += two; i++; continue; }
    const one = VNI_DECODE.get(text[i]!);
    out += one ?? text[i]!;
  }
  return out;
}

/** Unicode text to TCVN3 characters (tests and benchmarks write fixtures with it). Upper-case toned letters take the lower-case code, as VN3 fonts do. */
export function encodeTcvn3(text: string): string {
  return [...text.normalize("NFC")].map((ch) => TCVN3[ch] ?? TCVN3[ch.toLowerCase()] ?? ch).join("");
}

/** Unicode text to VNI characters. */
export function encodeVni(text: string): string {
  return [...text.normalize("NFC")].map((ch) => VNI[ch] ?? ch).join("");
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;

/** Unicode text to Windows-1258 bytes: a letter the code page lacks is written as its base letter and a combining tone mark. */
export function encodeWindows1258(text: string): Buffer {
  const parts: string[] = [];
  for (const ch of text.normalize("NFC")) {
    if (iconv.decode(iconv.encode(ch, "windows1258"), "windows1258") === ch) { parts.push(ch); continue; }
    const d = ch.normalize("NFD");
    const tone = [...d].find((c) => TONE_MARKS.test(c)) ?? "";
    parts.push([...d].filter((c) => c !== tone).join("").normalize("NFC") + tone);
  }
  return iconv.encode(parts.join(""), "windows1258");
}

/** How many foreign characters per thousand letters make a text worth converting. */
const FOREIGN_PER_MILLE = 5;

function isSuspect(text: string): boolean {
  const foreign = foreignCount(text);
  return foreign >= 3 && (foreign * 1000) / Math.max(letterCount(text), 1) >= FOREIGN_PER_MILLE;
}

/** The better of several readings: fewest foreign characters, then most Vietnamese letters. */
function best(candidates: Array<{ text: string; encoding?: LegacyEncoding }>): { text: string; encoding?: LegacyEncoding; viet: number } {
  const scored = candidates.map((c) => ({ ...c, foreign: foreignCount(c.text) + oddWords(c.text), viet: [...c.text].filter((ch) => VIET.has(ch) || (ch >= "\u1ea0" && ch <= "\u1ef9")).length }));
  scored.sort((a, b) => a.foreign - b.foreign || b.viet - a.viet);
  return scored[0]!;
}

/**
 * Letters that only Unicode writes: ă đ ĩ ũ ơ ư (outside Latin-1 and Windows-1252) and the Vietnamese
 * block U+1EA0..U+1EF9. TCVN3 or VNI text read as 8-bit characters holds none of them.
 */
const UNICODE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/gu;

/**
 * Unicode text that is really TCVN3 or VNI, converted; anything else unchanged. `encoding` says what was
 * found (undefined: none). A text that writes more letters only Unicode has than foreign characters is
 * Unicode: its foreign characters are signs (a form's "Có £ Không £" check boxes, set in Wingdings).
 */
export function fromLegacyText(text: string): { text: string; encoding?: LegacyEncoding } {
  if (!isSuspect(text)) return { text };
  const before = foreignCount(text);
  if ((text.match(UNICODE_ONLY)?.length ?? 0) > before) return { text };
  const found = best([{ text: decodeTcvn3(text), encoding: "tcvn3" }, { text: decodeVni(text), encoding: "vni" }]);
  // Keep a conversion only when it removes nearly all the foreign characters.
  return foundIsClean(found.text, before) ? found : { text };
}

function foundIsClean(text: string, before: number): boolean {
  return foreignCount(text) * 4 <= before && !isSuspect(text);
}

/**
 * Bytes that are not UTF-8: the best of Windows-1258, TCVN3 and VNI, or undefined when none of them
 * gives Vietnamese text (the caller then reports the file as undecodable).
 */
export function decodeLegacyBytes(bytes: Uint8Array): { text: string; encoding: LegacyEncoding } | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const latin1 = buf.toString("latin1");
  const cp1252 = iconv.decode(buf, "windows1252");
  const found = best([
    { text: iconv.decode(buf, "windows1258").normalize("NFC"), encoding: "windows-1258" },
    { text: decodeTcvn3(latin1), encoding: "tcvn3" },
    { text: decodeVni(cp1252), encoding: "vni" },
  ]);
  // Broken UTF-8 also decodes in any code page: ask for text that reads as Vietnamese, not a few bytes.
  if (isSuspect(found.text) || letterCount(found.text) < 20 || found.viet < 3) return undefined;
  if (found.text.match(/[\u0080-\u009f]/g)?.length) return undefined; // bytes no code page here uses
  return { text: found.text, encoding: found.encoding! };
}
