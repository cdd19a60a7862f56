/**
 * Questions that are not "what is X assigned": hybrid retrieval, then an extractive answer built from
 * the best passages and the assignments they hold. Every quote is a span of the stored document text.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { findPeriods } from "../core/periods.js";
import { sentenceSpans, type Span } from "../core/sentences.js";
import { fold, words } from "../core/text.js";
import type { Citation, Period } from "../core/types.js";
import type { Store, StoredAssignment, StoredChunk } from "../store/types.js";
import { citation, docShortName } from "./cite.js";
import { retrieve, type RankedChunk } from "./retrieve.js";
import type { Scope } from "./scope.js";
import type { Answer, AskOptions } from "./types.js";
import type { Understanding } from "./understand.js";
import { deadlineWords, describeNothing, roleName, sectionWords, shorten } from "./wording.js";

/**
 * The share of a question's content words a passage must hold to count as an answer. Calibrated on the
 * dev questions plus hand-written negatives over the sample corpus and ../shared/ext (see README, "Eval").
 */
export const COVERAGE_FLOOR = 0.6;
/** Further passages are cited only when nearly as good as the best one. */
const FOLLOW_MARGIN = 0.15;
const MAX_QUOTE = 1200;

export interface PassageDeps {
  store: Store;
  embeddings: Embeddings;
}

export async function answerFromPassages(u: Understanding, scope: Scope, deps: PassageDeps, opts: AskOptions): Promise<Answer> {
  const base = { question: u.question, language: u.language, kind: u.kind } as const;
  const nothing: Answer = { ...base, answer: describeNothing(u, (opts.offset ?? 0) > 0), found: false, citations: [], more: false };
  if (scope.docIds && scope.docIds.length === 0) return nothing;
  if (u.folded.length === 0) return nothing;
  const ranked = await retrieve(u, deps, scope.docIds ? { docIds: scope.docIds } : {}, u.kind === "when" ? deadlineBonus : undefined);
  const top = ranked[0];
  // A one-fact question (who, when) cites its best passage, and a second only when it is as good;
  // other questions cite up to three passages nearly as good as the best.
  const oneFact = u.kind === "who" || u.kind === "when";
  const floor = Math.max(COVERAGE_FLOOR, (top?.coverage ?? 0) - (oneFact ? 0 : FOLLOW_MARGIN));
  const good = ranked.filter((r) => r.coverage >= floor && r.coverage > 0 && (!oneFact || r === top || r.score >= 0.9 * top!.score));
  const limit = Math.min(opts.limit ?? 3, oneFact ? 2 : 3);
  const offset = opts.offset ?? 0;
  const page = good.slice(offset, offset + limit);
  if (page.length === 0) return nothing;

  const picks = await Promise.all(page.map((r) => pickQuote(u, r, deps.store)));
  const lead = picks[0]!;
  return {
    ...base,
    answer: describe(u, lead),
    found: true,
    citations: picks.map((p) => p.citation),
    more: offset + limit < good.length,
  };
}

interface Pick {
  chunk: StoredChunk;
  citation: Citation;
  /** The assignment the quote holds, when one matches the question. */
  task?: StoredAssignment;
  sentence: string;
}

/** The best span of a passage: an assignment's own quote when one matches, else the best sentence. */
async function pickQuote(u: Understanding, r: RankedChunk, store: Store): Promise<Pick> {
  const { chunk } = r;
  const doc = { name: chunk.docName, meta: chunk.docMeta };
  const inChunk = (await store.findAssignments({ docIds: [chunk.docId] })).filter(
    (t) => t.quoteStart < chunk.end && t.quoteEnd > chunk.start,
  );
  const wantDeadline = u.kind === "when";
  const scoredTasks = inChunk
    .filter((t) => !wantDeadline || t.deadline)
    .map((t) => ({ t, s: overlap(u.folded, t.quote) + (u.askedRole && t.role === u.askedRole ? 0.05 : 0) }))
    .sort((a, b) => b.s - a.s);
  const best = scoredTasks[0];
  if (best && best.s >= 0.5 && best.t.quote.length <= MAX_QUOTE) {
    return { chunk, task: best.t, sentence: best.t.quote, citation: citation(doc, best.t.sectionLabel, best.t.quote) };
  }
  const span = bestSentence(u, chunk);
  const quote = chunk.text.slice(span.start, span.end);
  return { chunk, sentence: quote, citation: citation(doc, chunk.sectionLabel, quote), task: undefined };
}

/** For "when" questions, a passage that states a deadline (not just a document's date) ranks first. */
function deadlineBonus(chunk: StoredChunk): number {
  return findPeriods(chunk.text).some((p) => isDeadline(p.period)) ? 0.2 : 0;
}

function isDeadline(p: Period): boolean {
  return p.kind === "range" && p.start !== p.end;
}

function bestSentence(u: Understanding, chunk: StoredChunk): Span {
  const whole = { start: 0, end: chunk.text.length };
  if (chunk.text.length <= 500) return whole;
  const spans = sentenceSpans(chunk.text);
  let best = whole;
  let bestScore = -1;
  for (const s of spans) {
    const text = chunk.text.slice(s.start, s.end);
    let score = overlap(u.folded, text);
    if (u.kind === "when" && findPeriods(text).some((p) => isDeadline(p.period))) score += 0.3;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  // A short sentence reads better with its neighbour; never beyond the chunk.
  if (best.end - best.start < 80) {
    const i = spans.indexOf(best as (typeof spans)[number]);
    if (i >= 0 && spans[i + 1]) best = { start: best.start, end: spans[i + 1]!.end };
  }
  return best.end - best.start > MAX_QUOTE ? { start: best.start, end: best.start + cutAtWord(chunk.text.slice(best.start), MAX_QUOTE) } : best;
}

function cutAtWord(text: string, max: number): number {
  const cut = text.lastIndexOf(" ", max);
  return cut > max / 2 ? cut : max;
}

function overlap(terms: string[], text: string): number {
  if (terms.length === 0) return 0;
  const present = new Set(words(fold(text)));
  return terms.filter((t) => present.has(t)).length / terms.length;
}

function describe(u: Understanding, p: Pick): string {
  const en = u.language === "en";
  const where = `${docShortName(p.chunk.docMeta)}, ${sectionWords(p.citation.section, u.language)}`;
  const t = p.task;
  if (u.kind === "when") {
    if (t?.deadline) {
      return en ? `Deadline${deadlineWords(t, "en").replace(" — due", "")} (${where}).` : `Thời hạn${deadlineWords(t, "vi").replace(" — hạn", "")} (${where}).`;
    }
    const period = findPeriods(p.sentence).find((x) => isDeadline(x.period))?.period;
    if (period) return en ? `Deadline: ${period.text} (${where}).` : `Thời hạn: ${period.text} (${where}).`;
  }
  if (u.kind === "who" && t) {
    const others = t.coordinators.length > 0 ? (en ? `; coordinating: ${t.coordinators.join(", ")}` : `; phối hợp: ${t.coordinators.join(", ")}`) : "";
    return `${roleName(t.role, u.language)}: ${t.org}${others} (${where}).`;
  }
  return en ? `According to ${where}: ${shorten(p.sentence, 300)}` : `Theo ${where}: ${shorten(p.sentence, 300)}`;
}
