/**
 * A document's seams (DocumentDraft.seams): offsets of the cleaned text where cleaning dropped a line of
 * text between two kept ones (ingest/clean.ts). Text across a seam is not a span of the source file, so
 * a quote is cut to one side of every seam it crosses.
 */

/** Below this length the part of a quote holding its start is too short to stand alone. */
export const MIN_QUOTE_PART = 40;

/**
 * What decides which part of a quote cut at seams is kept: an `anchor` offset (a task's words inside its
 * quote) keeps the part holding it; a `worth` (how much of the question a part holds) keeps the part worth
 * most, the longest unless another is worth at least `gain` more.
 */
export type PartChoice = number | { worth: (part: string) => number; gain: number };

/**
 * The part of [start, end) between the seams it crosses that a quote keeps, with the whitespace at its
 * edges left off. Given an anchor, the part holding it, unless that part is under MIN_QUOTE_PART
 * characters and a longer one exists. Given a worth, the longest part unless another is worth `gain` more:
 * a passage quoted whole across a dropped photo caption holds its answer on either side ("... Như vậy,
 * Quốc hội sẽ họp bất thường ..." | caption | "Dự kiến các phiên họp ...: - Tổ chức 12 phiên họp ...").
 * Same run (2026-12-07; tuning half, the test half beside it, never chosen on; CongBot `ask`):
 *   the longest part (before):                    0.787 / 0.628 / 58, test 0.699 / 0.532 / 51, CongBot 0.703;
 *   the part worth most, gain 0.1 (chosen):       0.793 / 0.631 / 58, test and CongBot unchanged;
 *   the part worth most, no gain:                 0.798 / 0.634 / 58, test and CongBot unchanged, but a
 *     title line that restates the question ("Đẩy nhanh ... (Công văn 1234/VPCP-KGVX 2026)") wins over the
 *     text under it by one word in thirteen;
 *   the part holding the answer's best sentence:  tuning unchanged, test 0.692 / 0.525.
 * Without either, the longest part: a passage's quote starts where its chunk does (a news page's title line
 * before a dropped "Nội dung chính"), so its start says less about what the answer was read from than the
 * bulk of it does. Without seams inside the span, the span unchanged.
 */
export function cutAtSeams(
  text: string,
  start: number,
  end: number,
  seams: readonly number[] | undefined,
  choice?: PartChoice,
): { start: number; end: number } {
  const inside = (seams ?? []).filter((s) => s > start && s < end);
  if (inside.length === 0) return { start, end };
  const bounds = [start, ...inside, end];
  const parts = bounds.slice(0, -1).map((from, i) => trimmed(text, from, bounds[i + 1]!)).filter((p) => p.end > p.start);
  if (parts.length === 0) return { start, end };
  const length = (p: { start: number; end: number }) => p.end - p.start;
  const longest = parts.reduce((a, b) => (length(b) > length(a) ? b : a));
  if (choice === undefined) return longest;
  if (typeof choice === "object") {
    const bar = choice.worth(text.slice(longest.start, longest.end)) + choice.gain;
    let [best, most] = [longest, -Infinity];
    for (const p of parts.filter((x) => x !== longest)) {
      const w = choice.worth(text.slice(p.start, p.end));
      if (w >= bar && w > most) [best, most] = [p, w];
    }
    return best;
  }
  const at = Math.min(Math.max(choice, start), end - 1);
  const own = parts.find((p) => p.start <= at && at < p.end) ?? parts.find((p) => p.start > at) ?? parts[parts.length - 1]!;
  return length(own) < MIN_QUOTE_PART ? longest : own;
}

function trimmed(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}
