/**
 * A spreadsheet's sections: one per sheet, holding its name, and one per row under it, labelled the way
 * a reader finds the row in Excel ("Sheet1, dòng 14"), so that a task read from a row is cited by it.
 */
import { rowLabel, ROW_WORD } from "../core/sections.js";
import type { Section } from "../core/types.js";

/** A row of the cleaned text: its sheet, its number in Excel and where its line starts. */
export interface RowStart { sheet: string; row: number; at: number }

function lineEnd(text: string, at: number): number {
  const nl = text.indexOf("\n", at);
  return nl < 0 ? text.length : nl;
}

/** Sections of a spreadsheet's cleaned text from where its rows start (in text order). */
export function sheetSections(text: string, rows: RowStart[]): Section[] {
  const out: Section[] = [];
  let sheet: Section | undefined;
  let from = 0; // where the text not yet in a section starts
  rows.forEach((r, i) => {
    // A row without letters or digits lands on the next row's line, which is that row's own.
    if (r.at < from || rows[i + 1]?.at === r.at) return;
    if (!sheet || sheet.label !== r.sheet) {
      const lead = text.slice(from, r.at).search(/\S/u);
      const start = lead < 0 ? r.at : from + lead;
      sheet = { index: out.length, parent: null, depth: 0, marker: r.sheet, label: r.sheet, heading: text.slice(start, r.at).trim(), start, end: start };
      out.push(sheet);
    }
    const end = lineEnd(text, r.at);
    const marker = `${ROW_WORD} ${r.row}`;
    out.push({ index: out.length, parent: sheet.index, depth: 1, marker, label: rowLabel(r.sheet, r.row), heading: text.slice(r.at, end).trim(), start: r.at, end });
    sheet.end = end;
    from = end;
  });
  return out;
}
