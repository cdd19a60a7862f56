/**
 * How "nothing found" is calibrated (qa/policy.ts `answering.evidence`): for every question that goes to
 * passage retrieval, the best passage's coverage and share and the question's length; a logistic model
 * fitted on the tuning half of bench/questions and every other CongBot question (balanced classes), and the
 * trade-off on the part nobody fitted on: the test half and the other CongBot questions. Prints the fitted
 * weights, the threshold that leaves a given share of CongBot "nothing found", and what each threshold
 * refuses of the unanswerable questions and of the answerable ones.
 *
 *   npx tsx bench/calibrate-evidence.ts STORE_426 STORE_CONGBOT
 * where STORE_426 holds ../shared/corpus + ext/directives + ext/news and STORE_CONGBOT the CongBot passages
 * (one file each, as bench/lib/congbot.ts writes them), both ingested with `nhiemvu ingest`.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openApp } from "../app/open.js";
import type { App } from "../app/types.js";
import { loadConfig } from "../core/config.js";
import { inPeriod, namesBody } from "../qa/evidence.js";
import { POLICY } from "../qa/policy.js";
import { retrieve } from "../qa/retrieve.js";
import { resolveScope } from "../qa/scope.js";
import { understandQuestion } from "../qa/understand.js";
import { prepareCongbot } from "./lib/congbot.js";
import { materialise, SETS, type SetName } from "./lib/question-sets.js";
import { readJsonl } from "./lib/questions.js";

interface Sample { set: SetName | "congbot"; answerable: boolean; x: number[] }

const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));
const FEATURES = ["coverage", "share", "logWords"];
/** The length feature is fitted at a third of its size (near the others' 0..1 range), and its weight scaled back. */
const LENGTH_SCALE = 3;

/** The features of the best passage that passes the evidence checks, or undefined (none: nothing found anyway). */
async function features(app: App, question: string): Promise<number[] | undefined> {
  const u = understandQuestion(question, { registry: app.registry, now: app.now() });
  if (u.kind === "assigned" || u.folded.length === 0) return undefined;
  const scope = await resolveScope(u.docRefs, app.store);
  if (scope.docIds?.length === 0) return undefined;
  const top = (await retrieve(u, app, {})).find((r) => namesBody(r.chunk, u.orgs) && inPeriod(r.chunk, u.period));
  if (!top) return undefined;
  return [top.coverage, top.share, Math.log(1 + Math.max(u.folded.length, POLICY.answering.evidence.minWords)) / LENGTH_SCALE];
}

/** Logistic regression by gradient descent, classes weighed equally, a little L2 on the weights. */
function fit(samples: Sample[], steps = 3000, rate = 0.5, l2 = 0.01): number[] {
  const pos = samples.filter((s) => s.answerable).length;
  const neg = samples.length - pos;
  const w = new Array(FEATURES.length + 1).fill(0) as number[];
  for (let step = 0; step < steps; step++) {
    const grad = w.map(() => 0);
    for (const s of samples) {
      const err = predict(w, s.x) - (s.answerable ? 1 : 0);
      const weight = s.answerable ? 0.5 / pos : 0.5 / neg;
      grad[0]! += weight * err;
      s.x.forEach((v, j) => (grad[j + 1]! += weight * err * v));
    }
    w.forEach((_, j) => (w[j]! -= rate * (grad[j]! + (j > 0 ? l2 * w[j]! : 0))));
  }
  return w;
}

function predict(w: number[], x: number[]): number {
  const logit = w[0]! + x.reduce((sum, v, j) => sum + w[j + 1]! * v, 0);
  return 1 / (1 + Math.exp(-logit));
}

async function main(): Promise<void> {
  const [store426, storeCongbot] = process.argv.slice(2);
  if (!store426 || !storeCongbot) throw new Error("usage: calibrate-evidence.ts STORE_426 STORE_CONGBOT");
  const samples: Sample[] = [];
  const work = mkdtempSync(join(tmpdir(), "calibrate-"));
  let app = await openApp(loadConfig({ DATA_DIR: store426, LOG_LEVEL: "silent" }));
  for (const set of SETS) {
    const file = join(work, `${set}.jsonl`);
    materialise(set, SHARED, file);
    for (const q of readJsonl<{ q: string; none?: boolean }>(file)) {
      const x = await features(app, q.q);
      if (x) samples.push({ set, answerable: !q.none, x });
    }
  }
  await app.close();
  app = await openApp(loadConfig({ DATA_DIR: storeCongbot, LOG_LEVEL: "silent" }));
  const congbot = prepareCongbot(join(SHARED, "ext", "congbot"), join(work, "congbot"));
  const congbotSamples: Sample[] = [];
  for (const q of congbot.questions) {
    const x = await features(app, q.question);
    if (x) congbotSamples.push({ set: "congbot", answerable: true, x });
  }
  await app.close();

  const fitted = [...samples.filter((s) => s.set === "tuning"), ...congbotSamples.filter((_, i) => i % 2 === 0)];
  const heldOut = [...samples.filter((s) => s.set === "test"), ...congbotSamples.filter((_, i) => i % 2 === 1)];
  const w = fit(fitted);
  const scaled = FEATURES.map((f, j) => `${f} ${(w[j + 1]! / (f === "logWords" ? LENGTH_SCALE : 1)).toFixed(3)}`);
  console.log(`${fitted.length} questions fitted, ${heldOut.length} held out; weights: bias ${w[0]!.toFixed(3)}, ${scaled.join(", ")}`);
  console.log(`(policy.ts: bias ${POLICY.answering.evidence.bias}, coverage ${POLICY.answering.evidence.coverage}, share ${POLICY.answering.evidence.share}, logWords ${POLICY.answering.evidence.logWords})`);
  const sorted = fitted.filter((s) => s.set === "congbot").map((s) => predict(w, s.x)).sort((a, b) => a - b);
  for (const share of [0.03, 0.05, 0.075, 0.1, 0.15, 0.2]) {
    const threshold = sorted[Math.floor(share * sorted.length)]!;
    const refused = (xs: Sample[]) => xs.filter((s) => predict(w, s.x) < threshold).length;
    const line = (xs: Sample[]) => {
      const cb = xs.filter((s) => s.set === "congbot");
      const neg = xs.filter((s) => !s.answerable);
      const pos = xs.filter((s) => s.answerable && s.set !== "congbot");
      return `CongBot ${((100 * refused(cb)) / cb.length).toFixed(1)} % nothing found, unanswerable refused ${refused(neg)}/${neg.length}, answerable refused ${refused(pos)}/${pos.length}`;
    };
    console.log(`threshold ${threshold.toFixed(3)} (CongBot ${share * 100} % on the fitted half): fitted: ${line(fitted)} | held out: ${line(heldOut)}`);
  }
}

await main();
