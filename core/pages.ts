/** A PDF's page map (DocumentDraft.pages): which page an offset of the cleaned text is on. */

/** The 1-based page holding `offset`, or undefined without a page map. */
export function pageAt(pages: readonly number[] | undefined, offset: number): number | undefined {
  if (!pages || pages.length === 0) return undefined;
  // The last page starting at or before the offset (an empty page shares its start with the next one).
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** The pages a span [start, end) of the text lies on: `page`, and `pageEnd` when it runs onto a later page. */
export function pageSpan(pages: readonly number[] | undefined, start: number, end: number): { page?: number; pageEnd?: number } {
  const page = pageAt(pages, start);
  if (page === undefined) return {};
  const last = pageAt(pages, Math.max(start, end - 1))!;
  return last > page ? { page, pageEnd: last } : { page };
}
