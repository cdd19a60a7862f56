/**
 * English questions about a matter, read in the documents' own words: an English-Vietnamese glossary of
 * the administrative domain (data in glossary-en-vi.json, loaded and checked once) turns the English words
 * of a question into the Vietnamese phrases documents use ("digital transformation" -> "chuyển đổi số",
 * "training" -> "tập huấn" | "đào tạo" | "bồi dưỡng"). The local embedder has no cross-lingual meaning,
 * so without this an English question has no lexical path to a Vietnamese passage.
 */
import { z } from "zod/v3"; // the light zod API, as core/config.ts explains: this module loads with every question
import { ConfigError } from "../core/errors.js";
import { EN_FUNCTION_WORDS } from "../core/stopwords.js";
import { foldedWords } from "../core/abbreviations.js";
import { fold, nfc, squash, tokens } from "../core/text.js";
import data from "./glossary-en-vi.json" with { type: "json" };

/** One thing a question names, with the Vietnamese phrases that say it (any one of them will do). */
export interface Concept {
  /** The English words, normalised (lower case, singular). */
  en: string;
  /** Vietnamese phrases as documents write them; words the glossary lacks stand for themselves. */
  vi: string[];
}

export interface Expansion {
  /** Every Vietnamese phrase of the question's concepts, in question order, once each. */
  phrases: string[];
  /** The question's concepts in order: glossary entries, given names, and runs of other words. */
  concepts: Concept[];
}

/** A span of the question already read as a Vietnamese name (an organisation), replaced by that name. */
export interface NamedSpan {
  index: number;
  length: number;
  vi: string;
}

