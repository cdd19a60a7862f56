/**
 * HTML to plain text with html-to-text, keeping what the rest of ingest needs: paragraphs as blank-line
 * separated blocks, headings and cells in their original case, and every table row as one line
 * `| cell | cell |` (task tables are read row by row by the assignment extractor).
 */
import { convert, type FormatCallback, type HtmlToTextOptions } from "html-to-text";

type TableRows = Array<Array<{ text: string }>>;

/** One line per row; a cell's own line breaks become spaces so a row never spans lines. */
function pipeRows(rows: TableRows): string {
  return rows
    .map((row) => "| " + row.map((c) => c.text.replace(/\s*\n\s*/g, " ").trim()).join(" | ") + " |")
    .join("\n");
}

/** html-to-text's dataTable formatter with our row printer and no upper-casing of header cells. */
const pipeTable: FormatCallback = (elem, walk, builder, formatOptions) => {
  builder.openTable();
  const formatCell = (cell: any) => {
    builder.openTableCell({ maxColumnWidth: undefined });
    walk(cell.children, builder);
    builder.closeTableCell({ colspan: Number(cell.attribs?.colspan) || 1, rowspan: Number(cell.attribs?.rowspan) || 1 });
  };
  const walkTable = (node: any): void => {
    if (node.type !== "tag") return;
    if (["thead", "tbody", "tfoot", "center"].includes(node.name)) {
      node.children.forEach(walkTable);
    } else if (node.name === "tr") {
      builder.openTableRow();
      for (const c of node.children) if (c.type === "tag" && (c.name === "td" || c.name === "th")) formatCell(c);
      builder.closeTableRow();
    }
  };
  (elem.children as unknown[]).forEach(walkTable);
  builder.closeTable({
    tableToString: pipeRows as never,
    leadingLineBreaks: formatOptions.leadingLineBreaks,
    trailingLineBreaks: formatOptions.trailingLineBreaks,
  });
};

const heading = { format: "heading", options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 2 } };

const OPTIONS: HtmlToTextOptions = {
  wordwrap: false,
  formatters: { pipeTable },
  selectors: [
    { selector: "table", format: "pipeTable", options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    { selector: "a", options: { ignoreHref: true } },
    { selector: "img", format: "skip" },
    { selector: "script", format: "skip" },
    { selector: "style", format: "skip" },
    { selector: "nav", format: "skip" },
    { selector: "p", options: { leadingLineBreaks: 2, trailingLineBreaks: 2 } },
    ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, ...heading })),
  ],
};

/** Plain text of an HTML document or fragment. */
export function htmlToPlainText(html: string): string {
  return convert(html, OPTIONS);
}
