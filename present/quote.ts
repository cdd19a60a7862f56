/**
 * A quote as people read it. The stored quote is a verbatim span of the document and stays so (`--json`,
 * the store, the checks); only its display drops what is markup rather than words: the bars of a Markdown
 * table row and its separator lines, and the "date 2026-01-08" line that opens saved news pages.
 */

/** The quote for display: words and their order as written; table cells set apart by " · ". */
export function displayQuote(quote: string): string {
  return displayText(quote.trim());
}

/**
 * Answer text or a quote for display: a news page's "date 2026-01-08" line dropped (at the start, or after
 * "Theo ..., đoạn 1: " where an answer quotes it), table rows written as their cells, blank runs squashed.
 */
export function displayText(text: string): string {
  const lines = text.replace(/(^|: )date \d{4}-\d{2}-\d{2}\s+/gu, "$1").split("\n");
  const shown = lines
    // A separator row ("|---|---|") has no words: it goes, and leaves no blank line behind.
    .flatMap((line) => (!isTableRow(line) ? [line] : tableCells(line).length > 0 ? [rowLine(line)] : []))
    .filter((line, i, all) => line.trim() !== "" || (i > 0 && all[i - 1]!.trim() !== ""));
  return shown.join("\n").trim();
}

/** "Theo …: | 20. | Sửa đổi | Bộ Nội vụ |" -> "Theo …: 20. Sửa đổi · Bộ Nội vụ" (words before the first bar kept). */
function rowLine(line: string): string {
  const bar = line.indexOf("|");
  const before = line.slice(0, bar).trim();
  const row = rowText(tableCells(line.slice(bar)));
  return before ? `${before} ${row}` : row;
}

/** A row's cells as a line: "20. Sửa đổi Luật … · Bộ Nội vụ · 2/2025" (a leading row number stays with its cell). */
function rowText(cells: string[]): string {
  const [first, ...rest] = cells;
  if (first !== undefined && rest.length > 0 && /^(\d+|[IVXLC]+)\.?$/u.test(first)) return `${first} ${rest.join(" · ")}`;
  return cells.join(" · ");
}

/** A line that is a Markdown table row: it starts or ends with a bar, or holds two bars with cells between. */
function isTableRow(line: string): boolean {
  const l = line.trim();
  return l.startsWith("|") || l.endsWith("|") || (l.match(/\s\|\s/g) ?? []).length >= 2;
}

/** The non-empty cells of a table row; a separator row ("|---|:--:|") has none. */
function tableCells(line: string): string[] {
  return line
    .split("|")
    .map((c) => c.trim())
    .filter((c) => c !== "" && !/^:?-{2,}:?$/.test(c));
}

/** A long quote cut at a word, with "…"; the words kept are as written (whitespace too). */
export function cutQuote(quote: string, max: number): string {
  if (quote.length <= max) return quote;
  const cut = quote.slice(0, max);
  const sp = cut.search(/\s\S*$/);
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).trimEnd()}…`;
}
