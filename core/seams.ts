/**
 * A document's seams (DocumentDraft.seams): offsets of the cleaned text where cleaning dropped a line of
 * text between two kept ones (ingest/clean.ts). Text across a seam is not a span of the source file, so
 * a quote is cut to one side of every seam it crosses.
 */

/** Below this length the part of a quote holding its start is too short to stand alone. */
export const MIN_QUOTE_PART = 40;

/**
 * The part of [start, end) between the seams it crosses that a quote keeps, with the whitespace at its
 * edges left off. Given an `anchor` (a task's words inside its quote), the part holding it, unless that
 * part is under MIN_QUOTE_PART characters and a longer one exists. Without one, the longest part: a
 * passage's quote starts where its chunk does (a news page's title line before a dropped "Nội dung
 * chính"), so its start says less about what the answer was read from than the bulk of it does.
 * Without seams inside the span, the span unchanged.
 */
export function cutAtSeams(
  text: string,
  start: number,
  end: number,
  seams: readonly number[] | undefined,
  anchor?: number,
): { start: number; end: number } {
  const inside = (seams ?? []).filter((s) => s > start && s < end);
  if (inside.length === 0) return { start, end };
  const bounds = [start, ...inside, end];
  const parts = bounds.slice(0, -1).map((from, i) => trimmed(text, from, bounds[i + 1]!)).filter((p) => p.end > p.start);
  if (parts.length === 0) return { start, end };
  const longest = parts.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
  if (anchor === undefined) return longest;
  const at = Math.min(Math.max(anchor, start), end - 1);
  const own = parts.find((p) => p.start <= at && at < p.end) ?? parts.find((p) => p.start > at) ?? parts[parts.length - 1]!;
  return own.end - own.start < MIN_QUOTE_PART ? longest : own;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}
