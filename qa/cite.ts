import { DOC_KIND_LABELS, type Citation, type DocumentMeta } from "../core/types.js";

/** "Kết luận số 229-KL/TW ngày 08/01/2026 về ...", the document line a citation shows. */
export function docTitle(meta: DocumentMeta): string {
  const kind = DOC_KIND_LABELS[meta.kind];
  const parts = [meta.kind === "news" ? "Tin bài" : kind];
  if (meta.number) parts.push(`số ${meta.number}`);
  if (meta.date) parts.push(`ngày ${vnDate(meta.date)}`);
  const head = parts.join(" ");
  if (!meta.title) return head;
  // "Kết luận về ..." reads as one phrase; a headline ("Tin bài ngày ...: Thủ tướng ...") is set apart.
  return /^(về|v\/v)\s/i.test(meta.title) ? `${head} ${meta.title}` : `${head}: ${meta.title}`;
}

/** A short name for answer text: "Kết luận số 229-KL/TW" or the kind and date. */
export function docShortName(meta: DocumentMeta): string {
  const kind = meta.kind === "news" ? "Tin bài" : DOC_KIND_LABELS[meta.kind];
  if (meta.number) return `${kind} số ${meta.number}`;
  return meta.date ? `${kind} ngày ${vnDate(meta.date)}` : kind;
}

export function vnDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return d && m && y ? `${d}/${m}/${y}` : iso;
}

export function citation(doc: { name: string; meta: DocumentMeta }, section: string, quote: string): Citation {
  return {
    doc: doc.name,
    // The document's own title; kind, number and date travel in their own fields.
    title: doc.meta.title ?? docShortName(doc.meta),
    section,
    quote,
    kind: doc.meta.kind,
    ...(doc.meta.number ? { number: doc.meta.number } : {}),
    ...(doc.meta.date ? { date: doc.meta.date } : {}),
  };
}
