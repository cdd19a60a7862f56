/**
 * The period scanner. A cheap expression first finds the word starts where some rule can begin (a digit
 * or a listed start word); the rules that can begin with that word are tried there only, anchored, in
 * order. This finds the same matches as trying all rules, joined, at every position
 * (tests/core/periods.test.ts checks that), many times faster on long texts.
 */
import type { Period } from "../types.js";
import { foldAligned, unifyQuy } from "../text.js";
import { vnDate } from "../time.js";
import { MONTH_NAMES, RULES, VI_MONTHS, type Rule, type RuleContext } from "./rules.js";

export interface ScanOptions {
  now?: Date;
  defaultYear?: number;
}

export interface ScanMatch {
  index: number;
  length: number;
  period: Period;
}

interface Slot {
  rule: Rule;
  /** Index of the rule's own group in the joined expression; its inner groups follow. */
  group: number;
  count: number;
}

interface Compiled {
  re: RegExp;
  slots: Slot[];
}

/**
 * Capturing groups in a regular-expression source: each "(" that is not escaped, not inside a class and
 * not "(?:", "(?=", "(?!", "(?<=", "(?<!" (a named group "(?<name>" counts). Read, not compiled: compiling
 * every rule with its Unicode classes to count them cost about 50 ms at the first question.
 */
export function groupCount(source: string): number {
  let n = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(" && (source[i + 1] !== "?" || (source[i + 2] === "<" && source[i + 3] !== "=" && source[i + 3] !== "!"))) n++;
  }
  return n;
}

function compile(rules: Rule[], flags: string): Compiled {
  const slots: Slot[] = [];
  let group = 1;
  for (const rule of rules) {
    const count = groupCount(rule.source);
    slots.push({ rule, group, count });
    group += count + 1;
  }
  return { re: new RegExp(rules.map((r) => `(${plainClasses(r.source)})`).join("|"), flags), slots };
}

/**
 * The rules test "a letter or digit" as `[\p{L}\p{N}...]`, and V8 compiles such Unicode classes slowly
 * (about 0.1 s for the rules a question needs, paid by every CLI start). The scanner matches text where
 * every non-ASCII letter or digit is replaced by LETTER (`plainLetters`), so ASCII ranges plus LETTER
 * say the same thing there. The rules use the pair only in lookarounds, so the count of LETTERs for a
 * character outside the BMP (two) is as good as one.
 */
const LETTER = "\u00aa";
function plainClasses(source: string): string {
  return source.replaceAll(String.raw`\p{L}\p{N}`, `a-zA-Z0-9${LETTER}`);
}

const NON_ASCII = /[^\x00-\x7f]+/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
function plainLetters(folded: string): string {
  return folded.replace(NON_ASCII, (run) => {
    let out = "";
    for (const ch of run) out += LETTER_OR_DIGIT.test(ch) ? LETTER.repeat(ch.length) : ch;
    return out;
  });
}

/** Every rule at once, for the exhaustive reference scan only (tests); built on first use. */
let anywhere: Compiled | undefined;
const REL_WORDS = "nay|toi|sau|truoc|ngoai|qua|vua|hien";
const REL = String.raw`(?:${REL_WORDS})\b`;
/** What can follow a deadline or "within" word for a period to begin ("trong" + "tháng 8/2025"). */
const AFTER_MOD = String.raw`(?:\d|[qh][1-4]\b|(?:quy|quarter|thang|tuan|nam|nua|sau|first|second|third|fourth|this|next|last|coming|current|previous|past|hom|today|tomorrow|ngay|giai|thoi|vong|period|end|the|het|cuoi|trong|vao|la|muon|chot|later|to|${MONTH_NAMES.join("|")})\b)`;
/**
 * A quick test on the words after a frequent start word, so that the rules are not tried after every
 * "định" (quy định), "quy" (quy hoạch) or "trong". Each must accept everything its rules can match
 * (the exhaustive comparison in the tests checks this). Start words not listed are always tried.
 */
