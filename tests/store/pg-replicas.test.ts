/**
 * Several processes on one PostgreSQL database: vectors written by one are searched by another (NOTIFY
 * refresh, also after the listening connection was cut), replicas starting together migrate once, an
 * advisory lock turns a second holder away and dies with its holder's connection, a delivery is claimed once.
 */
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { openPgStore } from "../../store/pg/open.js";
import { SCHEMA_VERSION } from "../../store/pg/schema.js";
import type { Store } from "../../store/types.js";
import { createTestDatabase, pgAdminUrl, type TestDatabase } from "../helpers/pg.js";
import { makeDraft, queryVector, saveWithVectors } from "./helpers.js";

const databases: TestDatabase[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  for (const d of databases.splice(0)) await d.drop();
});

async function database(): Promise<string> {
  const db = await createTestDatabase();
  databases.push(db);
  return db.url;
}

async function open(url: string): Promise<Store> {
  const store = await openPgStore({ url, vectors: "array" });
  stores.push(store);
  return store;
}

async function sql<R = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as R[];
  } finally {
    await c.end();
  }
}

/** Polls `probe` until it returns true or the deadline passes (no assertion on speed). */
async function eventually(probe: () => Promise<boolean>, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const doc = (path: string, text: string) => makeDraft({ path, items: [{ label: "1", text }, { label: "2", text: "Văn hoá, thể thao và du lịch." }] });

describe.skipIf(!pgAdminUrl())("PostgreSQL store shared by several processes", () => {
  it("finds, in one process, vectors another one saved, and forgets those it removed", async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    const q = await queryVector("chuyển đổi số quốc gia");
    expect(await b.searchVector(q, {}, 5)).toEqual([]);
    const { id } = await saveWithVectors(a, doc("/c/a.txt", "Bộ Khoa học và Công nghệ chủ trì chuyển đổi số quốc gia."));
    const chunkIds = (await a.searchVector(q, {}, 5)).map((h) => h.chunkId);
    expect(chunkIds).toHaveLength(2);
    expect(await eventually(async () => (await b.searchVector(q, {}, 5)).length === 2)).toBe(true);
    expect((await b.searchVector(q, {}, 1))[0]!.chunkId).toBe(chunkIds[0]);
    // Saving the same path again replaces the chunks: the old ids leave b's index, the new ones enter it.
    await saveWithVectors(a, doc("/c/a.txt", "Bộ Khoa học và Công nghệ chủ trì chuyển đổi số quốc gia, năm 2026."));
    expect(await eventually(async () => {
      const hits = (await b.searchVector(q, {}, 5)).map((h) => h.chunkId);
      return hits.length === 2 && hits.every((h) => !chunkIds.includes(h));
    })).toBe(true);
    await a.removeDocument(id);
    expect(await a.searchVector(q, {}, 5)).toEqual([]);
    expect(await eventually(async () => (await b.searchVector(q, {}, 5)).length === 0)).toBe(true);
  });

  it("follows a reindex (vectors cleared) and keeps following after its LISTEN connection was cut", async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    const q = await queryVector("kinh tế tư nhân");
    await saveWithVectors(a, doc("/c/a.txt", "Ban Kinh tế Trung ương nghiên cứu kinh tế tư nhân."));
    expect(await eventually(async () => (await b.searchVector(q, {}, 5)).length === 2)).toBe(true);
    await a.clearVectors();
    expect(await eventually(async () => (await b.searchVector(q, {}, 5)).length === 0)).toBe(true);
    // Cut every LISTEN connection; each process reconnects and reloads what it may have missed.
    const cut = await sql<{ ok: boolean }>(url, `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
      WHERE datname = current_database() AND query ILIKE 'LISTEN%'`);
    expect(cut.length).toBe(2);
    await saveWithVectors(a, doc("/c/b.txt", "Kinh tế tư nhân là động lực quan trọng."));
    expect(await eventually(async () => (await b.searchVector(q, {}, 5)).length === 2)).toBe(true);
    expect(await eventually(async () => (await sql(url, `SELECT 1 FROM pg_stat_activity
      WHERE datname = current_database() AND query ILIKE 'LISTEN%'`)).length === 2)).toBe(true);
  });

  it("migrates once when several replicas start together", async () => {
    const url = await database();
    const opened = await Promise.all([1, 2, 3, 4].map(() => open(url)));
    expect(opened).toHaveLength(4);
    const rows = await sql<{ version: number }>(url, "SELECT version FROM schema_migrations ORDER BY version");
    expect(rows.map((r) => r.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
  });

  it("turns a second lock holder away, and frees the lock when the holder's connection dies", async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    let release!: () => void;
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const held = a.withLock("digest", () => new Promise<string>((r) => {
      release = () => r("a");
      entered();
    }));
    await inside;
    expect(await b.withLock("digest", async () => "b")).toEqual({ ran: false });
    expect(await b.withLock("ingest", async () => "other")).toEqual({ ran: true, value: "other" });
    // The holder's process is gone as far as the server can tell: its session ends, the lock with it.
    const killed = await sql(url, `SELECT pg_terminate_backend(pid) FROM pg_locks
      WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`);
    expect(killed).toHaveLength(1);
    expect(await eventually(async () => (await b.withLock("digest", async () => "b")).ran)).toBe(true);
    release();
    expect(await held).toEqual({ ran: true, value: "a" }); // the work finished; its unlock had nothing left to do
    expect(await a.withLock("digest", async () => "again")).toEqual({ ran: true, value: "again" });
  });

  it("lets exactly one of many concurrent claimers deliver a slot", async () => {
    const url = await database();
    const [a, b] = [await open(url), await open(url)];
    const sub = await a.addSubscription({ chatId: -1001234567890123, orgIds: [], cadence: "daily", time: "07:30", lookaheadDays: 7, sendEmpty: false });
    const claims = await Promise.all([a, b, a, b, a, b, a, b].map((s) => s.claimDelivery(sub.id, "2026-06-01T07:30")));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await b.listSubscriptions(-1001234567890123))[0]!.chatId).toBe(-1001234567890123);
    expect(await a.markUpdateHandled(9_007_199_254_740)).toBe(true);
    expect(await b.markUpdateHandled(9_007_199_254_740)).toBe(false);
  });
});
