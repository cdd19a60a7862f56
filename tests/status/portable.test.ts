/**
 * Export, import and migrate carry statuses, their history and reporters: a dump file written from one
 * store and read into another (SQLite), and a store-to-store copy into PostgreSQL when a server is there.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openApp } from "../../app/open.js";
import type { App } from "../../app/types.js";
import { loadConfig } from "../../core/config.js";
import { identityOf, taskKey } from "../../core/status.js";
import { writeDumpFile } from "../../store/dump-file.js";
import { readStore } from "../../store/portable.js";
import { removeDir, SAMPLE_CORPUS, tempDir } from "../helpers/app.js";
import { createTestDatabase, pgAdminUrl, type TestDatabase } from "../helpers/pg.js";
import { importInto } from "../helpers/portable.js";

const dirs: string[] = [];
const dbs: TestDatabase[] = [];
afterAll(async () => {
  dirs.forEach(removeDir);
  for (const d of dbs) await d.drop();
});

async function open(env: Record<string, string>): Promise<App> {
  const dir = tempDir("nhiemvu-status-portable-");
  dirs.push(dir);
  return openApp(loadConfig({ DATA_DIR: join(dir, "data"), LOG_LEVEL: "silent", ...env }), { now: () => new Date("2026-06-10T03:00:00Z") });
}

/** A source store with the sample corpus, one task done with a note, one in progress, a reporter. */
async function source(): Promise<{ app: App; key: string; file: string }> {
  const app = await open({});
  await app.ingest([SAMPLE_CORPUS]);
  const [a, b] = (await app.store.findAssignments({ orgIds: ["ban-to-chuc-trung-uong"], roles: ["lead"] }));
  await app.store.setTaskStatus({ identity: identityOf(a!), to: "doing", by: "cli:lan" });
  await app.store.setTaskStatus({ identity: identityOf(a!), to: "done", by: "cli:lan", note: "xong", evidence: { file: "bb.pdf" } });
  await app.store.setTaskStatus({ identity: identityOf(b!), to: "doing", by: "telegram:5" });
  await app.store.addReporter({ orgKey: "ban-to-chuc-trung-uong", userId: 5, grantedBy: 100 });
  const file = join(dirs.at(-1)!, "dump.jsonl.gz");
  await writeDumpFile(readStore(app.store), file);
  return { app, key: taskKey(identityOf(a!)), file };
}

describe("statuses move with the store", () => {
  it("through a dump file", async () => {
    const { app, key, file } = await source();
    const target = await open({});
    try {
      await importInto(target, file);
      expect((await target.store.getTaskStatuses()).size).toBe(2);
      expect((await target.store.getTaskStatuses([key])).get(key)).toMatchObject({ state: "done", note: "xong", evidence: { file: "bb.pdf" } });
      expect((await target.store.taskStatusHistory(key)).map((h) => h.to)).toEqual(["doing", "done"]);
      expect(await target.store.listReporters()).toEqual(await app.store.listReporters());
      // The imported documents' tasks find their statuses (same identity).
      const task = (await target.store.findAssignments({ orgIds: ["ban-to-chuc-trung-uong"], roles: ["lead"] }))[0]!;
      expect(taskKey(identityOf(task))).toBe(key);
    } finally {
      await app.close();
      await target.close();
    }
  }, 120_000);

  it.skipIf(!pgAdminUrl())("into PostgreSQL", async () => {
    const { app, key, file } = await source();
    const db = await createTestDatabase();
    dbs.push(db);
    const target = await open({ DATABASE_URL: db.url });
    try {
      await importInto(target, file);
      expect((await target.store.getTaskStatuses([key])).get(key)).toMatchObject({ state: "done", note: "xong" });
      expect((await target.store.exportBotState()).status).toEqual((await app.store.exportBotState()).status);
    } finally {
      await app.close();
      await target.close();
    }
  }, 120_000);
});
