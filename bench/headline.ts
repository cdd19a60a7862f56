/**
 * Headline quality of passage answers (issue #15): is the sentence the answer's first line shows the one
 * that answers? For each question with expected evidence whose answer is a passage answer ("Theo <doc>,
 * <section>: <sentence>" or "Thời hạn: <period> (<doc>, <section>)"), the headline is right when
 *   - "Theo"/"According to": the sentence shown (as cut to its display length) holds an expected key;
 *   - "Thời hạn"/"Deadline": the period shown is not one the question states, and is an expected key's own
 *     words or stands in the sentence of the first citation's quote that holds an expected key.
 * Who answers ("Chủ trì: ...") and task lists show no sentence and are not counted. "Right passage" counts
 * only the answers whose first citation is from an expected document, to tell the sentence chosen from
 * the passage ranked (qa/passages.ts ranks; this measures the sentence).
 *
 *     npx tsx bench/headline.ts --questions Q.jsonl --answers A.jsonl [--show]
 *
 * A.jsonl is the `ask --jsonl` output for Q.jsonl, one line per question in order (for example through
 * `score.mjs ... -- sh -c "npm run --silent nhiemvu -- ask --jsonl | tee A.jsonl"`). Text is compared the
 * way shared/eval/score.mjs compares it.
 *
 * Figures (2026-12-06, store of 426 documents: sample corpus + ext/directives + ext/news; the rule in
 * qa/sentence.ts was developed on the tuning half only):
 *   before (e8135b8): tuning 23/41 = 0.561 (right passage 23/40), test 17/35 = 0.486 (17/30)
 *   after:            tuning 27/41 = 0.659 (right passage 27/40), test 19/35 = 0.543 (19/30)
 * Most misses left are passages ranked first that do not hold the answer (qa/passages.ts ranking).
 */
import { readFileSync } from "node:fs";
import { fold } from "../core/text.js";

interface Expect { doc: string | string[]; key: string }
interface Question { id: string; q: string; expect?: Expect[] }
interface Answer { answer: string; found: boolean; citations: Array<{ doc: string; quote: string }> }

const TONE: Record<string, string> = { "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe",
  "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy" };

