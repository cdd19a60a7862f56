/**
 * Questions that are not "what is X assigned": hybrid retrieval, then an extractive answer built from
 * the best passages and the assignments they hold. Every quote is a span of the stored document text.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import { findPeriods } from "../core/periods.js";
import type { OrgRegistry } from "../core/orgs.js";
import type { Span } from "../core/sentences.js";
import type { Citation, Period } from "../core/types.js";
import { isItemLine, PREAMBLE_LABEL, quoteStartWithMark, sectionAt } from "../core/sections.js";
import { nameKey } from "../core/text.js";
import type { Store, StoredAssignment, StoredChunk, StoredSection } from "../store/types.js";
import { docLabel, roleName, sectionPhrase } from "../core/display.js";
import { ROLE_ORDER } from "./assigned.js";
import { bodyRecords } from "./task-query.js";
import { citation, keptPart } from "./cite.js";
import { retrieve, wordShare, type RankedChunk } from "./retrieve.js";
import { mentioningDocs, type Scope } from "./scope.js";
import type { Answer, AskOptions } from "./types.js";
import type { Understanding } from "./understand.js";
import { deadlineWords, describeNothing } from "./wording.js";
import { statesAmount } from "./amount.js";
import { answeringSpan, CLEAR_GAIN, HEADLINE_LENGTH, questionShare, sentenceScore, shownSentence, statedDeadline } from "./sentence.js";
import { inPeriod, namesBody, namesPlace, statesPeriod } from "./evidence.js";
import { POLICY, type Policy } from "./policy.js";

const A = POLICY.answering;

const MAX_QUOTE = 1200;

export interface PassageDeps {
  store: Store;
  embeddings: Embeddings;
  registry?: OrgRegistry;
  /** Fusion and ordering (default POLICY.ranking); the answerer sets the configured vector weight. */
  ranking?: Policy["ranking"];
}

interface Candidate extends RankedChunk {
  /** The assignment in the passage that best matches the question, for who/when questions. */
  task?: StoredAssignment;
  /** Every record of that task (one per body, each with its role). */
  bodies?: StoredAssignment[];
  /** What rerank added to the passage's key for a matching task or the answer's type (0: none). */
  boost: number;
}

