/**
 * Retrieval quality on someone else's questions (CongBot: 780 Vietnamese questions with gold chunk ids),
 * for the answerer's citations, the raw hybrid ranking, BM25 alone and vectors alone, all in the same run;
 * then the dev-set score line of ../shared/eval/score.mjs through the real CLI.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openBenchApp } from "../lib/app.js";
import { PROJECT } from "../lib/child.js";
import { prepareCongbot, rankedIds, readStatements, type Congbot } from "../lib/congbot.js";
import { rng } from "../lib/corpus.js";
import { deadline, importPiece, sharedPath, Skip, workDir, type BenchContext, type Section, type SectionBody } from "../lib/context.js";
import type { Table } from "../lib/report.js";
import { firstHit, fmt, rankScores, type RankScores } from "../lib/stats.js";
import { plainBm25 } from "../lib/bm25.js";
import { materialise, SETS } from "../lib/question-sets.js";
import { readJsonl } from "../lib/questions.js";

const DEPTH = 40;
/** Seconds of questions in the default run (all 752 need about 3 minutes at the time of writing). */
const BUDGET_S = 110;
const MIN_QUESTIONS = 100;

/** A fixed shuffle, so that whatever prefix the time box allows is an unbiased sample. */
function shuffled<T>(xs: readonly T[], seed = 1): T[] {
  const out = [...xs];
  const r = rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
type Method = "ask (citations)" | "hybrid retrieve()" | "BM25 only (FTS5, the question's query)" | "plain BM25 baseline, as written" | "plain BM25 baseline, folded" | "vectors only";
const METHODS: Method[] = ["ask (citations)", "hybrid retrieve()", "BM25 only (FTS5, the question's query)", "plain BM25 baseline, as written", "plain BM25 baseline, folded", "vectors only"];

/** Statements to check, written from CongBot questions' gold passages, split before any answer was read. */
const STATEMENTS = join(PROJECT, "bench", "questions", "congbot-statements.jsonl");

interface StatementRow { set: string; ask: RankScores; nothing: number; retrieve: RankScores; plain: RankScores; n: number }

async function congbotScores(ctx: BenchContext, cb: Congbot): Promise<{ scores: Map<Method, RankScores>; found: number; asked: number; ingestS: number; statements: StatementRow[] }> {
  const { retrieve } = await importPiece<typeof import("../../qa/retrieve.js")>("../../qa/retrieve.js", "qa/retrieve.ts");
  const { understandQuestion } = await importPiece<typeof import("../../qa/understand.js")>("../../qa/understand.js", "qa/understand.ts");
  const { isEmptyQuery, questionQuery } = await importPiece<typeof import("../../qa/lexical.js")>("../../qa/lexical.js", "qa/lexical.ts");
  const app = await openBenchApp(workDir(ctx, "stores", "congbot"));
  try {
    const t0 = performance.now();
    const summary = await app.ingest([cb.dir]);
    const ingestS = (performance.now() - t0) / 1000;
    if (summary.counts.failed > 0) ctx.log(`congbot: ${summary.counts.failed} files failed to ingest`);
    const questions = shuffled(cb.questions);
    // The baseline reads the same chunks the store holds (ids 1..n: one fresh store).
    const { chunks: n } = await app.store.stats();
    const all = await app.store.getChunks(Array.from({ length: n }, (_, i) => i + 1));
    const plain = { raw: plainBm25(all, "raw"), folded: plainBm25(all, "folded") };
    const end = deadline(ctx, ctx.quick ? BUDGET_S / 5 : BUDGET_S);
    ctx.log(`congbot: up to ${questions.length} questions x 4 methods`);
    const ranks = new Map<Method, Array<number | undefined>>(METHODS.map((m) => [m, []]));
    let found = 0;
    const names = async (ids: number[]) => {
      const chunks = await app.store.getChunks(ids);
      const byId = new Map(chunks.map((c) => [c.id, c.docName]));
      return ids.map((id) => byId.get(id)).filter((n): n is string => n !== undefined);
    };
    // Where one question's gold passage ranks: the answer's citations, retrieve(), plain BM25 over the question as written.
    const rank = (docNames: Iterable<string>, gold: ReadonlySet<string>) => firstHit(rankedIds(docNames, cb.idOf), gold);
    const rankOne = async (question: string, gold: ReadonlySet<string>) => {
      const answer = await app.answerer.ask(question, { llm: false });
      const u = understandQuestion(question, { registry: app.registry, now: app.now() });
      const hybrid = await retrieve(u, { store: app.store, embeddings: app.embeddings }, {});
      return {
        u, found: answer.found, ask: rank(answer.citations.map((c) => c.doc), gold), retrieve: rank(hybrid.map((r) => r.chunk.docName), gold),
        plain: async (form: "raw" | "folded") => rank(await names(plain[form].search(question, DEPTH).map((h) => h.id)), gold),
      };
    };
    let asked = 0;
    for (const q of questions) {
      if (asked >= MIN_QUESTIONS && performance.now() > end) break;
      asked++;
      const one = await rankOne(q.question, q.gold);
      if (one.found) found++;
      ranks.get("ask (citations)")!.push(one.ask);
      ranks.get("hybrid retrieve()")!.push(one.retrieve);
      const query = questionQuery(one.u);
      const lexical = isEmptyQuery(query) ? [] : await app.store.searchLexical(query, {}, DEPTH);
      ranks.get("BM25 only (FTS5, the question's query)")!.push(rank(await names(lexical.map((h) => h.chunkId)), q.gold));
      ranks.get("plain BM25 baseline, as written")!.push(await one.plain("raw"));
      ranks.get("plain BM25 baseline, folded")!.push(await one.plain("folded"));
      const text = one.u.terms.length > 0 ? one.u.terms.join(" ") : one.u.question;
      const vector = await app.store.searchVector(Float32Array.from(await app.embeddings.embedQuery(text)), {}, DEPTH);
      ranks.get("vectors only")!.push(rank(await names(vector.map((h) => h.chunkId)), q.gold));
    }
    // Statements (all of them: 120 questions, a few seconds), and the questions they were written from.
    const statements: StatementRow[] = [];
    const stated = readStatements(STATEMENTS, cb);
    for (const split of ["tuning", "test"] as const) {
      for (const form of ["statement", "original question"] as const) {
        const rows = stated.filter((s) => s.split === split && (form === "statement" || s.original !== undefined));
        const r = { ask: [] as Array<number | undefined>, retrieve: [] as Array<number | undefined>, plain: [] as Array<number | undefined>, nothing: 0 };
        for (const s of rows) {
          const one = await rankOne(form === "statement" ? s.question : s.original!, s.gold);
          if (!one.found) r.nothing++;
          r.ask.push(one.ask);
          r.retrieve.push(one.retrieve);
          r.plain.push(await one.plain("raw"));
        }
        statements.push({ set: `${split}, ${form}`, ask: rankScores(r.ask), nothing: r.nothing, retrieve: rankScores(r.retrieve), plain: rankScores(r.plain), n: rows.length });
      }
    }
    return { scores: new Map(METHODS.map((m) => [m, rankScores(ranks.get(m)!)])), found, asked, ingestS, statements };
  } finally {
    await app.close();
  }
}

/**
 * Questions about another corpus's documents, written as ones that nothing should answer (the scorer's
 * `none`): topics outside the store's corpus, asked the way its users ask. Returns the file's path.
 */
function offTopicFile(ctx: BenchContext, name: string, questions: string[]): string {
  const to = join(workDir(ctx, "questions"), `${name}.jsonl`);
  writeFileSync(to, questions.map((q, i) => JSON.stringify({ id: `${name}-${i}`, q, none: true })).join("\n") + "\n");
  return to;
}

/**
 * Ingests `corpora` with the real CLI into one store, then runs the scorer on each question file through
 * `ask --jsonl`; returns each file's score line.
 */
function scoreSets(ctx: BenchContext, store: string, corpora: string[], files: string[], scorer: string): { lines: string[]; seconds: number } {
  const tsx = join(PROJECT, "node_modules", ".bin", "tsx");
  const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATA_DIR: workDir(ctx, "stores", store), LOG_LEVEL: "silent" };
  const t0 = performance.now();
  const ingest = spawnSync(tsx, [join(PROJECT, "cli", "main.ts"), "ingest", ...corpora], { cwd: PROJECT, env, encoding: "utf8", timeout: 600_000 });
  if (ingest.status !== 0) throw new Error(`CLI ingest failed: ${ingest.stderr.trim().slice(-300)}`);
  const lines = files.map((questions) => {
    const run = spawnSync(process.execPath, [scorer, "--questions", questions, ...corpora.flatMap((c) => ["--corpus", c]), "--", tsx, join(PROJECT, "cli", "main.ts"), "ask", "--jsonl"], { cwd: PROJECT, env, encoding: "utf8", timeout: 600_000 });
    const line = `${run.stdout}\n${run.stderr}`.split("\n").find((l) => /^score:/.test(l.trim()));
    if (!line) throw new Error(`score.mjs printed no score line (exit ${run.status}): ${run.stderr.trim().slice(-300)}`);
    return line.trim();
  });
  return { lines, seconds: (performance.now() - t0) / 1000 };
}

