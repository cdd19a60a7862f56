/** Rendering documents: the list (/vanban) and one document's card (/vanban NUMBER). */
import { escapeHtml } from "../core/text.js";
import type { DocumentSummary, StoredSection } from "../store/types.js";
import { docLabel, formatDate, sectionPhrase, shorten } from "../core/display.js";
import type { ListLine } from "./pages.js";

/** The card's items: a header (kind, number, date, title, issuer, counts), then its sections. */
export function renderDocCard(doc: DocumentSummary, sections: StoredSection[]): string[] {
  const m = doc.meta;
  const head = [`📄 <b>${escapeHtml(docLabel(m, doc.name))}</b>`];
  if (m.date) head.push(`Ngày: ${escapeHtml(formatDate(m.date))}`);
  if (m.issuer) head.push(`Cơ quan ban hành: ${escapeHtml(m.issuer)}`);
  if (m.title) head.push(`Trích yếu: ${escapeHtml(shorten(m.title, 400))}`);
  if (m.period?.text) head.push(`Thời kỳ: ${escapeHtml(m.period.text)}`);
  head.push(`Tệp: <code>${escapeHtml(doc.name)}</code>`);
  head.push(`${doc.sections} mục · ${doc.assignments} nhiệm vụ được giao`);
  const items = [head.join("\n")];
  if (sections.length > 0) {
    items.push("<b>Các mục:</b>");
    for (const s of sections) {
      const indent = "  ".repeat(Math.max(0, s.depth));
      const heading = s.heading.trim() ? `: ${escapeHtml(shorten(s.heading, 120))}` : "";
      const count = s.assignments > 0 ? ` — <i>${s.assignments} nhiệm vụ</i>` : "";
      items.push(`${indent}• ${escapeHtml(sectionPhrase(s.label))}${heading}${count}`);
    }
  }
  return items;
}

/** One line per document, newest first, with the command that opens its card. */
export function renderDocList(docs: DocumentSummary[]): string[] {
  if (docs.length === 0) return ["Chưa có văn bản nào trong hệ thống."];
  return [docListTitle(docs.length), ...docListLines(docs).map((l) => l.html)];
}

/** "<b>Các văn bản hiện có (426):</b>" */
export function docListTitle(count: number): string {
  return `<b>Các văn bản hiện có (${count}):</b>`;
}

/** The documents as list entries for paging (present/pages.ts), newest first. */
export function docListLines(docs: DocumentSummary[]): ListLine[] {
  const sorted = [...docs].sort((a, b) => (b.meta.date ?? "").localeCompare(a.meta.date ?? ""));
  return sorted.map((d) => {
    const ref = d.meta.number ?? d.name;
    // docLabel names an unnumbered document by its date already.
    const date = d.meta.date && d.meta.number ? ` (${escapeHtml(formatDate(d.meta.date))})` : "";
    const title = d.meta.title ? `\n   ${escapeHtml(shorten(d.meta.title, 140))}` : "";
    return {
      html: `• <b>${escapeHtml(docLabel(d.meta, d.name))}</b>${date}${title}\n   ${d.assignments} nhiệm vụ · xem: <code>/vanban ${escapeHtml(ref)}</code>`,
    };
  });
}