export async function answerFromPassages(u: Understanding, scope: Scope, deps: PassageDeps, opts: AskOptions): Promise<Answer> {
  const base = { question: u.question, language: u.language, kind: u.kind } as const;
  const nothing: Answer = { ...base, answer: describeNothing(u, (opts.offset ?? 0) > 0), found: false, citations: [], more: false };
  if (scope.docIds && scope.docIds.length === 0) return nothing;
  if (u.folded.length === 0) return nothing;
  // A document the question names, and the texts that mention it (carry it out, report on it), answer; no
  // other does: "Ngân hàng Nhà nước được giao gì trong Công điện 232" is not answered from another
  // resolution's passage. Same run, against all documents with the named one boosted: tuning 0.714 / 0.473 /
  // 21 of 36 negatives -> 0.714 / 0.479 / 23; test 0.642 / 0.386 / 20 of 34 -> 0.658 / 0.413 / 24; CongBot
  // ask 0.651 -> 0.652. Within them the named document is not boosted any more: boost 0.1 -> 0 gave CongBot
  // 0.680 -> 0.695 and left both halves unchanged (0.2: CongBot 0.664).
  // Filtered from the unscoped ranking, not searched within them: a passage must also rank among all
  // (searching within them instead: tuning 0.700 / 0.464, test precision 0.402, CongBot 0.648).
  // (Read here, not in resolveScope: an answer from the assignment table needs only the named documents.)
  const mentioning = scope.via === "number" ? await mentioningDocs(u.docRefs, deps.store) : [];
  const allowed = scope.docIds ? new Set([...scope.docIds, ...mentioning]) : undefined;
  const retrieved = (await retrieve(u, deps, {}, deps.ranking)).filter((r) => !allowed || allowed.has(r.chunk.docId));
  // A year narrows the passages of a question about tasks (who, when, what is assigned); elsewhere it is
  // the asker's circumstance ("bố tôi hy sinh năm 1970", "nếu cần ... vào năm 2022"): CongBot ask
  // 0.643 -> 0.651, tuning recall 0.642 -> 0.646, test and every negative unchanged.
  const period = u.kind === "other" || u.kind === "document" ? undefined : u.period;
  // The stored tasks of the ranked passages' documents: who/when questions weigh them (rerank), and a
  // passage holding a task of the body asked about names that body (namesBody).
  const tasks = u.kind === "who" || u.kind === "when" || u.orgs.length > 0
    ? await deps.store.findAssignments({ docIds: [...new Set(retrieved.map((r) => r.chunk.docId))] }) : [];
  const ranked = rerank(u, retrieved, tasks, deps.registry).filter((r) => namesBody(r.chunk, u.orgs, deps.registry, tasks, u.unknownOverNamed ? u.unknownOrg : undefined) && inPeriod(r.chunk, period)
    && (u.kind !== "assigned" || statesPeriod(r.chunk, period)));
  const top = ranked.slice(0, A.evidenceDepth).find((r) => answers(u, r) && holdsMatter(u, r.chunk));
  // The best passage, from another province's document that does not name the province asked about,
  // refuses the question rather than passing it on to the next passage (qa/evidence.ts namesPlace); none
  // such is cited either. Same run: tuning 0.710 / 0.569 / 35 of 49 -> 0.710 / 0.580 / 35, test 0.660 /
  // 0.506 / 30 of 46 -> 0.660 / 0.512 / 32; CongBot unchanged. A national office's text read as the province
  // its title names: negatives 36 and 33. Filtering such passages out before the best is
  // chosen instead let a lower one answer: one tuning negative lost.
  if (!top || !namesPlace(placeOf(top.chunk), u.places, deps.registry)) return nothing;
  // A one-fact question (who, when) cites its best passage, and a second only when it is as good;
  // other questions cite up to three passages nearly as good as the best: of its own document, one that
  // BM25 also scores nearly as high (followLexicalShare); of another document, a nearer tie (followOtherMargin).
  const oneFact = u.kind === "who" || u.kind === "when";
  // When a boost (a matching task, the answer's type) put the best passage first, the passage that ranked
  // above it on the question's words alone is cited after it: the two signals disagree, and the reader sees
  // both. Same run (2026-12-07): tuning 0.793 / 0.631 / 58 -> 0.798 / 0.624 / 58, test 0.699 / 0.532 / 51
  // -> 0.708 / 0.531 / 51, CongBot ask 0.703 -> 0.706.
  const plain = top.boost > 0 ? ranked.find((r) => r.boost === 0 && r.key > top.key - top.boost && answers(u, r)) : undefined;
  const follows = (r: Candidate) => oneFact
    ? r === top || r === plain || (r.key >= top.key - A.oneFactMargin && r.score >= A.oneFactScoreRatio * top.score)
    : r === plain || (r.chunk.docId === top.chunk.docId
      ? r.key >= top.key - A.followMargin && r.lexicalShare >= A.followLexicalShare * top.lexicalShare
      : r.key >= top.key - A.followOtherMargin);
  const good = ranked.filter((r) => answers(u, r) && namesPlace(placeOf(r.chunk), u.places, deps.registry) && follows(r));
  const limit = Math.min(opts.limit ?? A.maxPassages, oneFact ? A.maxPassagesOneFact : A.maxPassages);
  const offset = opts.offset ?? 0;
  const page = good.slice(offset, offset + limit);
  if (page.length === 0) return nothing;
  const docs = docReader(deps.store);
  const picks = await Promise.all(page.map((r) => pickQuote(u, r, docs)));
  const cited = new Set(page.map((r) => r.chunk.id));
  // The best passage's list, when it runs on past the passage (listContinuation).
  const rest = oneFact ? [] : await listContinuation(picks[0]!, cited, deps.store, docs);
  const citations = picks.flatMap((p, i) => [p.citation, ...(p.leadIn ? [p.leadIn] : []), ...(i === 0 ? rest : [])]);
  return { ...base, answer: describe(u, picks[0]!, deps.registry), found: true, citations, more: offset + page.length < good.length, nextOffset: offset + page.length };
}