const FOLLOW: Record<string, string> = {
  dinh: "ky", giai: "doan", thoi: "ky", thuong: "xuyen", khong: "(?:muon|qua)", han: "chot", no: "later", prior: "to",
  quy: String.raw`(?:iv|iii|ii|i|[1-4]|${REL_WORDS})\b`,
  nam: String.raw`(?:(?:19|20)\d\d|${REL_WORDS})\b`,
  thang: String.raw`(?:\d|(?:${REL_WORDS}|${Object.keys(VI_MONTHS).map((w) => w.split(" ")[0]).join("|")})\b)`,
  tuan: REL,
  moi: String.raw`(?:ngay|tuan|thang|quy|nam)\b`,
  hang: String.raw`(?:ngay|tuan|thang|quy|nam)\b`,
  sau: "thang",
  nua: "(?:dau|cuoi|sau)\\b",
  tu: AFTER_MOD, trong: AFTER_MOD, ngay: String.raw`(?:\d|trong|mai)`, vao: AFTER_MOD, den: AFTER_MOD,
  het: AFTER_MOD, cuoi: AFTER_MOD, truoc: AFTER_MOD, the: AFTER_MOD, in: AFTER_MOD, by: AFTER_MOD,
};
// A number starts a period only as a date, a month/year, a year, "6 tháng" or "1st quarter".
const DIGITS = String.raw`\d{1,2}(?:[/.\-]\d|\s+[a-z]|(?:st|nd|rd|th)\s)|(?:19|20)\d\d`;
const WORDS = [...new Set(RULES.flatMap((r) => r.starts))].filter((w) => /^[a-z]{2,}$/.test(w));
WORDS.sort((a, b) => b.length - a.length);
const FREE = WORDS.filter((w) => FOLLOW[w] === undefined);
const GATED = gatedAlternatives(WORDS.filter((w) => FOLLOW[w] !== undefined));

/**
 * `w(?=\s*FOLLOW[w])` for each gated word, longest first, with the words that share a test written once:
 * "(?:trong|truoc|...|tu)(?=\s*AFTER_MOD)" matches exactly as the same words one after another, and V8
 * compiles it in a third of the time (AFTER_MOD ten times over cost about 15 ms at the first question).
 * A word joins the last group with its test unless a longer word that begins with it ("tuan" for "tu")
 * comes after that group: then it starts a group of its own, so longer words are still tried first.
 */
function gatedAlternatives(words: string[]): string[] {
  const groups: string[][] = [];
  for (const w of words) {
    let i = groups.length - 1;
    while (i >= 0 && FOLLOW[groups[i]![0]!] !== FOLLOW[w]) i--;
    const longerAfter = groups.slice(i + 1).some((g) => g.some((x) => x.startsWith(w)));
    if (i >= 0 && !longerAfter) groups[i]!.push(w);
    else groups.push([w]);
  }
  return groups.map((g) => `${g.length > 1 ? `(?:${g.join("|")})` : g[0]}(?=\\s*${FOLLOW[g[0]!]})`);
}
// \b holds wherever the rules' own start boundary does, since every start is a word character.
const CANDIDATE = new RegExp(
  String.raw`\b(?:(?=${DIGITS})(\d)|([hq])[1-4]\b|(${FREE.join("|")})\b|(${GATED.join("|")}))`,
  "g",
);
/** The rules that can start with a given word, in order; listed on first use. */
const BY_START = new Map<string, Rule[]>();
/** Each rule alone, anchored; compiled on its first try. */
const ANCHORED = new Map<Rule, Compiled>();

function rulesFor(start: string): Rule[] {
  let rules = BY_START.get(start);
  if (!rules) BY_START.set(start, (rules = RULES.filter((r) => r.starts.includes(start))));
  return rules;
}

/**
 * The first of `rules` that matches at `index`, with its slots: what the rules joined into one
 * alternation would match there, since an alternation tries its branches in order and keeps the first
 * that matches (nothing follows it in the expression to backtrack into). Tried one by one, a rule is
 * compiled only when reached: the joined rules cost the first question about 8 ms to compile, for
 * one match usually among the first few ("trong quý II/2026": the third of eleven).
 */
