/**
 * Bytes to text for the plain formats (.txt, .md, .html): byte-order marks, UTF-16 with or without a
 * BOM, strict UTF-8, and the sniffing that catches a binary file wearing a text extension.
 */
import { ParseError } from "../../core/errors.js";
import { decodeLegacyBytes, fromLegacyText } from "../encodings/legacy.js";

/** What the first bytes say a file really is, when they say anything. */
export function sniffBinary(bytes: Uint8Array): "pdf" | "zip" | "image" | "ole" | undefined {
  const at = (i: number) => bytes[i] ?? -1;
  if (at(0) === 0x25 && at(1) === 0x50 && at(2) === 0x44 && at(3) === 0x46) return "pdf"; // %PDF
  if (at(0) === 0x50 && at(1) === 0x4b && (at(2) === 0x03 || at(2) === 0x05 || at(2) === 0x07)) return "zip";
  if (at(0) === 0xd0 && at(1) === 0xcf && at(2) === 0x11 && at(3) === 0xe0) return "ole"; // old .doc/.xls
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return "image"; // PNG
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image"; // JPEG
  if (at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46 && at(3) === 0x38) return "image"; // GIF8
  return undefined;
}

const SNIFF_NAMES = { pdf: "a PDF document", zip: "a ZIP archive (e.g. .docx/.xlsx)", image: "an image", ole: "an old Office (.doc/.xls) file" } as const;

/**
 * UTF-16 without a BOM shows as NUL in every other byte for ASCII-heavy text (and Vietnamese is
 * mostly ASCII letters). Guess the byte order from where the NULs fall in the first 4 KB.
 */
function guessUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.3 && evenNul < pairs * 0.02) return "utf-16le";
  if (evenNul > pairs * 0.3 && oddNul < pairs * 0.02) return "utf-16be";
  return undefined;
}

function strictDecode(bytes: Uint8Array, encoding: string, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (cause) {
    const what = encoding === "utf-8" ? "UTF-8" : encoding.toUpperCase();
    throw new ParseError("malformed_utf8", `${file} is not valid ${what} text: save it as UTF-8 and try again.`, { cause });
  }
}

/**
 * Decode a text file's bytes. UTF-8 (with or without BOM) and UTF-16 LE/BE (with a BOM, or guessed
 * from NUL patterns) are accepted; NUL bytes otherwise mean binary; malformed UTF-8 is an error, never
 * silently replaced, because every quote must match the file.
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return fromLegacyText(strictDecode(bytes.subarray(3), "utf-8", file)).text;
  if (b0 === 0xff && b1 === 0xfe) return strictDecode(bytes.subarray(2), "utf-16le", file);
  if (b0 === 0xfe && b1 === 0xff) return strictDecode(bytes.subarray(2), "utf-16be", file);
  const sniffed = sniffBinary(bytes);
  if (sniffed) {
    throw new ParseError("binary_file", `${file} is not a text file: its content is ${SNIFF_NAMES[sniffed]}. Give it the right extension or convert it to text.`);
  }
  const utf16 = guessUtf16(bytes);
  if (utf16) return rejectControlText(fromLegacyText(strictDecode(bytes, utf16, file)).text, file);
  if (bytes.indexOf(0) !== -1) {
    throw new ParseError("binary_file", `${file} is not a text file: it contains NUL bytes (binary data).`);
  }
  let utf8: string;
  try {
    utf8 = strictDecode(bytes, "utf-8", file);
  } catch (err) {
    // Not UTF-8: a Vietnamese 8-bit code page (Windows-1258, TCVN3, VNI) when one reads as Vietnamese.
    const legacy = decodeLegacyBytes(bytes);
    if (!legacy) {
      throw new ParseError("malformed_utf8", `${file} is not valid UTF-8 text, nor Vietnamese Windows-1258, TCVN3 or VNI text: save it as UTF-8 and try again.`, { cause: err });
    }
    return rejectControlText(legacy.text, file);
  }
  return rejectControlText(fromLegacyText(utf8).text, file);
}

/** Text that is mostly control characters (other than tabs, line and page breaks) is binary data. */
function rejectControlText(text: string, file: string): string {
  const sample = text.slice(0, 4096);
  const controls = sample.match(/[\u0000-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (sample.length > 0 && controls / sample.length > 0.1) {
    throw new ParseError("binary_file", `${file} is not a text file: it is mostly control characters (binary data).`);
  }
  return text;
}
