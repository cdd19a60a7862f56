/**
 * Evidence from later documents: a sentence that reports a task done ("đã hoàn thành", "đã ban hành
 * Quy định ...", "đã tổ chức ...") and names the task's body and enough of its matter is proposed as
 * the evidence for marking that task done. Only a proposal: a person confirms it (the bot's button).
 */
import type { OrgRegistry } from "./orgs.js";
import { cutAtSeams } from "./seams.js";
import { sentenceSpans, type Span } from "./sentences.js";
import { isFunctionWord } from "./stopwords.js";
import { fold, tokens } from "./text.js";

/** Words that say a thing was done, folded: "đã" and, within a few words, a verb of completion
 *  ("đã hoàn thành", "đã tham mưu Ban Bí thư ban hành", "đã tổ chức"). */
const DONE_VERBS = /\bda\s+(?:[^\s.;]+\s+){0,6}?(?:hoan thanh|ban hanh|to chuc|trien khai|trinh|phe duyet|xay dung xong|thuc hien xong)\b/;

/** Share of the task's content words the sentence must hold. */
export const MATTER_OVERLAP = 0.6;

export interface EvidenceTask {
  orgId: string | null;
  task: string;
}

export interface EvidenceMatch<T> {
  task: T;
  /** The reporting sentence: offsets into the evidence document's text, quoted verbatim. */
  span: Span;
  score: number;
}

function contentWords(text: string): Set<string> {
  return new Set(tokens(fold(text)).filter((w) => w.length > 1 && !/^\d+$/.test(w) && !isFunctionWord(w, "vi")));
}

/**
 * For each open task, the best sentence of `text` that reports it done: the sentence names the task's
 * body (by registry id) and holds at least MATTER_OVERLAP of the task's content words. With the text's
 * seams, a quoted sentence stops at them.
 */
export function findCompletionReports<T extends EvidenceTask>(
  text: string, registry: OrgRegistry, open: T[], seams?: readonly number[],
): Array<EvidenceMatch<T>> {
  const best = new Map<T, EvidenceMatch<T>>();
  const taskWords = new Map(open.map((t) => [t, contentWords(t.task)]));
  for (const span of sentenceSpans(text)) {
    const sentence = text.slice(span.start, span.end);
    if (!DONE_VERBS.test(fold(sentence))) continue;
    const orgs = new Set(registry.findAll(sentence).map((m) => m.org.id));
    if (orgs.size === 0) continue;
    const words = contentWords(sentence);
    for (const t of open) {
      if (!t.orgId || !orgs.has(t.orgId)) continue;
      const want = taskWords.get(t)!;
      if (want.size === 0) continue;
      const score = [...want].filter((w) => words.has(w)).length / want.size;
      if (score < MATTER_OVERLAP) continue;
      const prev = best.get(t);
      if (!prev || score > prev.score) best.set(t, { task: t, span: quoted(text, span, seams), score });
    }
  }
  return [...best.values()];
}

/** The sentence as quoted: trimmed, and cut at a seam (text cleaning dropped between joined lines, core/seams.ts). */
function quoted(text: string, span: Span, seams: readonly number[] | undefined): Span {
  const trimmed = trimSpan(text, span);
  return cutAtSeams(text, trimmed.start, trimmed.end, seams);
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
