/**
 * Reading one source file into text: format by extension checked against content, size checked
 * before reading, strict decoding. Everything that can go wrong is a ParseError with a stable code.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { ParseError } from "../../core/errors.js";
import { ocrImage, type OcrOptions } from "../ocr/ocr.js";
import { decodeText } from "./decode.js";
import { docToText } from "./doc.js";
import { docxToText } from "./docx.js";
import { htmlToPlainText } from "./html.js";
import { pdfToText } from "./pdf.js";
import { readCsv, readXls, readXlsx, sheetsToText, type RowAnchor } from "./sheets.js";

export interface RawDocument {
  path: string;
  name: string;
  /** How the text is cleaned: scans read as "pdf" (hard-wrapped lines), .doc as "docx", sheets as "md". */
  format: "txt" | "md" | "docx" | "pdf" | "html";
  /** The file's own type when it differs from `format` (doc, xls, xlsx, csv, png, jpg, tif). */
  source?: Source;
  /** sha256 hex of the file's bytes. */
  hash: string;
  /** Decoded, not cleaned. */
  text: string;
  /** A PDF's page starts: offset in `text` of page i + 1. */
  pages?: number[];
  /** A spreadsheet's rows: where each starts in `text`, its sheet and row number. */
  rows?: RowAnchor[];
}

type Source = "doc" | "xls" | "xlsx" | "csv" | "png" | "jpg" | "tif";

const EXTENSIONS: Record<string, RawDocument["format"]> = {
  ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
  ".html": "html", ".htm": "html", ".xhtml": "html",
  ".doc": "docx", ".xlsx": "md", ".xls": "md", ".csv": "md",
  ".png": "pdf", ".jpg": "pdf", ".jpeg": "pdf", ".tif": "pdf", ".tiff": "pdf",
};
const SOURCES: Record<string, Source> = {
  ".doc": "doc", ".xlsx": "xlsx", ".xls": "xls", ".csv": "csv",
  ".png": "png", ".jpg": "jpg", ".jpeg": "jpg", ".tif": "tif", ".tiff": "tif",
};
/** The extensions read, for messages and the bot. */
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

function isImageOf(bytes: Uint8Array, source: Source): boolean {
  const b = (i: number) => bytes[i] ?? -1;
  if (source === "png") return b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47;
  if (source === "jpg") return b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff;
  return (b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a);
}

/** The format a file name implies, or undefined when we cannot read that kind of file. */
export function formatOf(path: string): RawDocument["format"] | undefined {
  return EXTENSIONS[extname(path).toLowerCase()];
}

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

function readFailed(name: string, cause: unknown): ParseError {
  const code = (cause as NodeJS.ErrnoException)?.code;
  const why = code === "ENOENT" ? "the file does not exist"
    : code === "EACCES" || code === "EPERM" ? "permission denied"
    : code === "EISDIR" ? "it is a folder, not a file"
    : cause instanceof Error ? cause.message : String(cause);
  return new ParseError("read_failed", `Could not read ${name}: ${why}.`, { cause });
}

/**
 * Read a .txt, .md, .docx, .doc, .pdf (scans through OCR), .png/.jpg/.tif (OCR), .xlsx/.xls/.csv or
 * .html/.htm file. Throws ParseError: unsupported_format, binary_file, empty_file, too_large,
 * too_many_pages, too_many_rows, malformed_utf8, pdf_no_text, pdf_broken, docx_broken, doc_broken,
 * doc_unavailable, xlsx_broken, xls_broken, xls_unavailable, csv_broken, image_broken, ocr_unavailable,
 * ocr_failed, read_failed.
 */
export async function readDocumentFile(path: string, opts: { maxBytes: number; ocr?: OcrOptions }): Promise<RawDocument> {
  const name = basename(path);
  const format = formatOf(path);
  if (!format) {
    const ext = extname(path) || "(no extension)";
    throw new ParseError("unsupported_format", `${name}: files of type ${ext} are not supported; use .txt, .md, .docx, .doc, .pdf, .html, .xlsx, .xls, .csv, .png, .jpg or .tif.`);
  }
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw Object.assign(new Error("not a file"), { code: "EISDIR" });
    size = info.size;
  } catch (cause) {
    throw readFailed(name, cause);
  }
  if (size > opts.maxBytes) {
    throw new ParseError("too_large", `${name} is ${mb(size)}, over the limit of ${mb(opts.maxBytes)}.`);
  }
  if (size === 0) throw new ParseError("empty_file", `${name} is empty.`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw readFailed(name, cause);
  }
  const hash = createHash("sha256").update(bytes).digest("hex");
  const source = SOURCES[extname(path).toLowerCase()];
  let text: string;
  let pages: number[] | undefined;
  let rows: RowAnchor[] | undefined;
  if (source === "doc") text = await docToText(bytes, path, name);
  else if (source === "xlsx" || source === "xls" || source === "csv") {
    const sheets = source === "xlsx" ? await readXlsx(bytes, name) : source === "xls" ? await readXls(bytes, path, name) : readCsv(bytes, name);
    ({ text, rows } = sheetsToText(sheets, name));
  } else if (source === "png" || source === "jpg" || source === "tif") {
    if (!isImageOf(bytes, source)) throw new ParseError("image_broken", `${name} is not a valid ${source.toUpperCase()} image.`);
    text = await ocrImage(path, name, hash, opts.ocr);
    if (!text.trim()) throw new ParseError("image_no_text", `${name} is an image in which OCR found no text.`);
  } else if (format === "pdf") ({ text, starts: pages } = await pdfToText(bytes, name, { path, hash, ocr: opts.ocr }));
  else if (format === "docx") text = await docxToText(bytes, name);
  else {
    const decoded = decodeText(bytes, name);
    text = format === "html" ? htmlToPlainText(decoded) : decoded;
  }
  if (!text.trim()) throw new ParseError("empty_file", `${name} has no text (it is empty or whitespace only).`);
  return { path, name, format, ...(source ? { source } : {}), hash, text, ...(pages ? { pages } : {}), ...(rows ? { rows } : {}) };
}
