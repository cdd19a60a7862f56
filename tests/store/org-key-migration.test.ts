/**
 * A body's name key (store/keys.ts orgFolded) spells abbreviations out since SQLite schema 8 and
 * PostgreSQL schema 6: a store written before is refilled from its stored names, so that a filter by a
 * name as written ("Ủy ban nhân dân phường Bến Nghé" for a record written "UBND phường Bến Nghé") finds
 * in it what it finds in a store written after.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { SQLITE_FILE } from "../../store/open.js";
import { openPgStore } from "../../store/pg/open.js";
import type { Store } from "../../store/types.js";
import { pgAdminUrl, testDatabasePerTest } from "../helpers/pg.js";
import { makeDraft, open, saveWithVectors, tempDir } from "./helpers.js";

const ward = makeDraft({
  path: "/c/ward.txt", number: "12/KH-UBND", date: "2025-03-01",
  items: [{ label: "1", text: "UBND phường Bến Nghé rà soát danh sách người có công.", tasks: [
    { org: "UBND phường Bến Nghé", role: "execute", quote: "UBND phường Bến Nghé rà soát danh sách người có công." },
  ] }],
});

/** What the filter finds by the name spelled out; an old store's key ("ubnd phuong ben nghe") finds nothing. */
const bySpelledName = async (store: Store) => (await store.findAssignments({ orgText: "Ủy ban nhân dân phường Bến Nghé" })).map((t) => t.org);

/** The key as the schema before wrote it: the names folded, abbreviations as written. */
const OLD_KEY = "ubnd phuong ben nghe | ubnd phuong ben nghe";

describe("a body's name key refilled from the stored names", () => {
  it("SQLite: schema 7 to 8", async () => {
    const dir = tempDir();
    let store = await open(dir);
    await saveWithVectors(store, ward);
    expect(await bySpelledName(store)).toEqual(["UBND phường Bến Nghé"]);
    await store.close();
    const db = new Database(join(dir, SQLITE_FILE));
    db.prepare("UPDATE assignments SET org_folded = ?").run(OLD_KEY);
    db.pragma("user_version = 7");
    db.close();
    store = await open(dir);
    try {
      expect(await bySpelledName(store)).toEqual(["UBND phường Bến Nghé"]);
    } finally {
      await store.close();
    }
  });

  const createDatabase = testDatabasePerTest();

  it.skipIf(!pgAdminUrl())("PostgreSQL: schema 5 to 6", async () => {
    const db = await createDatabase();
    let store = await openPgStore({ url: db.url, vectors: "array" });
    await saveWithVectors(store, ward);
    expect(await bySpelledName(store)).toEqual(["UBND phường Bến Nghé"]);
    await store.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query("UPDATE assignments SET org_folded = $1", [OLD_KEY]);
      await client.query("DELETE FROM schema_migrations WHERE version >= 6");
    } finally {
      await client.end();
    }
    store = await openPgStore({ url: db.url, vectors: "array" });
    try {
      expect(await bySpelledName(store)).toEqual(["UBND phường Bến Nghé"]);
    } finally {
      await store.close();
    }
  });
});
