/**
 * Spreadsheets (.xlsx through exceljs, .xls through catdoc's xls2csv, .csv through csv-parse) to the
 * text form the pipeline already reads: per sheet, its name on a line, then one "| a | b |" line per
 * row, so a task table's rows reach the same table extractor as a table in a document.
 */
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { ParseError } from "../../core/errors.js";
import { runTool } from "../ocr/tools.js";
import { decodeText } from "./decode.js";

/** Most rows read from one file (all sheets). */
export const MAX_SHEET_ROWS = 20_000;
/** Most columns kept per row. */
const MAX_COLUMNS = 50;

export interface Sheet {
  name: string;
  rows: string[][];
  /** Each row's number as Excel shows it (1-based); rows[i] is row i + 1 when absent. */
  numbers?: number[];
}

/** Where a sheet's row starts in the text, and what a reader calls it ("Sheet1", row 14). */
export interface RowAnchor { sheet: string; row: number; at: number }

function cellText(v: string): string {
  return v.replace(/\s+/g, " ").replace(/\|/g, "/").trim();
}

/**
 * Sheets as text: the sheet name, a blank line, its rows; empty rows and trailing empty columns dropped.
 * With where each row starts, so that a task read from a row is cited by its sheet and row number.
 */
export function sheetsToText(sheets: Sheet[], file: string): { text: string; rows: RowAnchor[] } {
  let total = 0;
  let text = "";
  const anchors: RowAnchor[] = [];
  for (const sheet of sheets) {
    const rows = sheet.rows.map((r, i) => ({ cells: r.slice(0, MAX_COLUMNS).map(cellText), n: sheet.numbers?.[i] ?? i + 1 }))
      .filter((r) => r.cells.some(Boolean));
    total += rows.length;
    if (total > MAX_SHEET_ROWS) throw new ParseError("too_many_rows", `${file} has more than ${MAX_SHEET_ROWS} rows; split it and ingest the parts.`);
    if (rows.length === 0) continue;
    let width = 0;
    for (const { cells } of rows) for (let i = cells.length - 1; i >= 0; i--) if (cells[i]) { width = Math.max(width, i + 1); break; }
    const name = cellText(sheet.name) || "Sheet";
    text += `${text ? "\n\n" : ""}${name}\n\n`;
    rows.forEach(({ cells, n }, i) => {
      if (i) text += "\n";
      anchors.push({ sheet: name, row: n, at: text.length });
      text += `|${Array.from({ length: width }, (_, c) => (cells[c] ? ` ${cells[c]} ` : " ")).join("|")}|`;
    });
  }
  return { text, rows: anchors };
}

function dateText(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

function excelValue(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return dateText(v);
  if (v && typeof v === "object" && "result" in v) {
    const r = (v as { result?: unknown }).result;
    return r instanceof Date ? dateText(r) : r === undefined || r === null ? "" : String(r);
  }
  return cell.text ?? "";
}

/** .xlsx bytes to sheets. */
export async function readXlsx(bytes: Buffer, file: string): Promise<Sheet[]> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ParseError("xlsx_broken", `${file} is not a valid .xlsx file (it is not a ZIP package).`);
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ParseError("xlsx_broken", `${file} could not be read as an .xlsx file: ${why}`, { cause });
  }
  const sheets: Sheet[] = [];
  let total = 0;
  book.eachSheet((ws) => {
    const rows: string[][] = [];
    const numbers: number[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      if (++total > MAX_SHEET_ROWS) return;
      const cells: string[] = [];
      for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c++) cells.push(excelValue(row.getCell(c)));
      rows.push(cells);
      numbers.push(row.number);
    });
    sheets.push({ name: ws.name, rows, numbers });
  });
  if (total > MAX_SHEET_ROWS) throw new ParseError("too_many_rows", `${file} has more than ${MAX_SHEET_ROWS} rows; split it and ingest the parts.`);
  return sheets;
}

/** .csv bytes to one sheet (any encoding decodeText reads; comma, semicolon or tab separated). */
export function readCsv(bytes: Buffer, file: string, name = "CSV"): Sheet[] {
  const text = decodeText(bytes, file);
  const first = text.split("\n", 1)[0] ?? "";
  const counts = [",", ";", "\t"].map((d) => ({ d, n: first.split(d).length }));
  const delimiter = counts.sort((a, b) => b.n - a.n)[0]!.d;
  try {
    // Empty lines are kept (and dropped later) so that record i is row i + 1, as Excel numbers them.
    const rows = parseCsv(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
    return [{ name, rows }];
  } catch (cause) {
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ParseError("csv_broken", `${file} could not be read as CSV: ${why}`, { cause });
  }
}

/** .xls (Excel 97-2003) through xls2csv (Debian's catdoc): each sheet ends with a form feed. */
export async function readXls(bytes: Buffer, path: string, file: string): Promise<Sheet[]> {
  if (!(bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) {
    throw new ParseError("xls_broken", `${file} is not an Excel 97-2003 .xls file (it is not an OLE compound file).`);
  }
  let out: string;
  try {
    out = (await runTool("xls2csv", ["-d", "utf-8", "-q", "3", path], 60_000)).toString("utf8");
  } catch (cause) {
    const missing = (cause as NodeJS.ErrnoException).code === "ENOENT" || /ENOENT/.test(String(cause));
    if (missing) throw new ParseError("xls_unavailable", `${file}: reading .xls files needs xls2csv, which is not installed here: install Debian's catdoc (apt-get install catdoc).`);
    const why = cause instanceof Error ? cause.message : String(cause);
    throw new ParseError("xls_broken", `${file} could not be read as an .xls file: ${why}`, { cause });
  }
  return out.split("\f").filter((s) => s.trim()).map((csv, i) => readCsv(Buffer.from(csv, "utf8"), file, `Sheet${i + 1}`)[0]!);
}