/** score.mjs's comparison: NFC, lower case, one tone placement, emphasis and table bars dropped, spaces collapsed. */
export function norm(s: string): string {
  let t = s.normalize("NFC").toLowerCase();
  for (const [from, to] of Object.entries(TONE)) t = t.split(from).join(to);
  return t.replace(/[“”„]/g, '"').replace(/[*_#|`]/g, " ").replace(/\s+/g, " ").trim();
}

export type Verdict = { form: "sentence" | "period"; right: boolean; rightPassage: boolean; shown: string } | undefined;

/** The verdict on one answer, or undefined when it shows no passage sentence or the question expects nothing. */
export function judge(q: Question, a: Answer): Verdict {
  if (!q.expect?.length || !a.found || a.citations.length === 0) return undefined;
  const keys = q.expect.map((e) => norm(e.key));
  const docs = new Set(q.expect.flatMap((e) => (Array.isArray(e.doc) ? e.doc : [e.doc])));
  const rightPassage = docs.has(a.citations[0]!.doc.split("/").pop()!);
  const first = a.answer.split("\n")[0]!;
  const theo = /^(?:Theo|According to) .+?: (.*)$/su.exec(first);
  if (theo) {
    const shown = norm(theo[1]!.replace(/…$/u, ""));
    return { form: "sentence", right: keys.some((k) => shown.includes(k)), rightPassage, shown };
  }
  const when = /^(?:Thời hạn|Deadline)\b(.*)$/su.exec(first);
  if (!when) return undefined;
  const period = shownPeriod(when[1]!);
  if (!period) return undefined;
  const quote = norm(a.citations[0]!.quote);
  // A period the question states itself ("... năm 2025 phải xong trước ngày nào?") does not answer it.
  const right = !standsIn(fold(norm(q.q)), fold(period)) && keys.some((k) => standsIn(k, period) || inSentenceOf(quote, k, period));
  return { form: "period", right, rightPassage, shown: period };
}

/** "… trong tháng 11 năm 2025 (30/11/2025) (Công điện 220/CĐ-TTg, mục 3)." -> "trong tháng 11 năm 2025"; English quotes the document's words. */
function shownPeriod(rest: string): string | undefined {
  const quoted = /“([^”]+)”/u.exec(rest);
  if (quoted) return norm(quoted[1]!);
  const body = rest.replace(/^\s*[:—-]?\s*/u, "").replace(/\s*\([^()]*(?:\([^()]*\)[^()]*)*\)\.?\s*$/u, "").replace(/\s*\(\d{1,2}\/\d{1,2}\/\d{4}\)\s*$/u, "");
  const p = norm(body);
  return p.length > 0 ? p : undefined;
}

/** Whether `period` stands in the sentence (or sentences) of `quote` that hold `key`. */
function inSentenceOf(quote: string, key: string, period: string): boolean {
  const at = quote.indexOf(key);
  if (at < 0) return false;
  const before = quote.slice(0, at);
  const from = Math.max(before.lastIndexOf(". "), before.lastIndexOf("; "), before.lastIndexOf("\n")) + 1;
  const after = quote.slice(at + key.length).search(/[.;](?:\s|$)/u);
  const to = after < 0 ? quote.length : at + key.length + after + 1;
  return standsIn(quote.slice(from, to), period);
}

/** `period` written in `text` as a whole expression, not as the tail of a longer date ("năm 2025" of "ngày 31 tháng 12 năm 2025"). */
function standsIn(text: string, period: string): boolean {
  for (let at = text.indexOf(period); at >= 0; at = text.indexOf(period, at + 1)) {
    if (!/(?:(?:tháng|thang) \d{1,2}|\d[/.-])\s?$/u.test(text.slice(Math.max(0, at - 12), at))) return true;
  }
  return false;
}

function main(): void {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const qPath = arg("--questions"), aPath = arg("--answers");
  if (!qPath || !aPath) throw new Error("usage: tsx bench/headline.ts --questions Q.jsonl --answers A.jsonl [--show]");
  const lines = (p: string) => readFileSync(p, "utf8").split("\n").filter((l) => l.trim().startsWith("{")).map((l) => JSON.parse(l));
  const questions = lines(qPath) as Question[];
  const answers = lines(aPath) as Answer[];
  if (questions.length !== answers.length) throw new Error(`${questions.length} questions, ${answers.length} answers`);
  const rows = questions.map((q, i) => ({ q, a: answers[i]!, v: judge(q, answers[i]!) })).filter((r) => r.v);
  const count = (f: (v: NonNullable<Verdict>) => boolean) => rows.filter((r) => f(r.v!)).length;
  const share = (n: number, d: number) => `${n}/${d} = ${d ? (n / d).toFixed(3) : "-"}`;
  if (process.argv.includes("--show")) {
    for (const { q, v } of rows) {
      console.log(`${v!.right ? "ok  " : "MISS"} ${v!.rightPassage ? "   " : "(p)"} ${q.id} ${v!.form}: ${q.q}\n       shown: ${v!.shown.slice(0, 200)}\n       keys:  ${q.expect!.map((e) => e.key).join(" | ")}`);
    }
  }
  const rp = rows.filter((r) => r.v!.rightPassage);
  console.log(`headline right: ${share(count((v) => v.right), rows.length)}; with the right passage: ${share(rp.filter((r) => r.v!.right).length, rp.length)}` +
    ` (sentence ${share(count((v) => v.form === "sentence" && v.right), count((v) => v.form === "sentence"))}, period ${share(count((v) => v.form === "period" && v.right), count((v) => v.form === "period"))})`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) main();