/** A passage as namesPlace reads it: its document's metadata, its heading path and text. */
function placeOf(chunk: StoredChunk): { meta: StoredChunk["docMeta"]; text: string } {
  return { meta: chunk.docMeta, text: `${chunk.context} ${chunk.text}` };
}

/**
 * A question that names a body asks about that body and a matter: the best passage must hold at least
 * `bestMatterShare` of the matter's words (policy.ts), not only the body's name.
 */
function holdsMatter(u: Understanding, chunk: StoredChunk): boolean {
  return u.orgs.length === 0 || u.subject.length < 2 || wordShare(u.subject, `${chunk.context} ${chunk.text}`) >= A.bestMatterShare;
}

/** The passage's evidence score reaches the policy's threshold (qa/policy.ts). */
export function answers(u: Understanding, r: { coverage: number; share: number }): boolean {
  const e = A.evidence;
  const logit = e.bias + e.coverage * r.coverage + e.share * r.share + e.logWords * Math.log(1 + Math.max(u.folded.length, e.minWords));
  return 1 / (1 + Math.exp(-logit)) >= e.threshold;
}

/**
 * For who/when questions, a passage holding an assignment that matches the question (with a deadline,
 * or a lead body) goes before one that merely shares words; for "when", a passage stating any deadline
 * goes before one that states none, when the two are near (policy.ts: boostReach). A document's preamble
 * goes after its passages that answer as well (policy.ts: preamblePenalty).
 */
function rerank(u: Understanding, ranked: RankedChunk[], stored: StoredAssignment[], registry: OrgRegistry | undefined): Candidate[] {
  const tasks = u.kind === "who" || u.kind === "when" ? stored : [];
  // The body asked about's own records, as lists count them: a department named unplaced in its own
  // province's documents, a merged body's predecessors (qa/task-query.ts bodyRecords). Same run: tuning
  // 0.788 / 0.696 / 60 -> 0.793 / 0.698 / 60, test 0.720 / 0.572 / 55 -> 0.731 / 0.578 / 54, CongBot unchanged.
  const ids = new Set(u.orgs.map((m) => m.org.id));
  const asked = u.kind !== "when" || ids.size === 0 ? undefined
    : registry ? bodyRecords(u.orgs.map((m) => m.org), registry).keep : (t: StoredAssignment) => ids.has(t.orgId ?? "");
  const ownTasks = asked ? tasks.filter(asked) : tasks;
  // Boosts settle near ties with the best passage (policy.ts: boostReach).
  const reach = (ranked[0]?.key ?? 0) - A.boostReach;
  const out: Candidate[] = ranked.filter((r, i) => i >= A.rerankDepth || !aboutAnotherBody(r.chunk, tasks, asked)).map((r, i) => {
    const task = i < A.rerankDepth ? bestTask(u, r.chunk, ownTasks) : undefined;
    const key = r.key - (r.chunk.sectionLabel === PREAMBLE_LABEL ? A.preamblePenalty : 0);
    const boost = task && r.key >= reach ? A.taskBoost : !task && i < A.rerankDepth && r.key >= reach ? answerTypeBoost(u, r.chunk.text) : 0;
    const bodies = task ? tasks.filter((t) => t.docId === task.docId && t.quoteStart === task.quoteStart && t.quoteEnd === task.quoteEnd) : undefined;
    return { ...r, task, bodies, key: key + boost, boost };
  });
  return out.sort((a, b) => b.key - a.key || b.score - a.score);
}

/** For "when" a passage stating a deadline, for "bao nhiêu" / "bao lâu" one stating an amount (qa/amount.ts): what is asked. */
function answerTypeBoost(u: Understanding, text: string): number {
  if (u.kind === "when" && findPeriods(text).some((p) => isDeadline(p.period))) return A.deadlineBoost;
  return u.amount && statesAmount(u.amount, text) ? A.amountBoost : 0;
}

/**
 * "When must X ...?" is not answered by a deadline of a task given to someone else: a passage whose
 * extracted tasks all belong to other bodies (X only named as a partner or a recipient) is left out.
 */
