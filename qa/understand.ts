/**
 * Question understanding, shared by the CLI and the bot: which organisations, period and documents a
 * question names, what kind of question it is, its language, and the words left to search for.
 */
import type { OrgMention, OrgRegistry } from "../core/orgs.js";
import { findPeriods } from "../core/periods.js";
import { isFunctionWord, QUESTION_PHRASES } from "../core/stopwords.js";
import { fold, hasDiacritics, nfc, words } from "../core/text.js";
import type { DocKind, Period, Role } from "../core/types.js";
import type { Language, QuestionKind } from "./types.js";

export interface DocRef {
  /** "229", "229-KL/TW", "634/TB-VPCP" */
  ref: string;
  kind?: DocKind;
}

export interface Understanding {
  question: string;
  language: Language;
  kind: QuestionKind;
  /** Bodies the question asks about (recipients such as "báo cáo Chính phủ" left out). */
  orgs: OrgMention[];
  period?: Period;
  docRefs: DocRef[];
  /** "Ai chủ trì ..." asks for the lead; "phối hợp" for coordinators. */
  askedRole?: Role;
  /** Content words as written, and folded, once organisations, period, references and question words are cut. */
  terms: string[];
  folded: string[];
  hasDiacritics: boolean;
}

const KIND_WORDS: Array<[RegExp, DocKind]> = [
  [/ket luan/, "ket_luan"], [/nghi quyet/, "nghi_quyet"], [/chi thi/, "chi_thi"], [/thong bao/, "thong_bao"],
  [/cong dien/, "cong_dien"], [/quyet dinh/, "quyet_dinh"], [/ke hoach/, "ke_hoach"], [/huong dan/, "huong_dan"],
  [/quy dinh/, "quy_dinh"], [/cong van/, "cong_van"], [/chuong trinh/, "chuong_trinh"],
];
const KIND_ALT = "ket luan|nghi quyet|chi thi|thong bao|cong dien|quyet dinh|ke hoach|huong dan|quy dinh|cong van|chuong trinh";
/** "229-KL/TW", "634/TB-VPCP", "08/2025/NQ-CP": a number followed by letter groups. */
const SYMBOL_RE = /\b\d{1,4}(?:\/\d{4})?(?:[-/][a-z]{1,8})+(?:[-/][a-z]{1,8})*\b/g;
/** "Kết luận số 229", "Thông báo 634", "số 229" (folded). */
const NUMBERED_RE = new RegExp(`\\b(?:(${KIND_ALT})\\s+(?:so\\s+)?|so\\s+)(\\d{1,4})\\b(?![/.]\\d)`, "g");

const WHEN_RE = /\b(han chot|thoi han|khi nao|bao gio|truoc ngay nao|ngay nao|thang nao|deadline|when|due|by when|hoan thanh truoc)\b/;
const WHO_RE = /\b(ai|co quan nao|don vi nao|who|which (?:body|agency|organi[sz]ation))\b/;
const ASSIGNED_RE = /\b(giao|nhiem vu|viec gi|nhung viec|lam gi|assigned|tasks?|phai xong|phai hoan thanh|can hoan thanh|trach nhiem)\b/;
const RECIPIENT_BEFORE_RE = /(bao cao|trinh|tham muu|gui|de nghi len|report to|submit to)\s*$/;
const ENGLISH_RE = /\b(what|who|when|which|is|are|assigned|tasks?|deadline|due|does|the|of|in|by|for)\b/g;

