/**
 * PDF to text, page by page: a page's text layer (unpdf, a serverless build of PDF.js) when it has one,
 * OCR (ingest/ocr) when it has none, so a PDF whose pages mix text and scans is read whole.
 */
import { extractText, getDocumentProxy } from "unpdf";
import { ParseError } from "../../core/errors.js";
import { ocrPdfPages, type OcrOptions } from "../ocr/ocr.js";
import { findOcrTools, OCR_INSTALL_HINT } from "../ocr/tools.js";
import { joinPages, type PagedText } from "./pages.js";

/** A page with fewer letters than this in its text layer is a scan (or a scan with a stamp or a number). */
const MIN_LETTERS = 20;
/** Most pages in one PDF. */
export const MAX_PDF_PAGES = 2000;

export interface PdfSource {
  /** The file on disk (pdftoppm renders from it). */
  path: string;
  /** sha256 of its bytes: the OCR cache key. */
  hash: string;
  ocr?: OcrOptions;
}

/**
 * Text of every page, pages separated by a blank line; running headers and page numbers dropped; with
 * where each page starts, so that a quote can name its page.
 */
export async function pdfToText(bytes: Uint8Array, file: string, source?: PdfSource): Promise<PagedText> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    throw new ParseError("pdf_broken", `${file} is not a valid PDF file (it does not start with %PDF).`);
  }
  let pages: string[];
  try {
    // PDF.js takes ownership of (detaches) the buffer it is given: pass a copy.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    try {
      if (pdf.numPages > MAX_PDF_PAGES) {
        throw new ParseError("too_many_pages", `${file} has ${pdf.numPages} pages, over the limit of ${MAX_PDF_PAGES}; split it and ingest the parts.`);
      }
      pages = (await extractText(pdf, { mergePages: false })).text;
    } finally {
      await pdf.destroy().catch(() => undefined);
    }
  } catch (cause) {
    if (cause instanceof ParseError) throw cause;
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ParseError("pdf_broken", `${file} could not be read as a PDF: ${why}`, { cause });
  }
  pages = pages.map((p) => p.trim());
  const scanned = pages.flatMap((p, i) => ((p.match(/\p{L}/gu)?.length ?? 0) < MIN_LETTERS ? [i + 1] : []));
  const hasText = scanned.length < pages.length;
  if (scanned.length > 0 && source && hasText && !findOcrTools()) {
    // A text PDF with a few pages of images is still read where OCR is not installed.
    source.ocr?.onWarning?.(`${file}: ${scanned.length} page(s) without a text layer were skipped: OCR is not installed (${OCR_INSTALL_HINT}).`);
  } else if (scanned.length > 0 && source && !findOcrTools()) {
    throw new ParseError("pdf_no_text", `${file} has no text layer (it is probably a scan), and OCR is not installed here: ${OCR_INSTALL_HINT}.`);
  } else if (scanned.length > 0 && source) {
    const read = await ocrPdfPages(source.path, file, source.hash, scanned, source.ocr);
    for (const [page, text] of read) if (text.trim()) pages[page - 1] = text;
  }
  const paged = joinPages(pages);
  if (!paged.text.trim()) {
    const why = source ? "and OCR found no text on its pages" : "(it is probably a scan)";
    throw new ParseError("pdf_no_text", `${file} has no text layer ${why}.`);
  }
  return paged;
}