function aboutAnotherBody(chunk: StoredChunk, tasks: StoredAssignment[], asked: ((t: StoredAssignment) => boolean) | undefined): boolean {
  if (!asked) return false;
  const inside = tasks.filter((t) => t.docId === chunk.docId && t.quoteStart < chunk.end && t.quoteEnd > chunk.start);
  return inside.length > 0 && !inside.some(asked);
}

function bestTask(u: Understanding, chunk: StoredChunk, tasks: StoredAssignment[]): StoredAssignment | undefined {
  let best: StoredAssignment | undefined;
  let bestScore = 0.5;
  for (const t of tasks) {
    if (t.docId !== chunk.docId || t.quoteStart >= chunk.end || t.quoteEnd <= chunk.start) continue;
    if (u.kind === "when" && !t.deadline?.due) continue;
    if (u.kind === "who" && u.askedRole && t.role !== u.askedRole) continue;
    const s = questionShare(u, t.quote);
    if (s > bestScore || (s === bestScore && best && t.role === "lead" && best.role !== "lead")) [best, bestScore] = [t, s];
  }
  return best;
}

interface Pick {
  chunk: StoredChunk;
  citation: Citation;
  task?: StoredAssignment;
  bodies?: StoredAssignment[];
  sentence: string;
  /** For "who": the lead-in naming the body when the task's own quote does not. */
  leadIn?: Citation;
}

/** A document's sections and text, each read from the store once per answer. */
interface DocReader {
  sections(docId: number): Promise<StoredSection[]>;
  text(docId: number): Promise<string | undefined>;
}

function docReader(store: Store): DocReader {
  const sections = new Map<number, Promise<StoredSection[]>>();
  const texts = new Map<number, Promise<string | undefined>>();
  return {
    sections: (id) => sections.get(id) ?? sections.set(id, store.getSections(id)).get(id)!,
    text: (id) => texts.get(id) ?? texts.set(id, store.getDocument(id).then((d) => d?.text)).get(id)!,
  };
}

/** The best span of a passage: the matching assignment's own quote, else the best sentence. */
async function pickQuote(u: Understanding, r: Candidate, docs: DocReader): Promise<Pick> {
  const { chunk, task } = r;
  const sections = await docs.sections(chunk.docId);
  const doc = { name: chunk.docName, meta: chunk.docMeta };
  if (task && task.quote.length <= MAX_QUOTE) {
    const names = u.kind === "who" ? unquotedNames(task, r.bodies ?? [task]) : [];
    const leadIn = names.length ? namingLeadIn(task, names, sections, doc) ?? await namingField(task, names, sections, doc, docs) : undefined;
    const cited = citation({ ...doc, id: chunk.docId }, { label: task.sectionLabel, index: task.section }, task.quote, { start: task.quoteStart, end: task.quoteEnd, pages: task.docPages });
    // The answer's sentence is the quote as cited (cut at a seam), so the answer says what its quote says.
    return { chunk, task, bodies: r.bodies, sentence: cited.quote, citation: cited, leadIn };
  }
  const span = bestSentence(u, chunk);
  const section = sectionAt(sections, chunk.start + span.start);
  const children = section !== undefined && sections.some((x) => x.parent === section.index);
  // The document's text is read only when the quote may run past the passage (ownedItems).
  const text = section && leadsInto(chunk, span, section, children) ? await docs.text(chunk.docId) : undefined;
  const items = section && text !== undefined ? ownedItems(chunk, span, section, children, text) : undefined;
  const from = items?.start ?? chunk.start + span.start;
  const full = items && text !== undefined ? text.slice(items.start, items.end) : chunk.text.slice(span.start, span.end);
  const marked = await withItemMark(chunk, from, full.length > MAX_QUOTE ? full.slice(0, cutAtWord(full, MAX_QUOTE)) : full, docs);
  // A quote across a line the cleaner dropped keeps the part that holds most of the question (core/seams.ts).
  const { start, end, quote } = keptPart(marked.quote, { start: marked.start, end: marked.start + marked.quote.length }, chunk.docMeta.seams,
    { worth: (part) => sentenceScore(u, part, chunk.docMeta.date), gain: CLEAR_GAIN });
  // A chunk may hold several paragraphs: the citation names the one the quote is in.
  const at = start === marked.start ? section : sectionAt(sections, start);
  const where = { label: at?.label ?? chunk.sectionLabel, index: at?.index ?? chunk.section };
  const cited = citation({ ...doc, id: chunk.docId }, where, quote, { start, end, pages: chunk.docPages });
  // The answer's sentence is the part of the quote as cited that answers (a short passage is quoted whole).
  const own = answeringSpan(u, cited.quote, chunk.docMeta.date);
  return { chunk, sentence: cited.quote.slice(own.start, own.end), citation: cited };
}

