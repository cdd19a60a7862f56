/**
 * The migration that indexes neighbouring-syllable pairs as terms (SQLite schema 5, PostgreSQL schema 4):
 * a store written before it is refilled from its stored chunk text and then searches exactly as a store
 * written after it.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { fold } from "../../core/text.js";
import { SQLITE_FILE } from "../../store/open.js";
import { openPgStore } from "../../store/pg/open.js";
import type { Store } from "../../store/types.js";
import { pgAdminUrl, testDatabasePerTest } from "../helpers/pg.js";
import { lexical, makeDraft, open, saveWithVectors, tempDir } from "./helpers.js";

const draft = makeDraft({
  path: "/c/tc.txt", items: [
    { label: "1", text: "Chế độ trợ cấp cho người có công và thân nhân liệt sĩ." },
    { label: "2", text: "Cấp ủy hỗ trợ người dân; trợ cấp một lần." },
  ],
});
const queries = [
  lexical("raw", "trợ cấp", "người có", "cấp"), lexical("folded", "tro cap", "than nhan", "lan"),
  lexical("folded", "ho tro nguoi dan"),
];

async function searches(store: Store) {
  return Promise.all(queries.map((q) => store.searchLexical(q, {}, 10)));
}

describe("pairs indexed as terms: migrating a store written before", () => {
  it("SQLite: rebuilds the full-text table from the chunk text (schema 4 to 5)", async () => {
    const dir = tempDir();
    let store = await open(dir);
    await saveWithVectors(store, draft);
    const fresh = await searches(store);
    expect(fresh[0]!.length).toBe(2);
    await store.close();
    // Back to schema 4's two-column table, filled as schema 4 filled it (and without schema 6's index).
    const db = new Database(join(dir, SQLITE_FILE));
    db.exec(`DROP INDEX sections_doc;
      DROP TABLE chunks_fts;
      CREATE VIRTUAL TABLE chunks_fts USING fts5(raw, folded, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');`);
    const insert = db.prepare("INSERT INTO chunks_fts (rowid, raw, folded) VALUES (?, ?, ?)");
    for (const r of db.prepare("SELECT id, text FROM chunks").all() as Array<{ id: number; text: string }>) insert.run(r.id, r.text, fold(r.text));
    db.pragma("user_version = 4");
    db.close();
    store = await open(dir);
    expect(await searches(store)).toEqual(fresh);
    // The delete trigger still keeps the rebuilt index: a removed document leaves no hit.
    const [doc] = await store.listDocuments();
    await store.removeDocument(doc!.id);
    expect(await searches(store)).toEqual([[], [], []]);
    await store.close();
  });

  const createDatabase = testDatabasePerTest();

  it.skipIf(!pgAdminUrl())("PostgreSQL: fills the pair tsvectors and their vocabulary from the chunk text (schema 3 to 4)", async () => {
    const db = await createDatabase();
    let store = await openPgStore({ url: db.url, vectors: "array" });
    await saveWithVectors(store, draft);
    const fresh = await searches(store);
    expect(fresh[0]!.length).toBe(2);
    const df = await store.termFrequencies("folded", ["tro", "cap"]);
    await store.close();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(`ALTER TABLE chunks DROP COLUMN raw_pairs_tsv, DROP COLUMN folded_pairs_tsv;
        DELETE FROM chunk_vocab WHERE col IN ('p', 'q'); DELETE FROM schema_migrations WHERE version >= 4`);
    } finally {
      await client.end();
    }
    store = await openPgStore({ url: db.url, vectors: "array" });
    try {
      expect(await searches(store)).toEqual(fresh);
      expect(await store.termFrequencies("folded", ["tro", "cap"])).toEqual(df);
      // The vocabulary trigger counts pairs again: a second copy doubles their counts, not the scores' order.
      await saveWithVectors(store, { ...draft, path: "/c/tc2.txt" });
      const [raw] = await searches(store);
      expect(raw).toHaveLength(4);
      const [doc] = await store.listDocuments();
      await store.removeDocument(doc!.id);
      expect(await searches(store)).toEqual(fresh.map((hits) => hits.map((h) => ({ ...h, chunkId: expect.any(Number) }))));
    } finally {
      await store.close();
    }
  });
});
