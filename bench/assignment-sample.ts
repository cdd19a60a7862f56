/**
 * Assignment precision, measured by hand: extracts every assignment of ../shared/ext/directives and
 * ../shared/ext/news in process, draws a seeded sample and prints each record with the text around it, so a
 * person can judge it; scores a judgement file (bench/judgements/*.jsonl) against the current extraction.
 *
 *   npx tsx bench/assignment-sample.ts counts                     assignments and zero-assignment documents
 *   npx tsx bench/assignment-sample.ts show [--n 200] [--seed 12]  the sample, with context, for judging
 *   npx tsx bench/assignment-sample.ts keys [--n 200] [--seed 12]  the sample's keys as JSON Lines (no text)
 *     show/keys --new OLD_KEYS [--skip DOCS]                        only records an earlier extraction lacked, not
 *                                                                  from the listed documents
 *   npx tsx bench/assignment-sample.ts context DIR/NAME OFFSET [CHARS] the text before an offset
 *   npx tsx bench/assignment-sample.ts score FILE                  precision per label of a judgement file, and how many of
 *                                                                  its records the current extraction still has
 *   npx tsx bench/assignment-sample.ts recall FILE...              recall of the current extraction on recall samples
 *                                                                  (bench/judgements/recall-*.jsonl), with and without
 *                                                                  the debatable kinds
 *
 * Judgement lines hold only keys and labels, never document text (the ext licence is unknown).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadOrgRegistry } from "../core/orgs.js";
import { rng } from "./lib/corpus.js";
import {
  EXT_DIRS, bodyKey, extractAll, readJudgements, readRecallJudgements, recalls, recordKey, type ExtRecord, type Judgement, type RecallJudgement,
} from "./lib/assignment-judgements.js";

const args = process.argv.slice(2);
const cmd = args[0] ?? "counts";
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const SHARED = join(process.cwd(), "..", "shared", "ext");

const registry = loadOrgRegistry();
const docs = await extractAll(EXT_DIRS.map((d) => join(SHARED, d)), registry);
const all: ExtRecord[] = docs.flatMap((d) => d.records.map((r) => ({ doc: d, r })));

if (cmd === "counts") {
  const zero = docs.filter((d) => d.records.length === 0);
  console.log(`documents ${docs.length}, assignments ${all.length}, documents with none ${zero.length}`);
  for (const dir of EXT_DIRS) {
    const mine = docs.filter((d) => d.dir === dir);
    console.log(`  ${dir}: ${mine.length} documents, ${mine.reduce((n, d) => n + d.records.length, 0)} assignments, ${mine.filter((d) => !d.records.length).length} with none`);
  }
  if (args.includes("--zero")) for (const d of zero) console.log(`  none: ${d.dir}/${d.name}`);
} else if (cmd === "show" || cmd === "keys") {
  // --new KEYS: only records not among the keys of an earlier extraction (`keys --n 1000000` of the earlier
  // code); --skip FILE: not from the documents listed there (those read while writing the rules).
  const str = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
  const old = str("new") ? new Set(readFileSync(str("new")!, "utf8").split("\n").filter((l) => l.trim())) : undefined;
  const skip = str("skip") ? readFileSync(str("skip")!, "utf8").split(/\s+/).filter(Boolean) : [];
  const pool = all.filter((x) => (!old || !old.has(JSON.stringify(recordKey(x)))) && !skip.some((d) => x.doc.name.startsWith(d)));
  if (old) console.error(`new records ${pool.length} (of ${all.length})`);
  const sample = draw(pool, opt("n", 200), opt("seed", 12));
  sample.forEach((x, i) => {
    if (cmd === "keys") { console.log(JSON.stringify(recordKey(x))); return; }
    const { doc, r } = x;
    const before = doc.text.slice(Math.max(0, r.quoteStart - 260), r.quoteStart);
    const after = doc.text.slice(r.quoteEnd, r.quoteEnd + 100);
    const q = doc.text.slice(r.quoteStart, r.quoteEnd);
    const shown = q.length > 520 ? `${q.slice(0, 360)} […] ${q.slice(-140)}` : q;
    console.log(`\n#${i} ${doc.dir}/${doc.name} @${r.quoteStart}+${r.quoteEnd - r.quoteStart}`);
    console.log(`BODY ${r.org} [${r.orgId ?? "?"}] as "${r.orgText}" ROLE ${r.role}${r.coordinators.length ? ` COORD ${r.coordinators.join("; ")}` : ""}`);
    console.log(`DEADLINE ${r.deadline ? `${r.deadline.text} (${r.deadline.due ?? r.deadline.kind})` : "-"}`);
    console.log(`…${before}⟦${shown}⟧${after}…`);
  });
} else if (cmd === "context") {
  // context DIR/NAME OFFSET [CHARS]: the cleaned text before an offset (a heading far above a quote).
  const doc = docs.find((d) => `${d.dir}/${d.name}` === args[1]);
  const at = Number(args[2]), n = Number(args[3] ?? 1500);
  console.log(doc ? doc.text.slice(Math.max(0, at - n), at + 200) : `no document ${args[1]}`);
} else if (cmd === "score") {
  const file = args[1];
  if (!file) throw new Error("score needs a judgement file");
  printScore(readJudgements(readFileSync(file, "utf8")));
} else if (cmd === "recall") {
  const files = args.slice(1);
  if (!files.length) throw new Error("recall needs one or more recall judgement files");
  printRecall(files.flatMap((f) => readRecallJudgements(readFileSync(f, "utf8"))));
} else {
  throw new Error(`unknown command ${cmd}`);
}

/** n records drawn without replacement by a seeded Fisher-Yates over the records in document order. */
function draw<T>(xs: readonly T[], n: number, seed: number): T[] {
  const r = rng(seed);
  const a = [...xs];
  for (let i = 0; i < Math.min(n, a.length); i++) {
    const j = i + Math.floor(r() * (a.length - i));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

function printScore(js: Judgement[]): void {
  const n = js.length;
  const pct = (k: number, of: number) => `${k}/${of} (${((100 * k) / Math.max(1, of)).toFixed(1)}%)`;
  const tasks = js.filter((j) => j.labels.task);
  console.log(`judged ${n}`);
  console.log(`task      ${pct(tasks.length, n)}`);
  for (const label of ["body", "role", "deadline"] as const) {
    console.log(`${label.padEnd(9)} ${pct(js.filter((j) => j.labels[label]).length, n)} of all, ${pct(tasks.filter((j) => j.labels[label]).length, tasks.length)} of tasks`);
  }
  const allRight = js.filter((j) => j.labels.task && j.labels.body && j.labels.role && j.labels.deadline).length;
  console.log(`all four  ${pct(allRight, n)}`);
  // Against the current extraction: a judged record is still there when a record of the same body and role
  // holds the judged quote's start in the same document.
  const here = (j: Judgement) => all.some(({ doc, r }) => `${doc.dir}/${doc.name}` === j.doc && bodyKey(r) === j.body
    && r.role === j.role && r.quoteStart <= j.start && j.start < Math.max(r.quoteEnd, r.quoteStart + 1));
  const right = js.filter((j) => j.labels.task && j.labels.body && j.labels.role);
  const wrong = js.filter((j) => !j.labels.task);
  console.log(`now: judged right still extracted ${pct(right.filter(here).length, right.length)}, non-tasks still extracted ${pct(wrong.filter(here).length, wrong.length)}`);
}

/** Recall now (micro, and macro over documents), all assignments and without the debatable kinds. */
function printRecall(js: RecallJudgement[]): void {
  const now = (j: RecallJudgement) => recalls(docs.find((d) => `${d.dir}/${d.name}` === j.doc)?.records ?? [], j);
  const line = (label: string, xs: RecallJudgement[]) => {
    const byDoc = [...new Set(xs.map((j) => j.doc))].map((doc) => xs.filter((j) => j.doc === doc));
    const macro = byDoc.reduce((s, d) => s + d.filter(now).length / d.length, 0) / Math.max(1, byDoc.length);
    const found = xs.filter(now).length;
    console.log(`${label.padEnd(22)} ${found}/${xs.length} = ${(found / Math.max(1, xs.length)).toFixed(3)} (macro ${macro.toFixed(3)} over ${byDoc.length} documents)`);
  };
  line("all", js);
  line("without debatable", js.filter((j) => !j.debatable));
  for (const role of ["lead", "coordinate", "execute"] as const) line(`  ${role}`, js.filter((j) => j.role === role && !j.debatable));
}