/**
 * A quote that opens a numbered item takes the item's mark ("4. Nghị quyết này có hiệu lực từ ngày ...": core/sections.ts
 * quoteStartWithMark), as the reader finds it in the document: sections, and so passages, start after their mark.
 * The document's text is read only for a quote that starts a section.
 */
async function withItemMark(chunk: StoredChunk, start: number, quote: string, docs: DocReader): Promise<{ start: number; quote: string }> {
  if (!(await docs.sections(chunk.docId)).some((x) => x.start === start)) return { start, quote };
  const source = await docs.text(chunk.docId);
  const mark = source === undefined ? start : quoteStartWithMark(source, start, start + quote.length, chunk.docMeta.seams, MAX_QUOTE);
  return mark === start ? { start, quote } : { start: mark, quote: source!.slice(mark, start) + quote };
}

/** The names of a task's bodies (nameKey), or none when the task's own quote names one: it shows its source. */
function unquotedNames(t: StoredAssignment, bodies: StoredAssignment[]): string[] {
  const names = [...new Set(bodies.flatMap((b) => [nameKey(b.org), nameKey(b.orgText ?? "")]))].filter((n) => n.length > 0);
  return names.some((n) => nameKey(t.quote).includes(n)) ? [] : names;
}

/**
 * "Bộ Tài chính chủ trì, phối hợp ...: a) Rà soát ...": a sub-item's quote does not name the body it
 * belongs to; the lead-in above it does, and is what shows the source of a "who" answer.
 */
function namingLeadIn(t: StoredAssignment, names: string[], sections: StoredSection[], doc: Parameters<typeof citation>[0]): Citation | undefined {
  let s: StoredSection | undefined = sections.find((x) => x.index === t.section);
  while (s && s.parent !== null) {
    const parent: number = s.parent;
    s = sections.find((x) => x.index === parent);
    const heading = s?.heading.trim() ?? "";
    if (s && heading.length > 0 && heading.length <= MAX_QUOTE && names.some((n) => nameKey(heading).includes(n))) {
      return citation({ ...doc, id: t.docId }, s, heading, { start: s.start, end: s.start + heading.length, pages: t.docPages });
    }
  }
  return undefined;
}

/** How far after a task's quote its fields may name its bodies. */
const FIELD_REACH = 800;

/**
 * "- Nghiên cứu mô hình ..." over "(2) Tổ chức thực hiện: - Đơn vị thực hiện: Cục Quản lý nhà ...": a duty's quote
 * does not name its body and no heading above does; the field line below it does ("Label: body", the body after
 * a colon), and is what shows the source of a "who" answer. The first such line within FIELD_REACH characters.
 */
async function namingField(
  t: StoredAssignment, names: string[], sections: StoredSection[], doc: Parameters<typeof citation>[0], docs: DocReader,
): Promise<Citation | undefined> {
  const text = await docs.text(t.docId);
  if (text === undefined) return undefined;
  let start = t.quoteEnd;
  for (const raw of text.slice(t.quoteEnd, t.quoteEnd + FIELD_REACH).split("\n")) {
    const line = raw.trim();
    const colon = line.indexOf(":");
    if (colon > 0 && names.some((n) => nameKey(line.slice(colon + 1)).includes(n))) {
      const at = start + raw.length - raw.trimStart().length;
      const section = sectionAt(sections, at);
      return citation({ ...doc, id: t.docId }, section ? { label: section.label, index: section.index } : t.sectionLabel, line, { start: at, end: at + line.length, pages: t.docPages });
    }
    start += raw.length + 1;
  }
  return undefined;
}

