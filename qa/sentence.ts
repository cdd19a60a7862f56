/**
 * Which sentence of a passage answers the question (issue #15): the sentence a passage answer quotes
 * and shows on its first line.
 *
 * The rule, in one place:
 *  - a sentence is scored by how much of the question it holds (its words, or for English its concepts);
 *  - page furniture is never the answer while the passage holds anything else: a photo caption or image
 *    credit ("Ảnh: VGP/Nhật Bắc", "(Ảnh minh họa)"), a byline or source line ("Nguồn: ...", "Theo Cổng
 *    thông tin ... https://..."), a posting date ("Ngày đăng bài viết gốc: ..."), a page header field
 *    ("| Tình trạng: | Đã biết |", "Số hiệu:", "Nơi nhận:") or a closing formula ("... biết, thực hiện./.");
 *  - a heading (a line with no closing punctuation) counts half alone, and is read with the text after it;
 *  - for a "when" question, a sentence stating a deadline weighs more in proportion to what it holds of
 *    the question: a due date ("trước ngày 30/11/2025", "trong tháng 11 năm 2025") more than a long span
 *    ("giai đoạn 2026-2030"); a single day (an issue or launch date) and the period the question itself
 *    names ("... năm 2025 phải xong trước ngày nào?") state no deadline;
 *  - a sentence that announces what follows ("... như sau:"), a short one, and one whose next sentence holds
 *    as much of the question, are read with the next sentence.
 * Spans index the text given, so a quote built from one stays a span of the document.
 */
import { shorten } from "../core/display.js";
import { findPeriods } from "../core/periods.js";
import { sentenceSpans, type Span } from "../core/sentences.js";
import { fold } from "../core/text.js";
import type { Period } from "../core/types.js";
import { conceptShare } from "./concepts.js";
import { wordShare } from "./retrieve.js";
import type { Understanding } from "./understand.js";

/** How much more a deadline sentence weighs, as a share of what it holds of the question. */
const DUE_WEIGHT = 0.6;
/** A sentence shorter than this is read with the next one. */
const SHORT_SENTENCE = 80;
/** The length an answer's first line shows of its sentence. */
export const HEADLINE_LENGTH = 300;
/** A heading up to this long (a label: "Sở Nông nghiệp và Môi trường", "CHẾ ĐỘ BÁO CÁO") is shown with the sentence under it. */
const LABEL_HEADING = 60;
/**
 * What more of the question a later clause of a long sentence must hold to be shown instead of its start,
 * and a part of a quote cut at a seam to be kept instead of the longest (qa/passages.ts).
 */
export const CLEAR_GAIN = 0.1;

