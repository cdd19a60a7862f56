import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT, SHARED, removeDir, tempDir } from "../helpers/app.js";
import { CLI, cliInProcess } from "../helpers/cli.js";

const SCORER = join(SHARED, "eval", "score.mjs");
/** `ask --jsonl` the way users start it (the compiled CLI). */
const CLI_COMMAND = [process.execPath, ...CLI];
/**
 * Measured 2026-12-08 on the 296 questions (0.793 / 0.698 / 60 of 87 since the twentieth session's units the
 * registry lacks, spelled-out items and English read as English despite a Vietnamese name with diacritics, which
 * lost a near-miss negative refused by chance; 0.779 / 0.680 / 60 when the nineteenth session added 44 fresh ones, which
 * read 0.688 / 0.593 / 3 of 10 on their own; README, "Evaluation"): recall and precision set a little under,
 * negatives at it.
 */
const TUNING_BARS = { recall: 0.78, precision: 0.69, negatives: 60 };

describe.skipIf(!existsSync(SCORER))("the shared dev questions (../shared/eval)", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const run = await cliInProcess(["ingest", join(SHARED, "corpus"), "--json"], { DATA_DIR: join(dir, "data") });
    expect(run.code, run.stderr).toBe(0);
  });
  afterAll(() => removeDir(dir));

  it("meets the bars: recall ≥ 0.9, precision ≥ 0.6, negatives not found, every quote verbatim", () => {
    const run = spawnSync(process.execPath, [
      SCORER, "--questions", join(SHARED, "eval", "dev.jsonl"), "--corpus", join(SHARED, "corpus"),
      "--min-recall", "0.9", "--min-precision", "0.6", "--",
      join(PROJECT, "node_modules", ".bin", "tsx"), join(PROJECT, "cli", "main.ts"), "ask", "--jsonl",
    ], { cwd: PROJECT, encoding: "utf8", env: { PATH: process.env.PATH ?? "", DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" } });
    const score = run.stdout.trim().split("\n").at(-1) ?? "";
    console.log(score);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(score).toMatch(/PASS$/);
  });
});

/**
 * The tuning half of bench/questions (written from ../shared by people who had not read the answering
 * code) on the 426 documents they were written from: a guard against regressions, with bars a little
 * under the figures measured when ranking and the floor were chosen (README). The test half is scored
 * by `npm run bench` only, never tuned on.
 */
const EXT = [join(SHARED, "corpus"), join(SHARED, "ext", "directives"), join(SHARED, "ext", "news")];
describe.skipIf(!existsSync(SCORER) || !EXT.every((d) => existsSync(d)))("the tuning half of bench/questions", () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    const run = await cliInProcess(["ingest", ...EXT, "--json"], { DATA_DIR: join(dir, "data") });
    expect(run.code, run.stderr).toBe(0);
  }, 600_000);
  afterAll(() => removeDir(dir));

  it("keeps recall, precision and the unanswerable questions at the level measured", async () => {
    const { materialise } = await import("../../bench/lib/question-sets.js");
    const questions = join(dir, "tuning.jsonl");
    materialise("tuning", SHARED, questions);
    const run = spawnSync(process.execPath, [
      SCORER, "--questions", questions, ...EXT.flatMap((c) => ["--corpus", c]),
      "--min-recall", String(TUNING_BARS.recall), "--min-precision", String(TUNING_BARS.precision), "--", ...CLI_COMMAND, "ask", "--jsonl",
    ], { cwd: PROJECT, encoding: "utf8", timeout: 600_000, env: { PATH: process.env.PATH ?? "", DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent" } });
    const score = run.stdout.trim().split("\n").at(-1) ?? "";
    console.log(`tuning half: ${score}`);
    expect(score, run.stderr).toMatch(/^score:/);
    expect(Number(/recall=([\d.]+)/.exec(score)![1])).toBeGreaterThanOrEqual(TUNING_BARS.recall);
    expect(Number(/precision=([\d.]+)/.exec(score)![1])).toBeGreaterThanOrEqual(TUNING_BARS.precision);
    const [, right, of] = /negatives=(\d+)\/(\d+)/.exec(score)!;
    expect(Number(right)).toBeGreaterThanOrEqual(TUNING_BARS.negatives);
    expect(Number(of)).toBeGreaterThan(30);
  }, 600_000);
});
