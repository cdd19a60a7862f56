/** Fetching an uploaded file from the Bot API file endpoint and saving it under <dataDir>/uploads/. */
import { mkdir, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";

/** Formats the bot accepts (the ingest pipeline reads these). */
export const UPLOAD_EXTENSIONS = new Set(["pdf", "docx", "txt", "md", "html", "htm"]);

/** The extension of a file name, lower case, without the dot ("" when none). */
export function extensionOf(name: string): string {
  return extname(name).slice(1).toLowerCase();
}

/**
 * A safe file name from what the user sent: no directories, no control or reserved characters, no leading
 * dots, at most 120 characters; Vietnamese letters are kept.
 */
export function sanitizeFileName(name: string): string {
  const base = name.normalize("NFC").split(/[\\/]/).pop() ?? "";
  const ext = extensionOf(base);
  let stem = (ext ? base.slice(0, -(ext.length + 1)) : base)
    .replace(/[\u0000-\u001f\u007f<>:"|?*]+/g, "_")
    .replace(/\s+/g, " ")
    .replace(/^[.\s_]+/, "")
    .trim();
  if (!stem) stem = "tai-lieu";
  stem = stem.slice(0, 120 - ext.length - 1);
  return ext ? `${stem}.${ext}` : stem;
}

/** "50,0 MB" */
export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`;
}

/** Downloads `filePath` (from getFile) and writes it to `dir/name`; returns the saved path. Never puts the URL (it holds the token) in an error. */
export async function downloadTo(apiRoot: string, token: string, filePath: string, dir: string, name: string, maxBytes: number): Promise<string> {
  const res = await fetch(`${apiRoot.replace(/\/+$/, "")}/file/bot${token}/${filePath}`);
  if (!res.ok) throw new Error(`file download failed with HTTP ${res.status}`);
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > maxBytes) throw new Error(`file is larger than ${maxBytes} bytes`);
  await mkdir(dir, { recursive: true });
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** A Vietnamese reason for an ingest failure code (codes come from ingest/ and core/errors.ts subclasses). */
export function ingestFailureReason(code: string, message: string): string {
  const c = code.toLowerCase();
  if (/unsupported|format|extension/.test(c)) return "định dạng tệp chưa được hỗ trợ";
  if (/empty|no_text|scan|image/.test(c)) return "tệp không có nội dung văn bản đọc được (có thể là bản quét/ảnh)";
  if (/large|size/.test(c)) return "tệp quá lớn";
  if (/encrypt|password|protected/.test(c)) return "tệp được đặt mật khẩu hoặc bị khóa";
  if (/malformed|corrupt|invalid|parse|read/.test(c)) return "tệp bị hỏng hoặc không đọc được";
  if (/store|db|sqlite/.test(c)) return "lỗi lưu trữ dữ liệu";
  return `không xử lý được tệp (${message.slice(0, 200)})`;
}