/** A photo caption or image credit: "Ảnh: VGP/Nhật Bắc", "(Ảnh minh họa)", "Ảnh (1200 x 800)". */
const CAPTION = /(?:^|[\s(\-–|])anh\s*:\s*\S|\banh minh hoa\b|^\(?\s*anh\s*\(\s*\d/u;
/** A source line, byline or posting date of a web page. */
const SOURCE_LINE = /^\(?\s*(?:nguon\s*:|nguon tin\b|theo\b[^.]{0,120}(?:https?:\/\/|www\.)|(?:ngay|thoi gian|ngay gio) (?:dang|cap nhat)\b|cap nhat\s*:|chuyen vien phap ly\s*:|tham van boi\b|tac gia\s*:|phong vien\s*:)/u;
/** A field of a document's or page's header and footer: "| Tình trạng: | Đã biết |", "Số hiệu:", "Nơi nhận:". */
const HEADER_FIELD = /^\|?\s*(?:so hieu|loai van ban|noi ban hanh|nguoi ky|ngay ban hanh|ngay hieu luc|tinh trang|noi nhan|kinh gui|so)\s*:/u;
/**
 * A letter's closing formula: "Văn phòng Chính phủ thông báo để ... biết, thực hiện./.", "Bộ Tài chính trân
 * trọng đề nghị ... quan tâm, chỉ đạo triển khai thực hiện./.", "Trân trọng!". Not every sentence ending
 * in "./." (a document's last sentence may still say what is due).
 */
const CLOSING = /^\s*tran trong\b|\b(?:tran trong|biet|quan tam)\b.*\.\/\.\s*$/u;
/** "date 2025-12-08 (Ngày Nay) - ": the date line some news copies start with, before their first sentence. */
const DATE_PREFIX = /^date \d{4}-\d{2}-\d{2}(?:\s*\([^)]{0,60}\))?\s*[-–—:]?\s*/u;

/** Page furniture: a sentence that is never the answer while the passage holds another one. */
export function isFurniture(sentence: string): boolean {
  const f = fold(sentence).trim();
  return CAPTION.test(f) || SOURCE_LINE.test(f) || HEADER_FIELD.test(f) || CLOSING.test(f);
}

/** A heading or a heading-like fragment: one line without closing punctuation (not a table row). */
export function isHeading(sentence: string): boolean {
  const t = sentence.trim();
  return !t.includes("\n") && !/[.;:!?…"”)|]$/u.test(t) && t.length < 200;
}

/** How much of the question a text holds: its words, or for English its concepts. */
export function questionShare(u: Understanding, text: string): number {
  return u.concepts ? conceptShare(u.concepts, text) : wordShare(u.folded, text);
}

/**
 * How strongly a period states a deadline: 1 for a due date or a span up to a quarter, 0.3 for a longer
 * span, 0 for a single day (a date of issue, a launch) or an open-ended or recurring period.
 */
export function dueWeight(p: Period): number {
  if (p.kind !== "range" || !p.end) return 0;
  if (!p.start) return 1;
  if (p.start === p.end) return 0;
  const days = (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000;
  return days <= 92 ? 1 : 0.3;
}

/** The question's own period is not an answer to "when". */
function askedPeriod(u: Understanding, p: Period): boolean {
  if (!u.period) return false;
  return fold(p.text) === fold(u.period.text) || (p.start === u.period.start && p.end === u.period.end && p.start !== undefined);
}

/**
 * The deadline a sentence states for a "when" question, with its weight: the strongest, the first among
 * equals. Given the document's date of issue (ISO), "tháng trước", "tuần tới" and dates without a year
 * are read from it, and a period over before it ("từ tháng 6/2022 đến nay") is history, not a deadline.
 */
export function statedDeadline(u: Understanding, text: string, issued?: string): { period: Period; weight: number } | undefined {
  let best: { period: Period; weight: number } | undefined;
  const date = issued ? new Date(`${issued}T12:00:00+07:00`) : undefined;
  const opts = date && !Number.isNaN(date.getTime()) ? { now: date, defaultYear: Number(issued!.slice(0, 4)) } : undefined;
  for (const m of findPeriods(text, opts)) {
    if (askedPeriod(u, m.period)) continue;
    if (opts && m.period.end && m.period.end < issued!) continue;
    const weight = dueWeight(m.period);
    if (weight > 0 && (!best || weight > best.weight)) best = { period: m.period, weight };
  }
  return best;
}

/** A sentence's score for the question: what it holds of it, furniture and lone headings discounted, deadlines weighed for "when". */
export function sentenceScore(u: Understanding, text: string, issued?: string): number {
  if (isFurniture(text)) return questionShare(u, text) - 1;
  const score = answerScore(u, text, issued);
  return isHeading(text) ? score / 2 : score;
}

/** What a text holds of the question, and for "when" more when it states a deadline. */
function answerScore(u: Understanding, text: string, issued?: string): number {
  const share = questionShare(u, text);
  return u.kind === "when" && share > 0 ? share * (1 + DUE_WEIGHT * (statedDeadline(u, text, issued)?.weight ?? 0)) : share;
}

/**
 * The span of `text` that answers the question best: its best sentence, with a short heading just before
 * it (a label naming what it is about), and read with the next one when it announces it (ends with ":"), is a
 * heading or short, or the next holds as much of the question; never beyond `text` and never into
 * furniture. A news copy's leading date line is left out. `issued`: the document's date (statedDeadline).
 */
export function answeringSpan(u: Understanding, text: string, issued?: string): Span {
  const spans = sentenceSpans(text).map((s) => withoutDatePrefix(text, s));
  if (spans.length === 0) return { start: 0, end: text.length };
  const scores = spans.map((s) => sentenceScore(u, text.slice(s.start, s.end), issued));
  let i = 0;
  scores.forEach((s, j) => {
    if (s > scores[i]!) i = j;
  });
  const best = spans[i]!;
  const own = text.slice(best.start, best.end);
  const before = spans[i - 1];
  const label = before && text.slice(before.start, before.end);
  const start = label && !isHeading(own) && isHeading(label) && !isFurniture(label) && label.length <= LABEL_HEADING ? before.start : best.start;
  const next = spans[i + 1];
  const joins = next && !isFurniture(text.slice(next.start, next.end)) &&
    (/:\s*$/u.test(own) || isHeading(own) || own.length < SHORT_SENTENCE || scores[i + 1]! >= scores[i]!);
  return { start, end: joins ? next.end : best.end };
}

function withoutDatePrefix(text: string, s: Span): Span {
  const m = DATE_PREFIX.exec(text.slice(s.start, s.end));
  return m && m[0].length < s.end - s.start ? { start: s.start + m[0].length, end: s.end } : s;
}

/**
 * A sentence as the answer's first line shows it, at most `max` characters: from its start, or when what
 * it holds of the question (for "when", its deadline) lies past the cut (a long list: "..., Phó Thủ tướng
 * X tỉnh Gia Lai, ..."), from the clause that holds clearly more of it, after "…".
 */
export function shownSentence(u: Understanding, sentence: string, max: number, issued?: string): string {
  const t = sentence.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const window = (from: number) => shorten(t.slice(from), from === 0 ? max : max - 1);
  let best = 0;
  let bestShare = answerScore(u, window(0), issued);
  for (const m of t.matchAll(/[,;:]\s+/gu)) {
    const from = m.index + m[0].length;
    if (from >= t.length - 20) break;
    const share = answerScore(u, window(from), issued);
    if (share >= bestShare + CLEAR_GAIN) [best, bestShare] = [from, share];
  }
  return best === 0 ? window(0) : `…${window(best)}`;
}