/** How many passages after a quote may carry on the list it announced (listContinuation). */
const MAX_CONTINUATION = 2;

/**
 * A quote that announces a list ("... nêu rõ yêu cầu ... như sau:" over "1. ...") and ends where its passage
 * does, in the list: the passages after it that carry on with the list's items are cited after it, each
 * whole (up to MAX_QUOTE), while each starts with an item line ("2. Phát triển ...", "- ..."). A list that
 * runs past a passage is answered whole, not by its first items. Not for who/when questions: one fact.
 */
async function listContinuation(p: Pick, cited: Set<number>, store: Store, docs: DocReader): Promise<Citation[]> {
  if (p.task) return [];
  const lines = p.citation.quote.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  const announced = lines.findIndex((l) => l.endsWith(":"));
  if (announced < 0 || !lines.slice(announced + 1).some((l) => isItemLine(l))) return [];
  // The quote runs to its passage's end: the list may go on in the next one.
  if (!p.chunk.text.trimEnd().endsWith(p.citation.quote.trimEnd().slice(-40))) return [];
  // A document's chunks have consecutive ids (written in one transaction); another document's ends the list.
  const ids = Array.from({ length: MAX_CONTINUATION }, (_, i) => p.chunk.id + i + 1);
  const out: Citation[] = [];
  for (const next of await store.getChunks(ids)) {
    if (next.docId !== p.chunk.docId || cited.has(next.id) || !isItemLine(next.text)) break;
    cited.add(next.id);
    const { start, quote } = await withItemMark(next, next.start, next.text.length > MAX_QUOTE ? next.text.slice(0, cutAtWord(next.text, MAX_QUOTE)) : next.text, docs);
    out.push(citation({ name: next.docName, meta: next.docMeta, id: next.docId }, { label: next.sectionLabel, index: next.section }, quote,
      { start, end: start + quote.length, pages: next.docPages }));
  }
  return out;
}


/**
 * A lead-in owns the items under it ("Điều 6. Nội dung, trình tự tổ chức lập, thẩm định, phê duyệt ..." and its
 * clauses; a paragraph "... nêu 03 dự án cầu trọng điểm:" and the "(1) ...", "(2) ..." lines after it): when
 * a passage starts its section (leadsInto), the quote runs over what it owns (document offsets; the caller cuts
 * it at MAX_QUOTE): the section, when it has sub-sections, else the item lines after it, a line between two items
 * included. Same run, passages quoted whole: without it 0.777 / 0.599 (older tuning), 0.689 / 0.464 (older test),
 * with it 0.777 / 0.599, 0.689 / 0.473, the new questions unchanged; owning the next numbered item after a
 * finished sentence too would add 0.02 recall on the new test half only by quoting more of a list than answers.
 * (Before passages were quoted whole, the rule gave new tuning 0.322 / 0.367 -> 0.356 / 0.400, new test 0.422 /
 * 0.446 -> 0.452 / 0.482.)
 */
function ownedItems(chunk: StoredChunk, span: Span, section: StoredSection, children: boolean, text: string): Span | undefined {
  const start = chunk.start + span.start;
  const leadEnd = chunk.start + span.end;
  if (children) return section.end > leadEnd ? { start, end: section.end } : undefined;
  let end = leadEnd;
  let between = 0;
  let at = leadEnd;
  for (const line of text.slice(leadEnd, start + MAX_QUOTE).split("\n")) {
    const lineEnd = at + line.length;
    at = lineEnd + 1;
    if (line.trim().length === 0) continue;
    if (isItemLine(line)) [end, between] = [lineEnd, 0];
    else if (end === leadEnd || ++between > 1) break;
  }
  return end > leadEnd ? { start, end } : undefined;
}

