/** `nhiemvu export`, `import` and `migrate` with a user's arguments, on the sample corpus (in this process: cliInProcess). */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp } from "../../app/open.js";
import { loadConfig } from "../../core/config.js";
import { SAMPLE_CORPUS, removeDir, tempDir } from "../helpers/app.js";
import { cliInProcess } from "../helpers/cli.js";

const QUESTIONS = [
  "Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?",
  "Bộ Quốc phòng được giao nhiệm vụ gì?",
];

describe("nhiemvu export / import / migrate", () => {
  let dir: string;
  const env = (name: string) => ({ DATA_DIR: join(dir, name) });
  const ask = (name: string) => cliInProcess(["ask", "--jsonl"], env(name), `${QUESTIONS.join("\n")}\n`);
  let answersA: string;
  /** Documents and counts of a store, read through the app. */
  const snapshot = async (name: string) => {
    const app = await openApp(loadConfig({ ...env(name), LOG_LEVEL: "silent" }));
    try {
      return { stats: await app.store.stats(), docs: await app.store.listDocuments(), bot: await app.store.exportBotState() };
    } finally {
      await app.close();
    }
  };

  beforeAll(async () => {
    dir = tempDir();
    const app = await openApp(loadConfig({ DATA_DIR: join(dir, "a"), LOG_LEVEL: "silent" }));
    try {
      expect((await app.ingest([SAMPLE_CORPUS])).counts.new).toBe(5);
      await app.store.grant({ id: 42, kind: "user" });
      const sub = await app.store.addSubscription({ chatId: 42, orgIds: [], cadence: "daily", time: "07:30", lookaheadDays: 14, sendEmpty: false });
      await app.store.claimDelivery(sub.id, "2026-03-02T07:30");
    } finally {
      await app.close();
    }
  });
  afterAll(() => removeDir(dir));

  it("exports, imports into an empty store and answers the same there", async () => {
    const file = join(dir, "a.jsonl.gz");
    const exp = await cliInProcess(["export", file, "--json"], env("a"));
    expect(exp.code, exp.stderr).toBe(0);
    const out = JSON.parse(exp.stdout);
    expect(out).toMatchObject({ documents: 5, subscriptions: 1, access: 1, deliveries: 1, feedback: 0 });
    expect(out.vectors).toBe(out.chunks);

    const imp = await cliInProcess(["import", file], env("b"));
    expect(imp.code, imp.stderr).toBe(0);
    expect(imp.stdout).toMatch(new RegExp(`documents 5, chunks ${out.chunks}, vectors ${out.chunks}, subscriptions 1, access entries 1, deliveries 1, feedback 0`));
    expect(imp.stdout).toMatch(/new 5, updated 0, unchanged 0, chunks re-embedded 0/);

    const [before, after] = [await ask("a"), await ask("b")];
    expect(before.code, before.stderr).toBe(0);
    expect(JSON.parse(before.stdout.split("\n")[0]!).citations.length).toBeGreaterThan(0);
    expect(after.stdout).toBe(before.stdout);
    answersA = before.stdout;
  }, 300_000);

  it("refuses a cut-short dump, says where, and leaves the store as it was", async () => {
    const file = join(dir, "a.jsonl.gz");
    const cut = join(dir, "cut.jsonl.gz");
    const whole = readFileSync(file);
    writeFileSync(cut, whole.subarray(0, whole.length - 20));
    const before = await snapshot("b");
    const run = await cliInProcess(["import", cut], env("b"));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*cut\.jsonl\.gz is cut short .*after line \d+\. \[dump_truncated\]/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(await snapshot("b")).toEqual(before);

    const notDump = await cliInProcess(["import", join(SAMPLE_CORPUS, "000_bc2115a807619c08.txt")], env("b"));
    expect(notDump.code).toBe(1);
    expect(notDump.stderr).toMatch(/is not an nhiemvu dump .*\[not_a_dump\]/);
  }, 300_000);

  it("copies a SQLite store directly with migrate --from-sqlite, and reports the schema without it", async () => {
    const run = await cliInProcess(["migrate", "--from-sqlite", join(dir, "a"), "--json"], env("c"));
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ documents: 5, new: 5, subscriptions: 1, access: 1, deliveries: 1 });
    expect((await ask("c")).stdout).toBe(answersA);

    const state = await cliInProcess(["migrate"], env("c"));
    expect(state.code, state.stderr).toBe(0);
    expect(state.stdout).toMatch(/^SQLite .*: schema version \d+ \(up to date\)\ndocuments: 5\n/);

    const same = await cliInProcess(["migrate", "--from-sqlite", join(dir, "c")], env("c"));
    expect(same.stderr).toMatch(/is the configured store itself.*\[same_store\]/);
    const none = await cliInProcess(["migrate", "--from-sqlite", join(dir, "nowhere")], env("c"));
    expect(none.stderr).toMatch(/There is no nhiemvu store in .*nowhere.*\[no_source\]/);
  }, 300_000);
});
