/**
 * PostgreSQL-specific behaviour of the store's search and open: Vietnamese folding in full text, the
 * FTS5 MATCH subset translated to tsquery, ranking, export round trip, and the plain connection error.
 * The shared behaviour is in the contract suite (pg.contract.test.ts).
 */
import { readdirSync, readFileSync } from "node:fs";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { StoreError } from "../../core/errors.js";
import { fold, nfc, tokens } from "../../core/text.js";
import { openPgStore } from "../../store/pg/open.js";
import type { Store } from "../../store/types.js";
import { createTestDatabase, pgAdminUrl, type TestDatabase } from "../helpers/pg.js";
import { lexical, makeDraft, open as openSqlite, saveWithVectors, tempDir, vectorsFor } from "./helpers.js";

const databases: TestDatabase[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  for (const d of databases.splice(0)) await d.drop();
});

async function fresh(): Promise<Store> {
  const db = await createTestDatabase();
  databases.push(db);
  const store = await openPgStore({ url: db.url, vectors: "array" });
  stores.push(store);
  return store;
}

const texts = async (store: Store, hits: Array<{ chunkId: number }>) =>
  (await store.getChunks(hits.map((h) => h.chunkId))).map((c) => c.text);

describe.skipIf(!pgAdminUrl())("PostgreSQL full text", () => {
  it("finds 'Đảng uỷ' from a question typed without diacritics, and 229-KL/TW by its parts", async () => {
    const store = await fresh();
    await saveWithVectors(store, makeDraft({
      path: "/c/kl.txt", number: "229-KL/TW", items: [
        { label: "1", text: "Đảng uỷ Chính phủ lãnh đạo thực hiện Kết luận số 229-KL/TW." },
        { label: "2", text: "Ủy ban nhân dân các tỉnh dừng việc cấp phép." },
      ],
    }));
    // The caller folds the question ("dang uy") for the folded column; đ -> d as fold() does.
    const folded = await store.searchLexical(lexical("folded", fold("đảng uỷ")), {}, 10);
    expect(await texts(store, folded)).toEqual(["Đảng uỷ Chính phủ lãnh đạo thực hiện Kết luận số 229-KL/TW."]);
    expect(await store.searchLexical(lexical("folded", "dang uy"), {}, 10)).toEqual(folded);
    // "229-kl/tw" is three tokens in a row, as FTS5 splits it; every chunk's head names its document's
    // number, and the chunk that also writes it ranks first.
    const byNumber = await store.searchLexical(lexical("folded", "229-kl/tw"), {}, 10);
    expect(await texts(store, byNumber)).toEqual(["Đảng uỷ Chính phủ lãnh đạo thực hiện Kết luận số 229-KL/TW.", "Ủy ban nhân dân các tỉnh dừng việc cấp phép."]);
    expect(await store.searchLexical(lexical("folded", "kl 229"), {}, 10)).toEqual([]);
    // The raw column keeps diacritics: the folded words do not match it, the written ones do.
    expect(await store.searchLexical(lexical("raw", "dang uy"), {}, 10)).toEqual([]);
    expect(await texts(store, await store.searchLexical(lexical("raw", "đảng uỷ"), {}, 10))).toHaveLength(1);
    const df = await store.termFrequencies("folded", ["dang", "uy", "229-kl/tw", "khong"]);
    expect(df.chunks).toBe(2);
    // "uy" is in "uỷ" and "Ủy"; a term of several tokens has no frequency (as in FTS5's vocabulary).
    expect(Object.fromEntries(df.df)).toEqual({ dang: 1, uy: 2 });
    // The counts follow replacements and removals.
    const other = await saveWithVectors(store, makeDraft({ path: "/c/b.txt", items: [{ label: "1", text: "Đảng uỷ tỉnh." }] }));
    expect(Object.fromEntries((await store.termFrequencies("folded", ["dang", "tinh"])).df)).toEqual({ dang: 2, tinh: 2 });
    await store.removeDocument(other.id);
    const after = await store.termFrequencies("folded", ["dang", "tinh"]);
    expect([after.chunks, Object.fromEntries(after.df)]).toEqual([2, { dang: 1, tinh: 1 }]);
  });

  it("folds with PostgreSQL's unaccent configuration exactly as core/text.ts folds, on every word of the sample corpus", async () => {
    await fresh(); // migrates: creates nhiemvu_folded
    const words = new Set<string>(["đ", "Đ", "uỷ", "ủy", "Ưu", "ễ", "ờ", "ặ", "ỵ", "Ỹ"]);
    const dir = new URL("../../sample-corpus/", import.meta.url);
    for (const f of readdirSync(dir)) for (const t of tokens(nfc(readFileSync(new URL(f, dir), "utf8")).toLowerCase())) words.add(t);
    const client = new pg.Client({ connectionString: databases[0]!.url });
    await client.connect();
    try {
      const r = await client.query<{ w: string; f: string }>(
        "SELECT w, array_to_string(tsvector_to_array(to_tsvector('nhiemvu_folded', lower(w))), ' ') AS f FROM unnest($1::text[]) w",
        [[...words]]);
      const differ = r.rows.filter((row) => row.f !== tokens(fold(row.w)).join(" "));
      expect(r.rows.length).toBeGreaterThan(500);
      expect(differ).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it("ranks a chunk holding the phrase above chunks holding its words apart", async () => {
    const store = await fresh();
    await saveWithVectors(store, makeDraft({
      path: "/c/rank.txt", items: [
        { label: "1", text: "Tổ chức hội nghị về kinh tế số, báo cáo kết quả." },
        { label: "2", text: "Bộ Tài chính chủ trì về chuyển đổi số quốc gia." },
        { label: "3", text: "Chuyển giao công nghệ và thí điểm một số mô hình." },
        { label: "4", text: "Văn hoá và thể thao." },
      ],
    }));
    const hits = await store.searchLexical(lexical("folded", "chuyen doi so", "chuyen", "so"), {}, 10);
    const found = await texts(store, hits);
    expect(found[0]).toBe("Bộ Tài chính chủ trì về chuyển đổi số quốc gia.");
    expect(found).toHaveLength(3);
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
  });

  it("scores like SQLite's FTS5 BM25: same order, same scores", async () => {
    const drafts = [
      makeDraft({ path: "/c/a.txt", items: [
        { label: "1", text: "Ban Kinh tế Trung ương nghiên cứu chính sách phát triển kinh tế tư nhân." },
        { label: "2", text: "Tổ chức Đảng các cấp tăng cường công tác kiểm tra, giám sát." },
      ] }),
      makeDraft({ path: "/c/b.txt", items: [
        { label: "1", text: "Kinh tế số và kinh tế xanh là động lực tăng trưởng của nền kinh tế." },
        { label: "2", text: "Ủy ban nhân dân các tỉnh tổ chức thực hiện chuyển đổi số, phát triển kinh tế." },
        { label: "3", text: "Văn hoá, thể thao và du lịch." },
      ] }),
    ];
    const pgStore = await fresh();
    const sqlite = await openSqlite(tempDir());
    for (const d of drafts) {
      await saveWithVectors(pgStore, d);
      await saveWithVectors(sqlite, d);
    }
    const queries = [
      lexical("folded", "kinh", "te", "tang"), lexical("raw", "kinh tế", "tư nhân"), lexical("folded", "phat trien"),
      lexical("raw", "kinh", "tế", "phát", "triển", "kinh tế", "phát triển", "triển kinh"),
    ];
    for (const query of queries) {
      const want = await sqlite.searchLexical(query, {}, 10);
      const got = await pgStore.searchLexical(query, {}, 10);
      expect(await texts(pgStore, got), JSON.stringify(query)).toEqual(await texts(sqlite, want));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 4));
    }
  });

  it("returns nothing for an empty expression or one without tokens, filters by kind", async () => {
    const store = await fresh();
    await saveWithVectors(store, makeDraft({ path: "/c/a.txt", kind: "thong_bao", items: [{ label: "1", text: "Kinh tế tư nhân." }] }));
    expect(await store.searchLexical(lexical("folded"), {}, 10)).toEqual([]);
    expect(await store.searchLexical(lexical("folded", "—"), {}, 10)).toEqual([]);
    expect(await store.searchLexical(lexical("folded", "kinh"), { kinds: ["ket_luan"] }, 10)).toEqual([]);
    expect(await store.searchLexical(lexical("folded", "kinh"), { kinds: ["thong_bao"] }, 10)).toHaveLength(1);
  });
});

describe.skipIf(!pgAdminUrl())("PostgreSQL store: export and open", () => {
  it("exports a document as exactly the draft it was saved from, vectors included", async () => {
    const store = await fresh();
    const draft = makeDraft({
      path: "/c/kl.txt", number: "229-KL/TW", date: "2025-06-10", items: [
        { label: "1", text: "Giao Ban Tổ chức Trung ương:" },
        { label: "1 (a)", text: "Ban Tổ chức Trung ương chủ trì hướng dẫn trong quý II/2026.", tasks: [{
          org: "Ban Tổ chức Trung ương", orgId: "ban-to-chuc-tw", quote: "Ban Tổ chức Trung ương chủ trì hướng dẫn",
          coordinators: ["Văn phòng Trung ương Đảng"],
          deadline: { text: "trong quý II/2026", kind: "range", start: "2026-04-01", due: "2026-06-30" },
          period: { text: "quý II/2026", kind: "range", start: "2026-04-01", end: "2026-06-30", label: "Q2/2026" },
        }] },
        { label: "2", text: "Các tỉnh uỷ thực hiện thường xuyên.", tasks: [{ org: "tỉnh uỷ", quote: "Các tỉnh uỷ thực hiện" }] },
      ],
    });
    const vectors = await vectorsFor(draft);
    const { id } = await store.saveDocument(draft, vectors);
    const out = await store.exportDocument(id);
    expect(out!.draft).toStrictEqual(draft);
    expect(out!.vectors).toEqual(vectors);
    expect(out!.ingestedAt).toBe((await store.getDocument(id))!.ingestedAt);
    expect(await store.exportDocument(id + 1)).toBeUndefined();
  });

  it("says plainly, without the password, that the server cannot be reached", async () => {
    const err = await openPgStore({ url: "postgres://nv:s3cr3t-pw@127.0.0.1:1/nhiemvu" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe("open_failed");
    expect((err as StoreError).message).toMatch(/^Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/nhiemvu: \S/);
    expect((err as StoreError).message).not.toContain("s3cr3t-pw");
    expect((err as StoreError).message).toContain("ECONNREFUSED");
  });

  it("refuses a database written by a newer version", async () => {
    const store = await fresh();
    const url = databases[0]!.url;
    const pg = (await import("pg")).default;
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("INSERT INTO schema_migrations (version) VALUES (999)");
    await c.end();
    await store.close();
    const err = await openPgStore({ url }).catch((e: unknown) => e);
    expect((err as StoreError).code).toBe("schema_too_new");
  });
});
