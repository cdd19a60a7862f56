/**
 * A chunk's head (store/lexical.ts chunkHead: its document's number, issuer and title, its heading path)
 * searched beside its text with its own weight (SQLite schema 7, PostgreSQL schema 5): an item found by
 * the plan it belongs to, and a store written before refilled from its stored chunks and documents so
 * that it then searches exactly as a store written after.
 */
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { SQLITE_FILE } from "../../store/open.js";
import { columnTokens } from "../../store/lexical.js";
import { pairsTsvectors, tsvectorLiteral } from "../../store/pg/fts.js";
import { openPgStore } from "../../store/pg/open.js";
import { textColumns } from "../../store/sqlite/documents.js";
import type { LexicalQuery, Store } from "../../store/types.js";
import { pgAdminUrl, testDatabasePerTest } from "../helpers/pg.js";
import { lexical, makeDraft, open, saveWithVectors, tempDir } from "./helpers.js";

const plans = [
  makeDraft({ path: "/c/ct.txt", number: "141/KH-UBND", title: "Kế hoạch thi đua chi trả trợ cấp của thành phố Cần Thơ", items: [
    { label: "1", text: "Đợt 2 diễn ra từ ngày 1/6 đến ngày 30/6." },
    { label: "2", text: "Các xã báo cáo kết quả trước ngày 5/7." },
  ] }),
  makeDraft({ path: "/c/dl.txt", number: "88/KH-UBND", title: "Kế hoạch chuyển đổi số của tỉnh Đắk Lắk", items: [
    { label: "1", text: "Đợt 2 diễn ra trong tháng 9." },
  ] }),
];
const withHead = (q: LexicalQuery, headWeight: number): LexicalQuery => ({ ...q, headWeight });
const queries = [
  withHead(lexical("folded", "dot", "2", "dot 2", "can", "tho", "can tho"), 3), withHead(lexical("raw", "đợt 2", "đắk lắk"), 1),
  lexical("folded", "141 kh ubnd"), lexical("raw", "báo cáo"),
];

async function searches(store: Store) {
  return Promise.all(queries.map((q) => store.searchLexical(q, {}, 10)));
}

async function docNames(store: Store, hits: Array<{ chunkId: number }>) {
  return (await store.getChunks(hits.map((h) => h.chunkId))).map((c) => `${c.docName} ${c.sectionLabel}`);
}

async function seeded(store: Store) {
  for (const d of plans) await saveWithVectors(store, d);
  return searches(store);
}

