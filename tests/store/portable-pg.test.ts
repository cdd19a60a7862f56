/**
 * Moving up: a SQLite deployment copied into PostgreSQL with `nhiemvu migrate --from-sqlite`, then back
 * out through a dump file. Skips without a PostgreSQL test server (tests/setup/postgres.ts).
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openApp } from "../../app/open.js";
import type { App } from "../../app/types.js";
import { loadConfig } from "../../core/config.js";
import { writeDumpFile } from "../../store/dump-file.js";
import { ImportClock, readStore } from "../../store/portable.js";
import { SAMPLE_CORPUS, removeDir, tempDir } from "../helpers/app.js";
import { cliInProcess } from "../helpers/cli.js";
import { QUESTIONS, answers, closeVectors, importInto } from "../helpers/portable.js";
import { createTestDatabase, pgAdminUrl, type TestDatabase } from "../helpers/pg.js";

describe.skipIf(!pgAdminUrl())("SQLite -> PostgreSQL", () => {
  let dir: string;
  let db: TestDatabase;
  let sqlite: App;
  let pg: App;
  let slot: { id: number; delivered: string };

  beforeAll(async () => {
    dir = tempDir();
    db = await createTestDatabase();
    sqlite = await openApp(loadConfig({ DATA_DIR: join(dir, "a"), LOG_LEVEL: "silent" }));
    expect((await sqlite.ingest([SAMPLE_CORPUS])).counts.new).toBe(5);
    await sqlite.store.grant({ id: 42, kind: "user", label: "Chị Lan" });
    const sub = await sqlite.store.addSubscription({ chatId: 42, orgIds: [], cadence: "weekly", weekday: 1, time: "07:30", lookaheadDays: 14, sendEmpty: true });
    await sqlite.store.claimDelivery(sub.id, "2026-03-02T07:30");
    await sqlite.store.markDelivered(sub.id, "2026-03-02T07:30", "sent");
    await sqlite.store.addFeedback({ userId: 42, chatId: 42, question: QUESTIONS[0]!, answer: "…", vote: -1 });
    slot = { id: sub.id, delivered: "2026-03-02T07:30" };
    await sqlite.store.flush();

    const run = await cliInProcess(["migrate", "--from-sqlite", join(dir, "a"), "--json"], { DATABASE_URL: db.url });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ documents: 5, new: 5, reembedded: 0, subscriptions: 1, access: 1, deliveries: 1, feedback: 1 });
    pg = await openApp(loadConfig({ DATABASE_URL: db.url, LOG_LEVEL: "silent" }));
  }, 300_000);
  afterAll(async () => {
    await pg?.close();
    await sqlite?.close();
    await db?.drop();
    removeDir(dir);
  });

  it("holds the same documents, counts, answers and bot rows", async () => {
    expect(await pg.store.stats()).toEqual(await sqlite.store.stats());
    const byPath = new Map((await pg.store.listDocuments()).map((d) => [d.path, d.id]));
    for (const d of await sqlite.store.listDocuments()) {
      const a = (await sqlite.store.exportDocument(d.id))!;
      const b = (await pg.store.exportDocument(byPath.get(d.path)!))!;
      expect(b.draft).toEqual(a.draft);
      expect(b.ingestedAt).toBe(a.ingestedAt);
      expect(closeVectors(b.vectors, a.vectors)).toBe(true);
    }
    const before = await answers(sqlite);
    expect((before[0] as { citations: unknown[] }).citations.length).toBeGreaterThan(0);
    expect(await answers(pg)).toEqual(before);
    expect(await pg.store.exportBotState()).toEqual(await sqlite.store.exportBotState());
    expect(await pg.store.claimDelivery(slot.id, slot.delivered)).toBe(false);
    expect(await pg.store.lastSlot(slot.id)).toBe(slot.delivered);
  });

  it("comes back out through a dump file into SQLite unchanged", async () => {
    const file = join(dir, "pg.jsonl.gz");
    await writeDumpFile(readStore(pg.store), file);
    const clock = new ImportClock();
    const back = await openApp(loadConfig({ DATA_DIR: join(dir, "b"), LOG_LEVEL: "silent" }), { now: clock.now });
    try {
      const counts = await importInto(back, file, clock);
      expect(counts).toMatchObject({ documents: 5, new: 5, reembedded: 0 });
      expect(await back.store.stats()).toEqual(await sqlite.store.stats());
      expect(await answers(back)).toEqual(await answers(sqlite));
      expect(await back.store.exportBotState()).toEqual(await sqlite.store.exportBotState());
    } finally {
      await back.close();
    }
  });
});