/**
 * The quote starts its section (its heading or lead-in) and may own what follows it (ownedItems): the section
 * has sub-sections, or the quote ends announcing a list ("... gồm:", a line without a full stop); the next
 * numbered item after a finished sentence is the item after it, not one of its own.
 */
function leadsInto(chunk: StoredChunk, span: Span, section: StoredSection, children: boolean): boolean {
  const heading = section.heading.trim();
  if (heading.length === 0 || !chunk.text.slice(span.start).startsWith(heading.slice(0, 40))) return false;
  const last = chunk.text.slice(span.start, span.end).trimEnd().split("\n").pop() ?? "";
  return children || !/[.;!?…"”]$/u.test(last);
}

function isDeadline(p: Period): boolean {
  return p.kind === "range" && p.start !== p.end;
}

/**
 * A passage's quote: the whole passage when it fits in a quote (MAX_QUOTE), else the span that answers
 * (qa/sentence.ts), at most MAX_QUOTE. The answer's first line is still the sentence that answers (`answeringSpan`
 * over the quote); the quote gives it with the sentences around it, where the deadline, the body or the rest of a
 * list often stands (the bot shows a long quote collapsed). Same run, whole passages up to 500 characters (before)
 * against up to 1,200: older tuning 0.740 / 0.584 -> 0.777 / 0.599, older test 0.656 / 0.438 -> 0.689 / 0.473,
 * new tuning 0.439 / 0.426 -> 0.506 / 0.459, new test 0.452 / 0.529 -> 0.572 / 0.588; negatives and CongBot
 * unchanged (800: only the new test half moved, 0.492 / 0.549). Widening a longer passage's span to 1,200
 * characters of sentences around it changed nothing more.
 */
function bestSentence(u: Understanding, chunk: StoredChunk): Span {
  if (chunk.text.length <= MAX_QUOTE) return { start: 0, end: chunk.text.length };
  const best = answeringSpan(u, chunk.text, chunk.docMeta.date);
  return best.end - best.start > MAX_QUOTE ? { start: best.start, end: best.start + cutAtWord(chunk.text.slice(best.start), MAX_QUOTE) } : best;
}

function cutAtWord(text: string, max: number): number {
  const cut = text.lastIndexOf(" ", max);
  return cut > max / 2 ? cut : max;
}

function describe(u: Understanding, p: Pick, registry?: OrgRegistry): string {
  const en = u.language === "en";
  const where = `${docLabel(p.chunk.docMeta, p.chunk.docName, u.language)}, ${sectionPhrase(p.citation.section, u.language)}`;
  const t = p.task;
  if (u.kind === "when") {
    if (t?.deadline) {
      return en ? `Deadline${deadlineWords(t, "en").replace(" — due", "")} (${where}).` : `Thời hạn${deadlineWords(t, "vi").replace(" — hạn", "")} (${where}).`;
    }
    const period = statedDeadline(u, p.sentence, p.chunk.docMeta.date)?.period;
    if (period) return en ? `Deadline: “${period.text}” (${where}).` : `Thời hạn: ${period.text} (${where}).`;
  }
  if (u.kind === "who" && t) {
    // Each body with its own role, from the task's records ("Chủ trì: A; Phối hợp: B").
    const records = p.bodies?.length ? p.bodies : [t];
    // A leader is named as the text names them ("Phó Thủ tướng Thường trực Chính phủ Nguyễn Hòa Bình"): the
    // registry's title alone ("Phó Thủ tướng Chính phủ") does not say which one.
    const named = (x: StoredAssignment) => (registry?.get(x.orgId ?? "")?.group === "leader" && x.orgText.trim() ? x.orgText.trim() : x.org);
    const parts = ROLE_ORDER.map((role) => {
      const names = [...new Set(records.filter((x) => x.role === role).map(named))];
      return names.length ? `${roleName(role, u.language)}: ${names.join(", ")}` : "";
    }).filter(Boolean);
    return `${parts.join("; ")} (${where}).`;
  }
  const shown = shownSentence(u, p.sentence, HEADLINE_LENGTH, p.chunk.docMeta.date);
  return en ? `According to ${where}: ${shown}` : `Theo ${where}: ${shown}`;
}