export function understandQuestion(question: string, deps: { registry: OrgRegistry; now: Date }): Understanding {
  const q = nfc(question).trim();
  const f = fold(q);
  // fold() keeps the length of NFC Vietnamese text, so spans found on `f` slice `q` too.
  const sameLength = f.length === q.length;
  const cut: Array<[number, number]> = [];

  const mentions = deps.registry.findAll(q);
  const orgs = mentions.filter((m) => !RECIPIENT_BEFORE_RE.test(f.slice(Math.max(0, m.index - 20), m.index)));
  for (const m of mentions) cut.push([m.index, m.index + m.length]);

  const found = findPeriods(q, { now: deps.now });
  const period = found.find((p) => p.period.kind === "range")?.period ?? found[0]?.period;
  for (const p of found) cut.push([p.index, p.index + p.length]);

  const docRefs: DocRef[] = [];
  for (const m of f.matchAll(SYMBOL_RE)) {
    if (/^\d{1,2}\/\d{4}$/.test(m[0])) continue;
    docRefs.push({ ref: q.slice(m.index, m.index + m[0].length) });
    cut.push([m.index, m.index + m[0].length]);
  }
  for (const m of f.matchAll(NUMBERED_RE)) {
    const kind = m[1] ? KIND_WORDS.find(([re]) => re.test(m[1]!))?.[1] : undefined;
    if (!docRefs.some((d) => d.ref.startsWith(m[2]!))) docRefs.push({ ref: m[2]!, kind });
    cut.push([m.index, m.index + m[0].length]);
  }

  const language = detectLanguage(blank(q, mentions.map((m) => [m.index, m.index + m.length])));
  // Question phrases ("là khi nào") are found on the folded text and cut from both forms.
  const topicFolded = cutPhrases(blank(f, cut));
  const topic = sameLength ? maskLike(q, topicFolded) : topicFolded;
  const kept = words(topic).filter((w) => !isFunctionWord(w, language) && !/^\d+$/.test(w));
  const folded = kept.map(fold);
  const asWritten = kept;
  const askedRole = /\bchu tri\b|\bleads?\b/.test(f) ? "lead" : /\bphoi hop\b|\bcoordinat/.test(f) ? "coordinate" : undefined;
  const kind = classify({ f, orgs, period, docRefs, topicWords: folded.length });
  return { question: q, language, kind, orgs, period, docRefs, askedRole, terms: unique(asWritten), folded: unique(folded), hasDiacritics: hasDiacritics(q) };
}

function classify(x: { f: string; orgs: OrgMention[]; period?: Period; docRefs: DocRef[]; topicWords: number }): QuestionKind {
  const { f, orgs, period, docRefs, topicWords } = x;
  if (WHO_RE.test(f)) return "who";
  const when = WHEN_RE.test(f);
  if (when && (topicWords > 2 || orgs.length === 0) && !(period && topicWords <= 2)) return "when";
  if (orgs.length > 0 && (ASSIGNED_RE.test(f) || when || topicWords <= 1)) return "assigned";
  if (period && orgs.length === 0 && (ASSIGNED_RE.test(f) || when || topicWords === 0)) return "assigned";
  if (docRefs.length > 0) return "document";
  return "other";
}

function detectLanguage(text: string): Language {
  if (hasDiacritics(text)) return "vi";
  const english = text.toLowerCase().match(ENGLISH_RE)?.length ?? 0;
  return english >= 2 ? "en" : "vi";
}

function blank(text: string, spans: Array<[number, number]>): string {
  let out = text;
  for (const [a, b] of spans) out = out.slice(0, a) + " ".repeat(b - a) + out.slice(b);
  return out;
}

/** Blanks question phrases in a folded text, keeping its length (so offsets still map to the original). */
function cutPhrases(folded: string): string {
  let out = ` ${folded.replace(/[^\p{L}\p{N}/\-]/gu, (c) => " ".repeat(c.length))} `;
  for (const p of QUESTION_PHRASES) {
    const needle = ` ${p} `;
    for (let i = out.indexOf(needle); i >= 0; i = out.indexOf(needle, i + 1)) {
      out = out.slice(0, i + 1) + " ".repeat(p.length) + out.slice(i + 1 + p.length);
    }
  }
  return out.slice(1, -1);
}

/** `text` with spaces wherever `mask` has spaces (both the same length). */
function maskLike(text: string, mask: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) out += mask[i] === " " ? " " : text[i];
  return out;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