function matchAt(rules: Rule[], folded: string, index: number): { m: RegExpExecArray; slots: Slot[] } | undefined {
  for (const rule of rules) {
    let c = ANCHORED.get(rule);
    if (!c) ANCHORED.set(rule, (c = compile([rule], "uy")));
    c.re.lastIndex = index;
    const m = c.re.exec(folded);
    if (m) return { m, slots: c.slots };
  }
  return undefined;
}

function context(opts: ScanOptions | undefined): RuleContext {
  let today: string | undefined;
  const todayOf = (): string => (today ??= vnDate(opts?.now ?? new Date()));
  return { today: todayOf, year: () => opts?.defaultYear ?? Number(todayOf().slice(0, 4)) };
}

/**
 * Period expressions in `text`, leftmost first, non-overlapping. `exhaustive` tries every position
 * (slow; the reference the fast path is tested against).
 */
export function scanPeriods(text: string, opts?: ScanOptions, exhaustive = false): ScanMatch[] {
  const { folded: written, toOriginal } = foldAligned(text);
  const folded = plainLetters(unifyQuy(written));
  const ctx = context(opts);
  const out: ScanMatch[] = [];
  const accept = (m: RegExpExecArray, slots: Slot[]): boolean => {
    const slot = slots.find((x) => m[x.group] !== undefined)!;
    const start = toOriginal(m.index);
    const end = toOriginal(m.index + m[0].length);
    const original = text.slice(start, end);
    const value = slot.rule.build(m.slice(slot.group + 1, slot.group + 1 + slot.count), ctx, original);
    if (value === undefined) return false;
    out.push({ index: start, length: end - start, period: { text: original, ...value } });
    return true;
  };
  if (exhaustive) {
    anywhere ??= compile(RULES, "gu");
    const re = new RegExp(anywhere.re);
    let m: RegExpExecArray | null;
    while ((m = re.exec(folded)) !== null) if (!accept(m, anywhere.slots)) re.lastIndex = m.index + 1;
    return joinSpans(text, out);
  }
  const candidates = new RegExp(CANDIDATE);
  let c: RegExpExecArray | null;
  while ((c = candidates.exec(folded)) !== null) {
    const hit = matchAt(rulesFor(c[1] !== undefined ? "#" : c[2] ?? c[3] ?? c[4]!), folded, c.index);
    candidates.lastIndex = hit && accept(hit.m, hit.slots) ? hit.m.index + hit.m[0].length : c.index + 1;
  }
  return joinSpans(text, out);
}

/** A dash between two periods ("Quý IV/2025- Quý II/2026"), or a second one opened by "đến"/"to". */
const DASH = /^\s*[-–—]\s*$/u;
const SPACE = /^[\s,]*$/u;
const TO_WORD = /^(?:đến|tới|to|until|till)\s/iu;

/**
 * Two dated spans written as the ends of one ("Quý IV/2025 - Quý II/2026", "tháng 9/2025 đến quý I/2026")
 * are one range, from the first's start to the second's end: as a deadline, it is due at its end.
 */
function joinSpans(text: string, found: ScanMatch[]): ScanMatch[] {
  const out: ScanMatch[] = [];
  for (const m of found) {
    const prev = out[out.length - 1];
    const a = prev?.period;
    const b = m.period;
    const between = prev ? text.slice(prev.index + prev.length, m.index) : "";
    const ends = a?.kind === "range" && b.kind === "range" && a.start !== undefined && a.end !== undefined && b.end !== undefined && a.end < b.end;
    const written = DASH.test(between) ? b.start !== undefined : SPACE.test(between) && TO_WORD.test(b.text);
    const joined = prev && ends && written;
    if (!joined) { out.push(m); continue; }
    const length = m.index + m.length - prev.index;
    const label = `${a!.label ?? a!.start}-${(b.label ?? b.end!).replace(/^≤/u, "")}`;
    out[out.length - 1] = { index: prev.index, length, period: { text: text.slice(prev.index, prev.index + length), kind: "range", start: a!.start, end: b.end, label } };
  }
  return out;
}
