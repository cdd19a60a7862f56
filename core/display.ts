/**
 * How documents, sections, dates and roles are written for people: one set of rules for the CLI, the
 * answer text, the bot and digests. Plain text (the bot escapes it).
 */
import { pageSpan } from "./pages.js";
import { PARAGRAPH_LABEL, parseRowLabel, PREAMBLE_LABEL, RECIPIENTS_LABEL } from "./sections.js";
import { DOC_KIND_LABELS, type DocumentMeta, type Role } from "./types.js";

export type Lang = "vi" | "en";

const ROLE_NAMES: Record<Lang, Record<Role, string>> = {
  vi: { lead: "Chủ trì", coordinate: "Phối hợp", execute: "Thực hiện" },
  en: { lead: "Lead", coordinate: "Coordinate", execute: "Carry out" },
};

/** Vietnamese role names, for renderers that only speak Vietnamese. */
export const ROLE_LABELS: Record<Role, string> = ROLE_NAMES.vi;

export function roleName(role: Role, lang: Lang = "vi"): string {
  return ROLE_NAMES[lang][role];
}

/** "2026-06-30" -> "30/6/2026", as Vietnamese documents write dates. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}/${Number(m[2])}/${m[1]}`;
}

/**
 * A short name for a document: "Kết luận 229-KL/TW", else its kind and date ("Tin bài ngày 8/1/2026"),
 * else the file name for news and unclassified texts, else the kind alone.
 */
export function docLabel(meta: Partial<DocumentMeta> | undefined, fallback: string, lang: Lang = "vi"): string {
  if (!meta?.kind) return fallback;
  // In English the kind of an official document stays its Vietnamese name ("Công điện 226/CĐ-TTg");
  // a news item or an unnamed text is described in English.
  const kind = lang === "en" && (meta.kind === "news" || meta.kind === "other") ? EN_KIND_WORDS[meta.kind] : DOC_KIND_LABELS[meta.kind];
  if (meta.number) return `${kind} ${meta.number}`;
  if (meta.date) return lang === "en" ? `${kind} of ${formatDate(meta.date)}` : `${kind} ngày ${formatDate(meta.date)}`;
  return meta.kind === "news" || meta.kind === "other" ? `${kind} ${fallback}` : kind;
}

const EN_KIND_WORDS = { news: "News item", other: "Document" } as const;

/** The document line of a citation: "Kết luận 229-KL/TW về ..." or "Tin bài ngày 8/1/2026: headline". */
export function docHeading(meta: Partial<DocumentMeta>, fallback: string): string {
  const head = docLabel(meta, fallback);
  if (!meta.title) return head;
  // "Kết luận về ..." reads as one phrase; a headline is set apart.
  return /^(về|v\/v)\s/i.test(meta.title) ? `${head} ${meta.title}` : `${head}: ${meta.title}`;
}

/**
 * "3 (ii)" -> "mục 3 (ii)"; a news paragraph names itself ("đoạn 5"), and so do a spreadsheet row
 * ("Sheet1, dòng 14"), the preamble and recipients.
 */
export function sectionPhrase(label: string | undefined, lang: Lang = "vi"): string {
  const l = (label ?? "").trim();
  if (!l || l === PREAMBLE_LABEL) return lang === "en" ? "preamble" : "phần mở đầu";
  if (l === RECIPIENTS_LABEL) return lang === "en" ? "recipients" : l;
  const row = parseRowLabel(l);
  if (row) return lang === "en" ? `${row.sheet}, row ${row.row}` : l;
  const para = new RegExp(`^${PARAGRAPH_LABEL} (\\d+)$`).exec(l);
  if (para) return lang === "en" ? `paragraph ${para[1]}` : l;
  if (lang === "vi" && /^(mục|phần|điều|khoản|chương|phụ lục)\b/i.test(l)) return l;
  return lang === "en" ? `section ${l}` : `mục ${l}`;
}

/** The page of a quote in a PDF: "trang 2", "trang 2–3" ("page 2", "pages 2–3"); empty without one. */
export function pagePhrase(c: { page?: number; pageEnd?: number }, lang: Lang = "vi"): string {
  if (!c.page) return "";
  const span = c.pageEnd && c.pageEnd > c.page;
  const pages = span ? `${c.page}–${c.pageEnd}` : String(c.page);
  return lang === "en" ? `${span ? "pages" : "page"} ${pages}` : `trang ${pages}`;
}

/** Where a citation points in its document: "mục 3 (ii), trang 2", "Sheet1, dòng 14". */
export function citationPlace(c: { section?: string; page?: number; pageEnd?: number }, lang: Lang = "vi"): string {
  return [sectionPhrase(c.section, lang), pagePhrase(c, lang)].filter(Boolean).join(", ");
}

/** Where a stored task is: its section and, in a PDF, the page of its quote ("mục 3 (i), trang 2"). */
export function taskPlace(
  t: { sectionLabel: string; quoteStart: number; quoteEnd: number; docPages?: readonly number[] }, lang: Lang = "vi",
): string {
  return citationPlace({ section: t.sectionLabel, ...pageSpan(t.docPages, t.quoteStart, t.quoteEnd) }, lang);
}

/** Shortens display text (titles, task summaries) at a word boundary; never used on quotes. */
export function shorten(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(" ");
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).trimEnd()}…`;
}