const GlossaryFile = z.object({
  /** English words that name no matter ("according", "regarding"), beyond the shared function words. */
  ignore: z.array(z.string().regex(/^[a-z]+$/)),
  /** English word or phrase (lower case) -> the Vietnamese phrases documents use for it. */
  terms: z.record(z.string().regex(/^[a-z0-9][a-z0-9' -]*$/), z.array(z.string().min(1)).min(1)),
});

interface Glossary {
  ignore: ReadonlySet<string>;
  /** Normalised English key ("party member") -> Vietnamese phrases. */
  terms: ReadonlyMap<string, string[]>;
  /** Words in the longest key. */
  longest: number;
}

/** Checks and indexes a glossary file; throws ConfigError on a malformed or ambiguous entry. */
export function loadGlossary(raw: unknown): Glossary {
  const parsed = GlossaryFile.safeParse(raw);
  if (!parsed.success) throw new ConfigError("glossary_invalid", `The English glossary is malformed: ${parsed.error.message}`);
  const terms = new Map<string, string[]>();
  let longest = 1;
  for (const [en, vi] of Object.entries(parsed.data.terms)) {
    const words = englishWords(en).map((w) => w.norm);
    const key = words.join(" ");
    // A key that is one function word would expand "it", "task" in every question.
    if (words.length === 1 && EN_FUNCTION_WORDS.has(key)) {
      throw new ConfigError("glossary_invalid", `Glossary entry "${en}" is a function word.`);
    }
    if (terms.has(key)) throw new ConfigError("glossary_invalid", `Glossary entry "${en}" repeats another entry ("${key}").`);
    terms.set(key, vi.map((p) => squash(nfc(p))));
    longest = Math.max(longest, words.length);
  }
  const ignore = new Set(parsed.data.ignore.map(singular));
  for (const w of ignore) if (terms.has(w)) throw new ConfigError("glossary_invalid", `"${w}" is both ignored and a glossary entry.`);
  return { ignore, terms, longest };
}

let checked: Glossary | undefined;
/** The glossary, checked on first use: a Vietnamese question never needs it (about 0.05 s of each CLI start). */
function glossary(): Glossary {
  return (checked ??= loadGlossary(data));
}

/** How many entries the glossary holds (for reports and tests). */
export function glossarySize(): number {
  return glossary().terms.size;
}

/**
 * The Vietnamese words for an English question: glossary phrases, longest match first ("party member"
 * before "party"), plurals and case ignored; `names` spans (organisations already resolved) stand as
 * their Vietnamese names; English function words drop out; other words (names of places, "5G") are
 * kept as typed, neighbouring ones as one phrase. The caller decides that the question is English.
 */
export function expandEnglish(question: string, opts: { names?: NamedSpan[]; original?: string } = {}): Expansion {
  // `question` may have its question phrases blanked; `original` (same length) still shows them.
  const original = opts.original ?? question;
  const names = [...(opts.names ?? [])].sort((a, b) => a.index - b.index);
  const concepts: Concept[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) concepts.push({ en: run.join(" ").toLowerCase(), vi: [run.join(" ")] });
    run = [];
  };
  const words = englishWords(question);
  const usedNames = new Set<NamedSpan>();
  for (let i = 0; i < words.length; ) {
    const w = words[i]!;
    const name = names.find((n) => w.index >= n.index && w.index < n.index + n.length);
    if (name) {
      flush();
      if (!usedNames.has(name)) concepts.push({ en: name.vi.toLowerCase(), vi: [name.vi] });
      usedNames.add(name);
      i++;
      continue;
    }
    const match = longestMatch(words, i, names) ?? verbForm(w) ?? ordinal(w);
    if (match) {
      flush();
      // "Which agency ..." asks for a body; the body is not the matter.
      const asks = ASKED_HEADS.has(match.key) && /\b(which|what)\s+$/i.test(original.slice(0, w.index));
      if (!asks) concepts.push({ en: match.key, vi: match.vi });
      i += match.length;
      continue;
    }
    // A lone "s" is a possessive whose apostrophe was blanked with the punctuation.
    const dropped = EN_FUNCTION_WORDS.has(w.lower) || glossary().ignore.has(w.norm) || /^\d+$/.test(w.lower) || w.lower === "s" || functionForm(w);
    if (dropped && !inPlaceName(words, i)) flush();
    else run.push(w.text);
    i++;
  }
  flush();
  const phrases = [...new Set(concepts.flatMap((c) => c.vi))];
  return { phrases, concepts };
}

/** What understanding searches for on an English question (see Understanding in understand.ts). */
export interface EnglishSearch {
  /** The Vietnamese words of every concept's phrases, as written (for the as-written column). */
  terms: string[];
  folded: string[];
  /** Each concept's alternatives as folded syllables. */
  concepts: string[][][];
  /** Folded words of the matter named after "about" (each concept's first phrase). */
  topic: string[];
}

/**
 * The search words of an English question: `text` is the question with its references, periods and
 * question phrases blanked, `names` the organisations found in it, `topicText` the part after "about".
 */
export function englishSearch(text: string, names: NamedSpan[], topicText?: string, original?: string): EnglishSearch {
  const { concepts } = expandEnglish(text, { names, original });
  const terms = [...new Set(concepts.flatMap((c) => c.vi).flatMap((p) => tokens(p)))];
  const topicConcepts = topicText === undefined ? [] : expandEnglish(topicText, { names, original }).concepts;
  return {
    terms,
    folded: [...new Set(terms.map(fold))],
    concepts: concepts.map((c) => c.vi.map((p) => foldedWords(p))).filter((alts) => alts.some((a) => a.length > 0)),
    topic: [...new Set(topicConcepts.flatMap((c) => foldedWords(c.vi[0] ?? "")))],
  };
}

/**
 * The matter of an English question in the documents' words: each concept's first Vietnamese phrase (names
 * as their Vietnamese names), as folded syllables in question order, repeats kept, so that it is weighed
 * and matched as a Vietnamese question's matter is.
 */
export function englishMatter(text: string, names: NamedSpan[], original?: string): string[] {
  return expandEnglish(text, { names, original }).concepts.flatMap((c) => foldedWords(c.vi[0] ?? ""));
}

interface EnglishWord {
  text: string;
  lower: string;
  /** Lower case, singular, possessive dropped. */
  norm: string;
  index: number;
}

function englishWords(text: string): EnglishWord[] {
  const out: EnglishWord[] = [];
  for (const m of nfc(text).matchAll(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu)) {
    const lower = m[0].toLowerCase().replace(/['’]s$/, "");
    out.push({ text: m[0].replace(/['’]s$/, ""), lower, norm: singular(lower), index: m.index });
  }
  return out;
}

/**
 * A word that spells an English function word but is written as part of a capitalised name beside a word
 * that is not one: Vietnamese place names "Can Tho", "Nghe An", "Long An", "Ha Noi". The question's first
 * word is capitalised anyway ("In Can Tho ...": "In" is no name).
 */
function inPlaceName(words: EnglishWord[], i: number): boolean {
  const capital = (w: EnglishWord | undefined) => !!w && w.index > 0 && /^\p{Lu}\p{Ll}/u.test(w.text);
  const name = (w: EnglishWord | undefined) => capital(w) && !EN_FUNCTION_WORDS.has(w!.lower) && !glossary().ignore.has(w!.norm);
  return i > 0 && capital(words[i]) && (name(words[i - 1]) || name(words[i + 1]));
}

/** The longest glossary key starting at word `i`, not running into a named span. */
function longestMatch(words: EnglishWord[], i: number, names: NamedSpan[]): { key: string; vi: string[]; length: number } | undefined {
  const inName = (w: EnglishWord) => names.some((n) => w.index >= n.index && w.index < n.index + n.length);
  for (let n = Math.min(glossary().longest, words.length - i); n >= 1; n--) {
    const span = words.slice(i, i + n);
    if (span.some(inName)) continue;
    const key = span.map((w) => w.norm).join(" ");
    const vi = glossary().terms.get(key);
    // One function word alone never matches (validated at load); inside a phrase it may ("oil and gas").
    if (vi) return { key, vi, length: n };
  }
  return undefined;
}

/** Heads of "which agency", "what ministry": the body asked for. */
const ASKED_HEADS: ReadonlySet<string> = new Set(["agency", "body", "organ", "unit", "organisation", "organization", "ministry", "authority", "department", "office", "sector", "locality", "province"]);

/** "building" -> "build", "evaluated" -> "evaluate": a verb form whose base is an entry. */
function verbForm(w: EnglishWord): { key: string; vi: string[]; length: number } | undefined {
  for (const key of verbBases(w)) {
    const vi = glossary().terms.get(key);
    if (vi) return { key, vi, length: 1 };
  }
  return undefined;
}

/**
 * "finishing", "completing", "making", "listed": a verb form of a word that asks rather than names ("finish")
 * or that the glossary ignores ("make", "list"), dropped as it is.
 */
function functionForm(w: EnglishWord): boolean {
  return verbBases(w).some((key) => EN_FUNCTION_WORDS.has(key) || glossary().ignore.has(key));
}

/** The bases an -ing or -ed form may have: "building" -> build, "evaluated" -> evaluate, "planned" -> plan. */
function verbBases(w: EnglishWord): string[] {
  const m = /^(\w{3,}?)(ing|ed)$/.exec(w.lower);
  if (!m) return [];
  const stem = m[1]!;
  const doubled = /(\w)\1$/.test(stem) ? stem.slice(0, -1) : undefined;
  return [stem, `${stem}e`, doubled, stem.endsWith("i") ? `${stem.slice(0, -1)}y` : undefined].filter((k): k is string => !!k);
}

const VI_ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];

/** "5th" (session, plenum) -> "thứ 5" | "thứ năm", as documents write "Hội nghị lần thứ năm". */
function ordinal(w: EnglishWord): { key: string; vi: string[]; length: number } | undefined {
  const m = /^(\d{1,2})(?:st|nd|rd|th)$/.exec(w.lower);
  if (!m) return undefined;
  const n = Number(m[1]);
  const word = VI_ORDINALS[n - 1];
  return { key: w.lower, vi: word ? [`thứ ${word}`, `thứ ${n}`] : [`thứ ${n}`], length: 1 };
}

/** English plural to singular, enough for matching ("ministries" -> "ministry", "members" -> "member"). */
function singular(w: string): string {
  if (w.length <= 3 || /[^a-z]/.test(w)) return w;
  if (w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|z)es$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is)$/.test(w)) return w;
  return w.endsWith("s") ? w.slice(0, -1) : w;
}
