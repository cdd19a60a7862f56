/** Fetching an uploaded file from the Bot API file endpoint and saving it under <dataDir>/uploads/. */
import { mkdir, writeFile } from "node:fs/promises";
import { extname, join } from "node:path";

/** Formats the bot accepts (the ingest pipeline reads these; scans and images through OCR). */
export const UPLOAD_EXTENSIONS = new Set(["pdf", "docx", "doc", "txt", "md", "html", "htm", "xlsx", "xls", "csv", "png", "jpg", "jpeg", "tif", "tiff"]);

/** The formats, as the bot names them to people. */
export const UPLOAD_FORMATS = "PDF (cả bản quét), DOCX, DOC, TXT, MD, HTML, XLSX, XLS, CSV hoặc ảnh PNG, JPG, TIF";

/** The progress line of a scan being read: "Đang nhận dạng chữ: trang 3/12". */
export function ocrProgressText(done: number, total: number): string {
  return `Đang nhận dạng chữ: trang ${done}/${total}`;
}

/**
 * Page progress for an upload that needs OCR: the first page sends a message, later pages edit it, at
 * most once every `everyMs` (Telegram limits edits) and always for the last page. Errors are ignored:
 * progress never stops an ingest.
 */
export function ocrProgress(
  send: (text: string) => Promise<{ message_id: number }>,
  edit: (messageId: number, text: string) => Promise<unknown>,
  everyMs = 3000,
): { onPage: (done: number, total: number) => void; settled: () => Promise<void> } {
  let message: Promise<number | undefined> | undefined;
  let last = 0;
  let chain: Promise<unknown> = Promise.resolve();
  return {
    onPage(done, total) {
      const text = ocrProgressText(done, total);
      const now = Date.now();
      if (!message) {
        last = now;
        message = send(text).then((m) => m.message_id, () => undefined);
        return;
      }
      if (done < total && now - last < everyMs) return;
      last = now;
      chain = chain.then(async () => {
        const id = await message;
        if (id !== undefined) await edit(id, text).catch(() => undefined);
      });
    },
    async settled() {
      await message;
      await chain;
    },
  };
}

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
  if (c === "ocr_unavailable") return "máy chủ chưa cài bộ nhận dạng chữ (OCR) để đọc bản quét/ảnh";
  if (c === "doc_unavailable" || c === "xls_unavailable") return "máy chủ chưa cài công cụ đọc tệp Word/Excel 97-2003";
  if (c === "ocr_failed") return "không nhận dạng được chữ trong bản quét/ảnh";
  if (c === "too_many_pages") return "tệp có quá nhiều trang; hãy tách nhỏ rồi gửi lại";
  if (c === "too_many_rows") return "bảng tính có quá nhiều dòng; hãy tách nhỏ rồi gửi lại";
  if (c === "image_broken") return "tệp ảnh bị hỏng hoặc không đúng định dạng";
  if (/unsupported|format|extension/.test(c)) return "định dạng tệp chưa được hỗ trợ";
  if (/empty|no_text|scan|image/.test(c)) return "tệp không có nội dung văn bản đọc được (có thể là bản quét/ảnh)";
  if (/large|size/.test(c)) return "tệp quá lớn";
  if (/encrypt|password|protected/.test(c)) return "tệp được đặt mật khẩu hoặc bị khóa";
  if (/malformed|corrupt|invalid|parse|read/.test(c)) return "tệp bị hỏng hoặc không đọc được";
  if (/store|db|sqlite/.test(c)) return "lỗi lưu trữ dữ liệu";
  return `không xử lý được tệp (${message.slice(0, 200)})`;
}
