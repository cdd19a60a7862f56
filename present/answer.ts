/** Rendering an Answer as Telegram HTML items: the answer text, then each citation with its verbatim quote. */
import type { Citation } from "../core/types.js";
import { escapeHtml } from "../core/text.js";
import type { Answer } from "../qa/types.js";
import { citationPlace, docLabel, formatDate, shorten } from "../core/display.js";

/** Quotes longer than this are shown collapsed (Telegram's expandable blockquote). */
const EXPANDABLE_AT = 600;

/** The citation's source line: "📄 <b>Kết luận 229-KL/TW</b>, ngày 8/1/2026 — title — mục 3 (ii), trang 2". */
export function renderCitationSource(c: Citation): string {
  const meta = { kind: c.kind, number: c.number, date: c.date };
  const label = docLabel(meta, c.doc);
  const parts = [`📄 <b>${escapeHtml(label)}</b>`];
  // docLabel names an unnumbered document by its date already.
  if (c.date && c.number) parts[0] += `, ngày ${escapeHtml(formatDate(c.date))}`;
  if (c.title && c.title !== label) parts.push(escapeHtml(shorten(c.title, 160)));
  if (c.section) parts.push(`<i>${escapeHtml(citationPlace(c))}</i>`);
  return parts.join(" — ");
}

/** One citation: the source line and the quote, verbatim and escaped, in a blockquote. */
export function renderCitation(c: Citation): string {
  const quote = c.quote.trim();
  const open = quote.length > EXPANDABLE_AT ? "<blockquote expandable>" : "<blockquote>";
  return `${renderCitationSource(c)}\n${open}${escapeHtml(quote)}</blockquote>`;
}

/**
 * The items of an answer: its paragraphs (escaped: the answer quotes documents, which may hold <, >, &),
 * then the citations. `heading` (already HTML) goes first when given.
 */
export function renderAnswer(answer: Answer, heading?: string): string[] {
  const items: string[] = [];
  if (heading) items.push(heading);
  const paragraphs = answer.answer.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) paragraphs.push(answer.found ? "" : "Không tìm thấy thông tin phù hợp trong các văn bản hiện có.");
  for (const p of paragraphs) if (p) items.push(escapeHtml(p));
  if (answer.citations.length > 0) {
    items.push("<b>Nguồn:</b>");
    for (const c of answer.citations) items.push(renderCitation(c));
  }
  return items;
}