describe("a chunk's head searched beside its text", () => {
  it("finds an item by the plan it belongs to, the head weighing as the query asks", async () => {
    const store = await open(tempDir());
    const [canTho, dakLak, number] = await seeded(store);
    // Both items say "Đợt 2"; only the Cần Thơ plan's head names Cần Thơ.
    expect((await docNames(store, canTho!))[0]).toBe("ct.txt 1");
    expect((await docNames(store, dakLak!))[0]).toBe("dl.txt 1");
    expect(await docNames(store, number!)).toEqual(expect.arrayContaining(["ct.txt 1", "ct.txt 2"]));
    expect(await docNames(store, number!)).toHaveLength(2);
    // The head's weight is the query's: weighed more, a head match gains more.
    const weighed = (w: number) => store.searchLexical(withHead(lexical("folded", "can tho"), w), {}, 10);
    expect((await weighed(3))[0]!.score).toBeGreaterThan((await weighed(1))[0]!.score);
  });

  it("SQLite: rebuilds the full-text table with the heads from the stored chunks (schema 6 to 7)", async () => {
    const dir = tempDir();
    let store = await open(dir);
    const fresh = await seeded(store);
    await store.close();
    // Back to schema 6's table: text columns only, filled as schema 6 filled them.
    const db = new Database(join(dir, SQLITE_FILE));
    db.exec(`DROP TABLE chunks_fts;
      CREATE VIRTUAL TABLE chunks_fts USING fts5(raw, folded, raw_pairs, folded_pairs, content='', contentless_delete=1,
        tokenize="unicode61 remove_diacritics 0 tokenchars '_'");`);
    const insert = db.prepare("INSERT INTO chunks_fts (rowid, raw, folded, raw_pairs, folded_pairs) VALUES (?, ?, ?, ?, ?)");
    for (const r of db.prepare("SELECT id, text FROM chunks").all() as Array<{ id: number; text: string }>) insert.run(r.id, ...textColumns(r.text));
    db.pragma("user_version = 6");
    db.close();
    store = await open(dir);
    expect(await searches(store)).toEqual(fresh);
    const [doc] = await store.listDocuments();
    await store.removeDocument(doc!.id);
    expect((await searches(store)).flat().length).toBeLessThan(fresh.flat().length);
    await store.close();
  });

  const createDatabase = testDatabasePerTest();

  it.skipIf(!pgAdminUrl())("PostgreSQL: refills the tsvectors, lengths and vocabulary with the heads (schema 4 to 5)", async () => {
    const db = await createDatabase();
    let store = await openPgStore({ url: db.url, vectors: "array" });
    const fresh = await seeded(store);
    const df = await store.termFrequencies("folded", ["dot", "can", "tho", "ke"]);
    await store.close();
    // Back to schema 4's rows: tsvectors of the text alone, n_tokens its token count, the vocabulary of the text.
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const rows = (await client.query<{ id: number; text: string }>("SELECT id, text FROM chunks")).rows;
      for (const r of rows) {
        const raw = columnTokens("raw", r.text);
        const pairs = pairsTsvectors(r.text);
        await client.query(`UPDATE chunks SET n_tokens = $2, raw_tsv = $3::tsvector, folded_tsv = to_tsvector('nhiemvu_folded', $4),
          raw_pairs_tsv = $5::tsvector, folded_pairs_tsv = $6::tsvector WHERE id = $1`,
        [r.id, raw.length, tsvectorLiteral(raw), raw.join(" "), pairs.raw, pairs.folded]);
      }
      await client.query(`DELETE FROM chunk_vocab;
        INSERT INTO chunk_vocab (col, term, df) SELECT t.col, t.term, sum(t.n) FROM (
          SELECT 'r' AS col, unnest(tsvector_to_array(raw_tsv)) AS term, 1 AS n FROM chunks
          UNION ALL SELECT 'f', unnest(tsvector_to_array(folded_tsv)), 1 FROM chunks
          UNION ALL SELECT 'p', unnest(tsvector_to_array(raw_pairs_tsv)), 1 FROM chunks
          UNION ALL SELECT 'q', unnest(tsvector_to_array(folded_pairs_tsv)), 1 FROM chunks
          UNION ALL SELECT '#', '', 1 FROM chunks
          UNION ALL SELECT '#', 'tokens', n_tokens FROM chunks) t GROUP BY t.col, t.term;
        DELETE FROM schema_migrations WHERE version >= 5`);
    } finally {
      await client.end();
    }
    store = await openPgStore({ url: db.url, vectors: "array" });
    try {
      const migrated = await searches(store);
      expect(migrated.map((hits) => hits.map((h) => h.chunkId))).toEqual(fresh.map((hits) => hits.map((h) => h.chunkId)));
      migrated.forEach((hits, i) => hits.forEach((h, j) => expect(h.score).toBeCloseTo(fresh[i]![j]!.score, 6)));
      expect(await store.termFrequencies("folded", ["dot", "can", "tho", "ke"])).toEqual(df);
      // The trigger counts what is written after: a second copy and its removal leave the same ranking.
      await saveWithVectors(store, { ...plans[0]!, path: "/c/ct2.txt", name: "ct2.txt" });
      const [copy] = (await store.listDocuments()).filter((d) => d.name === "ct2.txt");
      await store.removeDocument(copy!.id);
      expect((await searches(store)).map((hits) => hits.map((h) => h.chunkId))).toEqual(fresh.map((hits) => hits.map((h) => h.chunkId)));
    } finally {
      await store.close();
    }
  });
});
