import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT, SHARED, removeDir, tempDir } from "../helpers/app.js";
import { cli } from "../helpers/cli.js";

const SCORER = join(SHARED, "eval", "score.mjs");

describe.skipIf(!existsSync(SCORER))("the shared dev questions (../shared/eval)", () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
    const run = cli(["ingest", join(SHARED, "corpus"), "--json"], { DATA_DIR: join(dir, "data") });
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
