/**
 * "Công văn 11520/VPCP-CN về việc gì?", "What is Conclusion 229 about?": a question that asks only what a
 * named document is about is answered by the document's own subject line (its trích yếu, stored as its
 * title), quoted where the document writes it; a document that is not stored but mentioned elsewhere, by
 * the sentence that mentions it ("... Nghị định số 48/2013/NĐ-CP về kiểm soát thủ tục hành chính").
 * Such a question has no words of a matter, so passage retrieval has nothing to search for.
 */
import { docLabel, sectionPhrase } from "../core/display.js";
import { sectionAt } from "../core/sections.js";
import { sentenceSpans } from "../core/sentences.js";
import { fold, squash, tokens } from "../core/text.js";
import type { Citation } from "../core/types.js";
import type { Store, StoredDocument } from "../store/types.js";
import { citation } from "./cite.js";
import { mentioningChunks, refKey, type Scope } from "./scope.js";
import type { Answer } from "./types.js";
import type { Understanding } from "./understand.js";

/** At most this many documents are described (a question naming several asks about each). */
const MAX_DOCS = 3;

export async function answerAbout(u: Understanding, scope: Scope, store: Store): Promise<Answer | undefined> {
  const base = { question: u.question, language: u.language, kind: "document" as const, more: false };
  const lines: string[] = [];
  const citations: Citation[] = [];
  if (scope.via === "number") {
    for (const id of (scope.docIds ?? []).slice(0, MAX_DOCS)) {
      const doc = await store.getDocument(id);
      const span = doc && subjectSpan(doc);
      if (!doc || !span) continue;
      const section = sectionAt(await store.getSections(id), span.start);
      const c = citation({ id, name: doc.name, meta: doc.meta }, section ? { label: section.label, index: section.index } : "", doc.text.slice(span.start, span.end), { ...span, pages: doc.pages });
      lines.push(`${docLabel(doc.meta, doc.name, u.language)}: ${squash(c.quote)}`);
      citations.push(c);
    }
  } else {
    const chunks = await store.getChunks(await mentioningChunks(u.docRefs, store));
    for (const ref of u.docRefs) {
      const key = ` ${refKey(ref)} `;
      const holds = (text: string) => ` ${tokens(fold(text)).join(" ")} `.includes(key);
      const chunk = chunks.find((c) => holds(c.text));
      const sentence = chunk && sentenceSpans(chunk.text).find((s) => holds(chunk.text.slice(s.start, s.end)));
      if (!chunk || !sentence) continue;
      const quote = chunk.text.slice(sentence.start, sentence.end).trim();
      const start = chunk.start + sentence.start + chunk.text.slice(sentence.start, sentence.end).indexOf(quote);
      const c = citation({ id: chunk.docId, name: chunk.docName, meta: chunk.docMeta }, chunk.sectionLabel, quote, { start, end: start + quote.length });
      const where = `${docLabel(chunk.docMeta, chunk.docName, u.language)}, ${sectionPhrase(chunk.sectionLabel, u.language)}`;
      const named = ref.kind ? docLabel({ kind: ref.kind, number: ref.ref }, ref.ref, u.language) : ref.ref;
      lines.push(u.language === "en" ? `${named} is not stored; ${where} mentions it: ${squash(c.quote)}` : `${named} chưa được nạp; ${where} nhắc đến: ${squash(c.quote)}`);
      citations.push(c);
    }
  }
  if (citations.length === 0) return undefined;
  return { ...base, answer: lines.join("\n"), found: true, citations };
}

/**
 * Where the document writes its subject line: the stored title found in the text, its words in order with
 * any spacing and line breaks between them ("V/v đẩy mạnh ...\nsản xuất ..."); undefined when the title
 * is not the text's own (a news headline taken from a file name).
 */
function subjectSpan(doc: StoredDocument): { start: number; end: number } | undefined {
  const words = (doc.meta.title ?? "").match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return undefined;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const m = new RegExp(escaped.join("[^\\p{L}\\p{N}]+"), "iu").exec(doc.text);
  return m ? { start: m.index, end: m.index + m[0].length } : undefined;
}
