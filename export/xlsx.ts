/**
 * The task table as an Excel workbook (exceljs): a bold, frozen header row, set column widths, deadlines
 * and completion dates as real dates, and each status cell filled with its colour. Also CSV through
 * exceljs's own writer, so both files hold the same columns.
 */
import ExcelJS from "exceljs";
import { OVERDUE_LABEL } from "../core/status.js";
import type { TaskRow } from "./table.js";

/** Column headers and widths, in order. */
export const COLUMNS: ReadonlyArray<{ header: string; key: string; width: number }> = [
  { header: "STT", key: "n", width: 6 },
  { header: "Cơ quan", key: "org", width: 28 },
  { header: "Vai trò", key: "role", width: 12 },
  { header: "Nhiệm vụ", key: "task", width: 70 },
  { header: "Thời hạn", key: "deadline", width: 22 },
  { header: "Hạn chót", key: "due", width: 12 },
  { header: "Trạng thái", key: "state", width: 18 },
  { header: "Quá hạn", key: "overdue", width: 9 },
  { header: "Ngày hoàn thành", key: "doneOn", width: 16 },
  { header: "Ghi chú", key: "note", width: 30 },
  { header: "Văn bản", key: "doc", width: 26 },
  { header: "Mục", key: "section", width: 10 },
];

/** ARGB fills of the status cell: done green, doing amber, overdue red, not started none. */
export const STATUS_FILLS = { done: "FFC6EFCE", doing: "FFFFEB9C", overdue: "FFFFC7CE" } as const;

/** An ISO date as a Date at UTC midnight: Excel shows the same calendar day everywhere. */
function excelDate(iso: string | undefined): Date | undefined {
  return iso ? new Date(`${iso}T00:00:00Z`) : undefined;
}

function workbook(rows: TaskRow[], now: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "nhiemvu";
  wb.created = now;
  const ws = wb.addWorksheet("Nhiệm vụ", { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  for (const [i, r] of rows.entries()) {
    const row = ws.addRow({
      n: i + 1, org: r.org, role: r.roleLabel, task: r.task, deadline: r.deadlineText ?? "", due: excelDate(r.due),
      state: r.stateLabel + (r.needsReview ? " (cần rà soát)" : ""), overdue: r.overdue ? OVERDUE_LABEL : "",
      doneOn: excelDate(r.doneOn), note: r.note ?? "", doc: r.docLabel, section: r.section,
    });
    row.getCell("task").alignment = { wrapText: true, vertical: "top" };
    const fill = r.overdue ? STATUS_FILLS.overdue : r.state === "done" ? STATUS_FILLS.done : r.state === "doing" ? STATUS_FILLS.doing : undefined;
    if (fill) row.getCell("state").fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
  }
  ws.getColumn("due").numFmt = "dd/mm/yyyy";
  ws.getColumn("doneOn").numFmt = "dd/mm/yyyy";
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return wb;
}

/** The .xlsx file's bytes. */
export async function tasksXlsx(rows: TaskRow[], now: Date): Promise<Buffer> {
  return Buffer.from(await workbook(rows, now).xlsx.writeBuffer());
}

/** The same table as CSV (UTF-8 with a byte-order mark, so Excel reads the Vietnamese letters). */
export async function tasksCsv(rows: TaskRow[], now: Date): Promise<Buffer> {
  const csv = Buffer.from(await workbook(rows, now).csv.writeBuffer({ dateFormat: "YYYY-MM-DD", dateUTC: true }));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), csv]);
}
