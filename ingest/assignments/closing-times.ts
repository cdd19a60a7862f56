/**
 * A paragraph that only says when ("Thời gian hoàn thành trước ngày 10/4/2025.", "Thời hạn thực hiện: Quý
 * II/2026") closes the tasks written just above it: a news report or a letter states a body's tasks in a few
 * paragraphs and their deadline once, after them. Issue #12 names it among the answers lost ("a deadline
 * stated in the sentence after the task").
 */
import type { DocumentMeta } from "../../core/types.js";
import { isItemLine } from "../../core/sections.js";
import type { Span } from "../../core/sentences.js";
import { chosenDeadline, findDeadlines, type FoundDeadline } from "./deadlines.js";
import { paragraphs } from "./prose.js";
import type { RawTask } from "./raw.js";

/** The paragraph opens with a time label: "Thời gian hoàn thành", "Thời hạn thực hiện", "Tiến độ hoàn thành". */
const TIME_LINE = /^[\s*_]*(?:thời gian|thời hạn|tiến độ)\s+(?:hoàn thành|thực hiện)(?![\p{L}\p{N}])/iu;
/** Longer than this, the paragraph says more than when. */
const MAX_TIME_LINE = 160;
/** The paragraphs above a time line it reaches: a task and its follow-on paragraphs. */
const REACH = 3;

/**
 * Tasks with no deadline of their own in the paragraphs a time line closes (up to REACH back, stopping at a
 * paragraph that states a deadline, a lead-in ending in a colon, or after a marked item) take the line's
 * deadline, and a quote that ends where the line starts takes the line in (withTimeAfter).
 */
export function withClosingTimes(text: string, tasks: RawTask[], meta: DocumentMeta, skip: readonly Span[], maxQuote: number): RawTask[] {
  const lines = paragraphs(text, 0, text.length);
  let out = tasks;
  lines.forEach((p, i) => {
    const line = text.slice(p.start, p.end);
    if (line.length > MAX_TIME_LINE || !TIME_LINE.test(line) || skip.some((s) => s.start <= p.start && p.start < s.end)) return;
    const time = chosenDeadline(findDeadlines(text, p.start, p.end, meta));
    if (!time) return;
    let from = p.start;
    for (let j = i - 1; j >= 0 && j >= i - REACH; j--) {
      const above = lines[j]!;
      const words = text.slice(above.start, above.end);
      if (/:[\s*]*$/.test(words) || findDeadlines(text, above.start, above.end, meta).length > 0) break;
      from = above.start;
      // A list item or a numbered heading is the unit the time line closes.
      if (isItemLine(words)) break;
    }
    if (from === p.start) return;
    out = out.map((t) => (t.deadline || t.quoteStart < from || t.quoteEnd > p.start ? t : withTimeAfter(text, t, p, time, maxQuote)));
  });
  return out;
}

/**
 * A task given the time stated after it (`at`, a line or a field): the time's deadline, and its words taken into
 * the quote when only space lies between, so the quote shows them.
 */
export function withTimeAfter(text: string, t: RawTask, at: Span, deadline: FoundDeadline, maxQuote: number): RawTask {
  const joins = /^[\s*]*$/.test(text.slice(t.quoteEnd, at.start)) && at.end - t.quoteStart <= maxQuote;
  return { ...t, quoteEnd: joins ? at.end : t.quoteEnd, deadline };
}
