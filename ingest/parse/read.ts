/**
 * Reading one source file into text: format by extension checked against content, size checked
 * before reading, strict decoding. Everything that can go wrong is a ParseError with a stable code.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { ParseError } from "../../core/errors.js";
import { decodeText } from "./decode.js";
import { docxToText } from "./docx.js";
import { htmlToPlainText } from "./html.js";
import { pdfToText } from "./pdf.js";

export interface RawDocument {
  path: string;
  name: string;
  format: "txt" | "md" | "docx" | "pdf" | "html";
  /** sha256 hex of the file's bytes. */
  hash: string;
  /** Decoded, not cleaned. */
  text: string;
}

const EXTENSIONS: Record<string, RawDocument["format"]> = {
  ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".docx": "docx", ".pdf": "pdf",
  ".html": "html", ".htm": "html", ".xhtml": "html",
};

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
 * Read a .txt, .md, .docx, .pdf or .html/.htm file. Throws ParseError: unsupported_format,
 * binary_file, empty_file, too_large, malformed_utf8, pdf_no_text, pdf_broken, docx_broken, read_failed.
 */
export async function readDocumentFile(path: string, opts: { maxBytes: number }): Promise<RawDocument> {
  const name = basename(path);
  const format = formatOf(path);
  if (!format) {
    const ext = extname(path) || "(no extension)";
    throw new ParseError("unsupported_format", `${name}: files of type ${ext} are not supported; use .txt, .md, .docx, .pdf or .html.`);
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
  let text: string;
  if (format === "pdf") text = await pdfToText(bytes, name);
  else if (format === "docx") text = await docxToText(bytes, name);
  else {
    const decoded = decodeText(bytes, name);
    text = format === "html" ? htmlToPlainText(decoded) : decoded;
  }
  if (!text.trim()) throw new ParseError("empty_file", `${name} has no text (it is empty or whitespace only).`);
  return { path, name, format, hash, text };
}
