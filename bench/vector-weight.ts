/**
 * What the vector list is worth in ranking, for the embedder a store was built with: for each weight
 * (VECTOR_WEIGHT), the tuning and test halves of bench/questions through the answerer (recall, precision,
 * negatives, scored by ../shared/eval/score.mjs as `ask --jsonl` would be) and, given a CongBot store,
 * MRR@10 through retrieve() and through the answerer's citations, with the share answered "nothing found".
 *
 *   npx tsx bench/vector-weight.ts STORE_426 [STORE_CONGBOT] [--weights 0,0.25,0.5,1] [--limit N]
 *
 * STORE_426 holds ../shared/corpus + ext/directives + ext/news, STORE_CONGBOT the CongBot passages (one file
 * each, as bench/lib/congbot.ts writes them). Each store is opened with the environment's embedder settings
 * (EMBEDDER, EMBEDDING_*), which must be the ones it was (re)indexed with: with a model server, run
 * `reindex` on both stores with the model, then this. `--limit N` asks only the first N CongBot questions
 * (a remote model embeds every question once per weight). Weights are chosen on the tuning half and
 * CongBot; the test half is the check, as everywhere in this project (README, Evaluation).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApp } from "../app/open.js";
import type { App } from "../app/types.js";
import { toJson } from "../cli/commands/ask.js";
import { loadConfig } from "../core/config.js";
import { POLICY } from "../qa/policy.js";
import { retrieve } from "../qa/retrieve.js";
import { understandQuestion } from "../qa/understand.js";
import { prepareCongbot, rankedIds, type Congbot } from "./lib/congbot.js";
import { materialise, SETS, type SetName } from "./lib/question-sets.js";
import { readJsonl } from "./lib/questions.js";
import { firstHit, rankScores } from "./lib/stats.js";

const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));
const CORPORA = [join(SHARED, "corpus"), join(SHARED, "ext", "directives"), join(SHARED, "ext", "news")];

interface SetScore { recall: number; precision: number; negatives: number; of: number }
interface CongbotScore { retrieve: number; ask: number; nothing: number; n: number }
interface Row { weight: number; sets: Record<SetName, SetScore>; congbot?: CongbotScore }

/** The app on `dataDir` with the environment's embedder and this weight, as the CLI would open it. */
function open(dataDir: string, weight: number): Promise<App> {
  return openApp(loadConfig({ ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent", VECTOR_WEIGHT: String(weight) }));
}

/** Answers every question as `ask --jsonl` prints them, then score.mjs's line read into numbers. */
async function scoreSet(app: App, questions: string, work: string): Promise<SetScore> {
  const lines: string[] = [];
  for (const q of readJsonl<{ q: string }>(questions)) lines.push(JSON.stringify(toJson(await app.answerer.ask(q.q, { llm: false }))));
  const answers = join(work, "answers.jsonl");
  writeFileSync(answers, lines.join("\n") + "\n");
  const run = spawnSync(process.execPath, [join(SHARED, "eval", "score.mjs"), "--questions", questions, ...CORPORA.flatMap((c) => ["--corpus", c]), "--", "cat", answers], { encoding: "utf8" });
  const m = /score: recall=([\d.]+) precision=([\d.]+) negatives=(\d+)\/(\d+)/.exec(run.stdout);
  if (!m) throw new Error(`score.mjs printed no score line (exit ${run.status}): ${run.stderr.trim().slice(-300)}`);
  return { recall: Number(m[1]), precision: Number(m[2]), negatives: Number(m[3]), of: Number(m[4]) };
}

/** MRR@10 of retrieve() with this weight and of the answerer's citations (the app was opened with it). */
async function scoreCongbot(app: App, cb: Congbot, weight: number, limit: number): Promise<CongbotScore> {
  const ranking = { ...POLICY.ranking, vectorWeight: weight };
  const viaRetrieve: Array<number | undefined> = [];
  const viaAsk: Array<number | undefined> = [];
  let nothing = 0;
  for (const q of cb.questions.slice(0, limit)) {
    const u = understandQuestion(q.question, { registry: app.registry, now: app.now() });
    const ranked = await retrieve(u, app, {}, ranking);
    viaRetrieve.push(firstHit(rankedIds(ranked.map((r) => r.chunk.docName), cb.idOf), q.gold));
    const answer = await app.answerer.ask(q.question, { llm: false });
    if (!answer.found) nothing++;
    viaAsk.push(firstHit(rankedIds(answer.citations.map((c) => c.doc), cb.idOf), q.gold));
  }
  return { retrieve: rankScores(viaRetrieve).mrr10, ask: rankScores(viaAsk).mrr10, nothing: nothing / viaAsk.length, n: viaAsk.length };
}

function parseArgs(argv: string[]): { store426: string; storeCongbot?: string; weights: number[]; limit: number } {
  const stores: string[] = [];
  let weights = [0, 0.25, 0.5, 1];
  let limit = Infinity;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--weights") weights = argv[++i]!.split(",").map(Number);
    else if (argv[i] === "--limit") limit = Number(argv[++i]);
    else stores.push(argv[i]!);
  }
  if (stores.length < 1 || stores.length > 2 || weights.some((w) => !(w >= 0)) || !(limit > 0)) {
    throw new Error("usage: vector-weight.ts STORE_426 [STORE_CONGBOT] [--weights 0,0.25,0.5,1] [--limit N]");
  }
  // Weight 0 is the reference every other weight is compared with.
  if (!weights.includes(0)) weights = [0, ...weights];
  return { store426: stores[0]!, storeCongbot: stores[1], weights, limit };
}

/** The figures a weight is chosen on (tuning half, CongBot), each higher is better. */
function chosenOn(r: Row): number[] {
  const t = r.sets.tuning;
  return [t.recall, t.precision, t.negatives, ...(r.congbot ? [r.congbot.retrieve, r.congbot.ask, -r.congbot.nothing] : [])];
}

async function main(): Promise<void> {
  const { store426, storeCongbot, weights, limit } = parseArgs(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), "vector-weight-"));
  const files = Object.fromEntries(SETS.map((s) => {
    const to = join(work, `${s}.jsonl`);
    materialise(s, SHARED, to);
    return [s, to];
  })) as Record<SetName, string>;
  const cb = storeCongbot ? prepareCongbot(join(SHARED, "ext", "congbot"), join(work, "congbot")) : undefined;
  const rows: Row[] = [];
  for (const weight of weights) {
    const app = await open(store426, weight);
    const sets = {} as Record<SetName, SetScore>;
    try {
      for (const s of SETS) sets[s] = await scoreSet(app, files[s], work);
    } finally {
      await app.close();
    }
    let congbot: CongbotScore | undefined;
    if (cb && storeCongbot) {
      const cbApp = await open(storeCongbot, weight);
      try {
        congbot = await scoreCongbot(cbApp, cb, weight, limit);
      } finally {
        await cbApp.close();
      }
    }
    rows.push({ weight, sets, congbot });
    process.stderr.write(`weight ${weight} done\n`);
  }

  const embedder = loadConfig({ ...process.env }).embeddings;
  console.log(`embedder: ${embedder.kind === "local" ? `local hashed (${embedder.dimensions} dimensions)` : `openai-compatible ${embedder.model} at ${embedder.baseUrl ?? "api.openai.com"}`}`);
  const f = (x: number) => x.toFixed(3);
  const set = (s: SetScore) => `${f(s.recall)} / ${f(s.precision)} / ${s.negatives}/${s.of}`;
  console.log(`| weight | tuning recall / precision / negatives | test recall / precision / negatives |${cb ? ` CongBot retrieve() MRR@10 | CongBot ask MRR@10 | nothing found |` : ""}`);
  console.log(`| --- | --- | --- |${cb ? " --- | --- | --- |" : ""}`);
  for (const r of rows) {
    const c = r.congbot ? ` ${f(r.congbot.retrieve)} | ${f(r.congbot.ask)} | ${(100 * r.congbot.nothing).toFixed(1)} % |` : "";
    console.log(`| ${r.weight} | ${set(r.sets.tuning)} | ${set(r.sets.test)} |${c}`);
  }
  if (rows[0]?.congbot) console.log(`(CongBot: ${rows[0].congbot.n} questions)`);

  // A weight is kept only if it lowers none of the figures it is chosen on; among those, the one that
  // raises them most (summed), else 0. The test half is reported beside it, not chosen on.
  const base = chosenOn(rows[0]!);
  const gain = (r: Row) => chosenOn(r).reduce((sum, x, i) => sum + (x - base[i]!), 0);
  const safe = rows.filter((r) => r.weight > 0 && chosenOn(r).every((x, i) => x >= base[i]!) && gain(r) > 0);
  const best = safe.sort((a, b) => gain(b) - gain(a))[0];
  if (!best) {
    console.log("No weight above 0 raises the tuning half or CongBot without lowering one of them: keep VECTOR_WEIGHT=0.");
    return;
  }
  const t0 = rows[0]!.sets.test, t = best.sets.test;
  const lowersTest = t.recall < t0.recall || t.precision < t0.precision || t.negatives < t0.negatives;
  console.log(`Suggested: VECTOR_WEIGHT=${best.weight} (lowers no figure of the tuning half or CongBot).` +
    (lowersTest ? ` It lowers the test half (${set(t0)} -> ${set(t)}): the gain may not hold on new questions.` : " The test half is not lower either."));
}

await main();
