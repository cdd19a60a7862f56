/**
 * An Answer as people read it: Telegram HTML items (the answer text, then each citation with its verbatim
 * quote; a task list shows each task once with its quote under it) and the same for a terminal.
 */
import type { Citation } from "../core/types.js";
import { escapeHtml } from "../core/text.js";
import type { Answer } from "../qa/types.js";
import { citationPlace, docLabel, formatDate, shorten } from "../core/display.js";
import { docHeading } from "../core/display.js";
import { cutQuote, displayQuote, displayText } from "./quote.js";

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
  return `${renderCitationSource(c)}\n${quoteBlock(c)}`;
}

/** The quote as shown (present/quote.ts), escaped, in a blockquote; collapsed when long. */
function quoteBlock(c: Citation): string {
  const quote = displayQuote(c.quote);
  const open = quote.length > EXPANDABLE_AT ? "<blockquote expandable>" : "<blockquote>";
  return `${open}${escapeHtml(quote)}</blockquote>`;
}

/**
 * A task list's lines, each numbered line with the citation of its task (they come in the same order);
 * undefined for other answers, or when the lines and citations do not pair up (an LLM's rewording).
 */
function taskLines(a: Answer): Array<{ line: string; cite?: Citation }> | undefined {
  if (!a.listing || a.citations.length === 0) return undefined;
  let k = 0;
  const lines = displayText(a.answer).split("\n").map((line) => (/^\d+\. /.test(line) ? { line, cite: a.citations[k++] } : { line }));
  return k === a.citations.length ? lines : undefined;
}

/**
 * The items of an answer: its paragraphs (escaped: the answer quotes documents, which may hold <, >, &),
 * then the citations. `heading` (already HTML) goes first when given.
 */
export function renderAnswer(answer: Answer, heading?: string): string[] {
  const items: string[] = [];
  if (heading) items.push(heading);
  const listed = taskLines(answer);
  if (listed) {
    // A task list: each task once, its verbatim quote under it (no second list under "Nguồn").
    for (const { line, cite } of listed) items.push(cite ? `${escapeHtml(line)}\n${quoteBlock(cite)}` : escapeHtml(line));
    const more = moreLine(answer);
    if (more) items.push(more);
    return items;
  }
  const paragraphs = answer.answer.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  if (paragraphs.length === 0) paragraphs.push(answer.found ? "" : "Không tìm thấy thông tin phù hợp trong các văn bản hiện có.");
  for (const p of paragraphs) if (p) items.push(escapeHtml(displayText(p)));
  if (answer.citations.length > 0) {
    items.push("<b>Nguồn:</b>");
    for (const c of answer.citations) items.push(renderCitation(c));
  }
  const more = moreLine(answer);
  if (more) items.push(more);
  return items;
}

/** Under a cut task list: how many tasks are left and the button that shows them (HTML), else undefined. */
export function moreLine(answer: Answer): string | undefined {
  const left = leftOf(answer);
  if (!left) return undefined;
  return answer.language === "en"
    ? `<i>${left} more task(s): press «Xem thêm ▶».</i>`
    : `<i>Còn ${left} nhiệm vụ nữa: bấm «Xem thêm ▶».</i>`;
}

/** Tasks of the list past this page. */
function leftOf(answer: Answer): number {
  if (!answer.more || !answer.listing) return 0;
  return Math.max(0, answer.listing.total - (answer.nextOffset ?? 0));
}

/** Longest quote a terminal shows (cut at a word, with "…"; `ask --json` has it whole). */
const TERMINAL_QUOTE = 400;
/** Longest quote under a listed task (the list names the task already). */
const LISTED_QUOTE = 300;

/**
 * An answer for a terminal. A task list shows each task once, with its verbatim quote and source under
 * it, and ends with the `nhiemvu tasks` command that lists them all when it was cut; other answers give
 * the text, then the numbered sources with their quotes.
 */
export function answerText(a: Answer): string {
  const lang = a.language;
  const where = (c: Citation) => `(${c.doc}, ${citationPlace(c, lang)})`;
  const quoted = (c: Citation) => `“${cutQuote(displayQuote(c.quote), TERMINAL_QUOTE)}”`;
  const listed = taskLines(a);
  if (listed && a.listing) {
    // Under its task, a quote is one line: the task already says what it is about.
    const inline = (c: Citation) => `“${cutQuote(displayQuote(c.quote).replace(/\s*\n\s*/g, " "), LISTED_QUOTE)}”`;
    const out = listed.flatMap(({ line, cite }) => (cite ? [line, `   ${inline(cite)} ${where(cite)}`] : [line]));
    const left = leftOf(a);
    if (left > 0) out.push("", lang === "en" ? `… ${left} more task(s); all of them: ${tasksCommand(a.listing)}` : `… còn ${left} nhiệm vụ nữa; xem tất cả: ${tasksCommand(a.listing)}`);
    return out.join("\n");
  }
  const out = [displayText(a.answer)];
  if (a.citations.length > 0) out.push("", lang === "en" ? "Sources:" : "Nguồn:");
  a.citations.forEach((c, i) => {
    const head = docHeading({ kind: c.kind, number: c.number, date: c.date, title: c.title }, c.doc);
    out.push(`[${i + 1}] ${head} ${where(c)}`, `    ${quoted(c)}`);
  });
  return out.join("\n");
}

/** The command that lists a whole task list: nhiemvu tasks --assignee "Bộ Nội vụ" --period "Q2/2026". */
export function tasksCommand(l: NonNullable<Answer["listing"]>): string {
  const args = ["nhiemvu tasks"];
  if (l.assignee) args.push(`--assignee "${l.assignee}"`);
  if (l.period) args.push(`--period "${l.period}"`);
  if (l.dueBefore) args.push(`--due-before ${l.dueBefore}`);
  if (l.role) args.push(`--role ${l.role}`);
  return args.join(" ");
}
