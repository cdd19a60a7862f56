/**
 * Web-crawled legal texts (thuvienphapluat) write a table as a column of lines: a lone "|" between
 * cells and "|" "|" between rows. This folds such a run back into one line per row `| a | b |`.
 */

/** A line holding nothing but "|" (and spaces). */
export function isBarLine(line: string): boolean {
  return /^\s*\|[\s|]*$/.test(line);
}

/** More lines than this between two bars is body text, not a cell. */
const MAX_CELL_LINES = 14;
/** A run between bars that starts like this is the document body resuming after a layout table. */
const BODY_START = /^[*_\s]*(?:KẾT LUẬN|NGHỊ QUYẾT|CHỈ THỊ|THÔNG BÁO|CÔNG ĐIỆN|QUYẾT ĐỊNH|KẾ HOẠCH|HƯỚNG DẪN|QUY ĐỊNH|CHƯƠNG TRÌNH|BÁO CÁO|PHỤ LỤC|TỜ TRÌNH|QUY CHẾ|ĐỀ ÁN|CÔNG VĂN)[*_\s]*$|^[*_\s]*(?:Điều \d|Căn cứ|Chương [IVXLC\d])/u;

export interface BarTable {
  /** Each row's cells; a cell is its raw content lines (emphasis not yet stripped). */
  rows: string[][][];
  /** Index of the first line after the table. */
  next: number;
}

/**
 * Parse the bar table whose first bar is `lines[start]`. The table runs while the content between bars
 * looks like cells (short, no blank line, not a heading or an article); it ends at its last bar. Rows are
 * found from the column count (the cells before the first double bar) when every (N+1)-th cell is empty,
 * else by splitting at empty cells. Returns undefined when fewer than two bars make a table.
 */
export function parseBarTable(lines: string[], start: number): BarTable | undefined {
  let first = start;
  while (first + 1 < lines.length && isBarLine(lines[first + 1]!)) first++;
  const cells: string[][] = [];
  let lastBar = first;
  let i = first + 1;
  let run: string[] = [];
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBarLine(line)) {
      cells.push(run);
      run = [];
      lastBar = i;
      i++;
      continue;
    }
    if (!line.trim()) break;
    if (run.length === 0 && BODY_START.test(line)) break;
    run.push(line);
    if (run.length > MAX_CELL_LINES) break;
    i++;
  }
  if (cells.length === 0) return undefined;
  while (cells.length > 0 && cells[cells.length - 1]!.length === 0) cells.pop();
  if (cells.length === 0) return { rows: [], next: lastBar + 1 };
  return { rows: toRows(cells), next: lastBar + 1 };
}

function toRows(cells: string[][]): string[][][] {
  const empty = (k: number) => cells[k]!.length === 0;
  // The first double bar closes the first row, which fixes the column count.
  const n = cells.findIndex((c) => c.length === 0);
  if (n >= 2) {
    let fits = true;
    for (let k = n; k < cells.length; k += n + 1) if (!empty(k)) { fits = false; break; }
    if (fits) {
      const rows: string[][][] = [];
      for (let k = 0; k < cells.length; k += n + 1) {
        const row = cells.slice(k, k + n);
        while (row.length < n) row.push([]); // trailing empty cells were trimmed with the last bars
        rows.push(row);
      }
      return rows;
    }
  }
  const rows: string[][][] = [];
  let row: string[][] = [];
  for (let k = 0; k < cells.length; k++) {
    if (empty(k)) {
      if (row.length) rows.push(row);
      row = [];
    } else row.push(cells[k]!);
  }
  if (row.length) rows.push(row);
  return rows;
}
