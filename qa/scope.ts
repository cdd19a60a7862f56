/**
 * The documents a question is scoped to. "Kết luận 229" first means a stored document numbered 229;
 * failing that, the documents that mention it (a news piece saying "Kết luận số 229"). Passage answers
 * also admit the texts that mention a document found by number (qa/passages.ts, `mentioningDocs`).
 */
import { fold, tokens } from "../core/text.js";
import { DOC_KIND_LABELS } from "../core/types.js";
import type { Store } from "../store/types.js";
import type { DocRef } from "./understand.js";

export interface Scope {
  /** Undefined when the question names no document. Empty when it names one that is not stored. */
  docIds?: number[];
  /** How the documents were found: by their number, or by texts that mention it. */
  via?: "number" | "mention";
}

export async function resolveScope(refs: DocRef[], store: Store): Promise<Scope> {
  if (refs.length === 0) return {};
  const ids = new Set<number>();
  for (const ref of refs) {
    for (const d of await store.findDocuments(ref.ref)) {
      if (!ref.kind || d.meta.kind === ref.kind) ids.add(d.id);
    }
  }
  if (ids.size > 0) return { docIds: [...ids], via: "number" };
  return { docIds: await mentioningDocs(refs, store), via: "mention" };
}

/** The documents whose text mentions the referenced ones ("Kết luận số 229", "48/2013"), in hit order. */
export async function mentioningDocs(refs: DocRef[], store: Store): Promise<number[]> {
  const hits = await mentioningChunks(refs, store);
  // The hits' documents in one read, not one per hit; in the order the hits came.
  const chunks = hits.length > 0 ? await store.getChunks(hits) : [];
  const docOf = new Map(chunks.map((c) => [c.id, c.docId]));
  const mentioned = hits.map((id) => docOf.get(id)).filter((d): d is number => d !== undefined);
  return [...new Set(mentioned)];
}

/** The passages that mention the referenced documents, in hit order. */
export async function mentioningChunks(refs: DocRef[], store: Store): Promise<number[]> {
  const hits = new Set<number>();
  for (const ref of refs) {
    const kind = ref.kind ? fold(DOC_KIND_LABELS[ref.kind]) : undefined;
    const n = refKey(ref);
    // A full symbol ("66-NQ/TW") or a number with its year ("48/2013") is distinctive alone; a bare
    // number needs its kind or "số" before it.
    const phrases = /[a-z]/.test(n) || / \d{4}$/.test(n) ? [n] : kind ? [`${kind} so ${n}`, `${kind} ${n}`] : [`so ${n}`];
    // A symbol's issuer code is spelled many ways ("TT-BGDĐT", "TT-BGD&ĐT", "TT-BGD-ĐT"); its number, year
    // and kind code ("24/2025/TT") are not.
    const coded = /^(\d+ \d{4} [a-z]+) [a-z]/.exec(n);
    if (coded) phrases.push(coded[1]!);
    for (const hit of await store.searchLexical({ column: "folded", terms: [], pairs: [], phrases }, {}, 50)) hits.add(hit.chunkId);
  }
  return [...hits];
}

/** A reference as full-text phrases and texts read it: folded tokens, space-separated ("48 2013 nd cp"). */
export function refKey(ref: DocRef): string {
  return tokens(fold(ref.ref)).join(" ");
}
