/**
 * Long lists cut into pages that fit a phone screen, with buttons to move between them. A page holds at
 * most PHONE_PAGE.items entries and PHONE_PAGE.chars characters of HTML (about two screens of a phone in
 * portrait; one Telegram message, whose limit is 4,096): /vanban, /hanchot.
 */
import type { InlineKeyboardMarkup } from "grammy/types";

export interface PageLimits {
  /** Most entries (tasks, documents) on one page; headings do not count. */
  items: number;
  /** Most characters of one page's HTML, heading and footer included. */
  chars: number;
}

export const PHONE_PAGE: PageLimits = { items: 10, chars: 3500 };

/** One line of a list: an entry (a task, a document) or a heading over the entries that follow it. */
export interface ListLine {
  html: string;
  heading?: boolean;
}

/**
 * Cuts a list into pages. An entry never splits; a page that opens inside a heading's entries repeats the
 * heading with "(tiếp)". `reserve` characters are kept free on every page for its title and footer.
 */
export function paginate(lines: ListLine[], reserve = 300, limits: PageLimits = PHONE_PAGE): ListLine[][] {
  const pages: ListLine[][] = [];
  const placed = new Set<ListLine>();
  let page: ListLine[] = [];
  let chars = reserve;
  let entries = 0;
  let heading: ListLine | undefined;
  for (const line of lines) {
    if (line.heading) {
      heading = line;
      continue;
    }
    if (page.length > 0 && (entries >= limits.items || chars + line.html.length + 2 > limits.chars)) {
      pages.push(page);
      page = [];
      chars = reserve;
      entries = 0;
    }
    if (heading && !page.includes(heading) && !page.some((l) => l.heading)) {
      const shown = placed.has(heading) ? { html: `${heading.html} (tiếp)`, heading: true } : heading;
      placed.add(heading);
      page.push(shown);
      chars += shown.html.length + 2;
    } else if (heading && !placed.has(heading)) {
      placed.add(heading);
      page.push(heading);
      chars += heading.html.length + 2;
    }
    page.push(line);
    chars += line.html.length + 2;
    entries++;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/**
 * "◀ Trang trước" and "Xem thêm ▶" under page `n` (1-based) of `total`; `data(n)` is the callback data of
 * page n. No buttons for a list of one page.
 */
export function pageKeyboard(n: number, total: number, data: (page: number) => string): InlineKeyboardMarkup | undefined {
  const row = [];
  if (n > 1) row.push({ text: "◀ Trang trước", callback_data: data(n - 1) });
  if (n < total) row.push({ text: `Xem thêm ▶ (${n + 1}/${total})`, callback_data: data(n + 1) });
  return row.length ? { inline_keyboard: [row] } : undefined;
}

/** A page as one message: its title, its lines, and where the reader is ("Trang 2/5 · còn 30 mục"). */
export function renderPage(title: string, pages: ListLine[][], n: number, left: (n: number) => string): string {
  const page = pages[n - 1] ?? [];
  const parts = [title, ...page.map((l) => l.html)];
  if (pages.length > 1) parts.push(`<i>Trang ${n}/${pages.length}${n < pages.length ? ` · ${left(n)} — bấm «Xem thêm ▶»` : ""}</i>`);
  return parts.join("\n\n");
}