export const qualitySection: Section = {
  name: "Retrieval quality",
  key: "quality",
  async run(ctx: BenchContext): Promise<SectionBody> {
    const congbotDir = sharedPath(ctx, "ext", "congbot");
    const dev = sharedPath(ctx, "eval", "dev.jsonl");
    const corpus = sharedPath(ctx, "corpus");
    const scorer = sharedPath(ctx, "eval", "score.mjs");
    if (!congbotDir && !(dev && corpus && scorer)) throw new Skip("../shared/ext/congbot and ../shared/eval are absent");
    await (await openBenchApp(workDir(ctx, "probe-quality"))).close();
    const tables: Table[] = [];
    const notes: string[] = [];

    const cb = congbotDir ? prepareCongbot(congbotDir, workDir(ctx, "congbot-corpus")) : undefined;
    if (cb) {
      const { scores, found, asked, ingestS, statements } = await congbotScores(ctx, cb);
      tables.push({
        title: `CongBot: ${asked} questions over ${cb.chunks} chunks of ${cb.docs} documents (one .txt per chunk)`,
        header: ["method", "Hit@1", "Hit@5", "Hit@10", "MRR@10"],
        rows: METHODS.map((m) => {
          const s = scores.get(m)!;
          return [m, fmt(s.hit1, 3), fmt(s.hit5, 3), fmt(s.hit10, 3), fmt(s.mrr10, 3)];
        }),
      });
      tables.push({
        title: "CongBot statements to check (\"..., đúng hay sai?\", \"Có đúng là ... không?\", \"True or false: ...\"; bench/questions/congbot-statements.jsonl), MRR@10",
        header: ["set", "questions", "ask", "ask: nothing found", "hybrid retrieve()", "plain BM25, as written"],
        rows: statements.map((r) => [r.set, String(r.n), fmt(r.ask.mrr10, 3), String(r.nothing), fmt(r.retrieve.mrr10, 3), fmt(r.plain.mrr10, 3)]),
      });
      notes.push(
        "Statements: 120 written by a helper who had not read the answering code, from CongBot questions drawn at random (seed 1818) with their gold passages: half true, half false (one detail changed), 12 in English, 10 without diacritics; split into halves before any answer was read. The original-question rows ask the same passages as CongBot wrote the questions.",
        `CongBot: ${cb.questions.length + cb.skipped} questions, ${cb.skipped} skipped because none of their gold chunk ids is in corpus_chunks.jsonl; ${asked === cb.questions.length ? `all ${asked} others asked` : `${asked} of the other ${cb.questions.length} asked (a fixed random sample: the default run time-boxes this part; BENCH_FULL=1 asks all)`}. A hit = a gold chunk id among the first k distinct documents ranked. Ingest of the ${cb.chunks} chunks took ${fmt(ingestS, 1)} s.`,
        `ask: \`answerer.ask(q, { llm: false })\` as \`ask --jsonl\` calls it, ranked by its citations (it cites at most 3 passages for non-assignment questions and says "nothing found" below the evidence threshold of qa/policy.ts, so Hit@5/10 are capped by design); it answered ${found}/${asked} (${fmt((100 * found) / asked, 1)}%) as found.`,
        `hybrid retrieve(): qa/retrieve.ts over understandQuestion(q), before the answerer's cut. BM25 only: the store's FTS5 BM25 over \`questionQuery(u)\` (qa/lexical.ts: syllables and pairs, each pair one indexed term). Plain BM25 baseline: bench/lib/bm25.ts over every syllable and pair of the whole question, in memory, nothing dropped. Vectors only: \`store.searchVector(embedQuery(terms))\` with the local hashed embedder. Depth ${DEPTH} chunks, deduplicated to documents.`,
      );
    } else notes.push("CongBot part skipped: ../shared/ext/congbot is absent.");

    if (dev && corpus && scorer) {
      ctx.log("quality: dev-set score through the CLI");
      const { lines, seconds } = scoreSets(ctx, "dev", [corpus], [dev], scorer);
      tables.push({ title: "Dev set (../shared/eval/dev.jsonl through score.mjs and `cli/main.ts ask --jsonl`)", header: ["score line"], rows: [[lines[0]!]] });
      notes.push(`Dev score: store of ../shared/corpus ingested with the CLI; ingest and scoring took ${fmt(seconds, 1)} s.`);
      const ext = [sharedPath(ctx, "ext", "directives"), sharedPath(ctx, "ext", "news")];
      if (ext.every((d) => d !== undefined)) {
        ctx.log("quality: dev, tuning and test sets on the 426-document store");
        const shared = join(corpus, "..");
        const files = [dev, ...SETS.map((name) => {
          const to = join(workDir(ctx, "questions"), `${name}.jsonl`);
          materialise(name, shared, to);
          return to;
        })];
        // Off-topic: CongBot's questions asked of the 426 documents, and the project's own asked of CongBot's
        // passages (its store from congbotScores, whose files the CLI finds unchanged).
        const offTopic = cb ? offTopicFile(ctx, "congbot-off-topic", cb.questions.map((q) => q.question)) : undefined;
        const scored = scoreSets(ctx, "sets-426", [corpus, ...(ext as string[])], offTopic ? [...files, offTopic] : files, scorer);
        const rows = [["dev (../shared/eval)", scored.lines[0]!], ...SETS.map((name, i) => [`${name} half (bench/questions)`, scored.lines[i + 1]!])];
        notes.push(`Question sets: the tuning half is what ranking and the floor were chosen on; the test half is not looked at while tuning. Ingest and scoring took ${fmt(scored.seconds, 1)} s.`);
        if (cb) {
          const own = files.slice(1).flatMap((f) => readJsonl<{ q: string }>(f).map((q) => q.q));
          const reverse = scoreSets(ctx, "congbot", [cb.dir], [offTopicFile(ctx, "sets-off-topic", own)], scorer);
          rows.push(["CongBot's questions (off-topic: the 426 documents answer none)", scored.lines[files.length]!],
            ["tuning + test questions (off-topic: CongBot's passages answer none)", reverse.lines[0]!]);
          notes.push("Off-topic rows: every question of one corpus asked of a store of the other, where none should be found (negatives = answered \"nothing found\"): topics outside the corpus, asked as their users ask. A few may find a true answer (both corpora touch social policy).");
        }
        tables.push({ title: "Question sets on the 426-document store (sample + ext/directives + ext/news) through `ask --jsonl`", header: ["set", "score line"], rows });
      }
    } else notes.push("Dev score skipped: ../shared/eval or ../shared/corpus is absent.");
    return { tables, notes, goals: [] };
  },
};
