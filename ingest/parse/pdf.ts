/** PDF to text from its text layer (unpdf, a serverless build of PDF.js). Scans without one are refused. */
import { extractText, getDocumentProxy } from "unpdf";
import { ParseError } from "../../core/errors.js";

/** Text of every page, pages separated by a blank line. */
export async function pdfToText(bytes: Uint8Array, file: string): Promise<string> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new ParseError("pdf_broken", `${file} is not a valid PDF file (it does not start with %PDF).`);
  }
  let pages: string[];
  try {
    // PDF.js takes ownership of (detaches) the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    try {
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy().catch(() => undefined);
    }
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ParseError("pdf_broken", `${file} could not be read as a PDF: ${why}`, { cause });
  }
  const text = pages.map((p) => p.trim()).filter(Boolean).join("\n\n");
  if (!text.trim()) {
    throw new ParseError("pdf_no_text", `${file} has no text layer (it is probably a scan). Run OCR on it first, then ingest the result.`);
  }
  return text;
}
