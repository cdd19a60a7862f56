/**
 * The pgvector path of the PostgreSQL store, on PGlite with its vector extension (Debian's PostgreSQL
 * server has no pgvector). One PGlite instance per suite: it takes seconds to start.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StoreError } from "../../core/errors.js";
import { openPgStoreOn } from "../../store/pg/open.js";
import { createPgliteClient } from "../../store/pg/pglite-client.js";
import type { PgChunkVectors, SqlClient } from "../../store/pg/sql.js";
import { createPgvectorVectors } from "../../store/pg/vectors-pgvector.js";
import type { Store } from "../../store/types.js";
import { rng } from "../../bench/lib/corpus.js";
import { cosine, DIM as DIM_STORE, lexical, makeDraft, queryVector, saveWithVectors } from "./helpers.js";

const DIM = 32;
const N = 300;

function randomVectors(n: number, dim: number, seed: number): Float32Array[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Float32Array.from({ length: dim }, () => r() * 2 - 1));
}

/** The exact top k by cosine among `ids`. */
function bruteForce(query: Float32Array, ids: number[], byId: Map<number, Float32Array>, k: number): number[] {
  return ids
    .map((id) => ({ id, s: cosine(query, byId.get(id)!) }))
    .sort((a, b) => b.s - a.s)
    .slice(0, k)
    .map((h) => h.id);
}

describe("pgvector chunk vectors on PGlite", () => {
  let client: SqlClient;
  let vectors: PgChunkVectors;
  let ids: number[];
  const byId = new Map<number, Float32Array>();

  async function addChunks(n: number): Promise<number[]> {
    const r = await client.query<{ id: number }>("INSERT INTO chunks SELECT FROM generate_series(1, $1) RETURNING id", [n]);
    return r.rows.map((row) => Number(row.id));
  }

  beforeAll(async () => {
    client = await createPgliteClient();
    // The store's chunks table, reduced to what the vectors reference.
    await client.query("CREATE TABLE chunks (id BIGSERIAL PRIMARY KEY)");
  });
  afterAll(async () => {
    await client?.close();
  });

  /** 300 chunks with random vectors; rebuilt only after a test that changed them (HNSW inserts are slow in WebAssembly). */
  let dirty = true;
  beforeEach(async () => {
    if (!dirty) return;
    await client.query("DROP TABLE IF EXISTS chunk_embeddings");
    await client.query("TRUNCATE chunks RESTART IDENTITY");
    vectors = await createPgvectorVectors(client, DIM, { exactSearchLimit: 50 });
    ids = await addChunks(N);
    const vs = randomVectors(N, DIM, 7);
    byId.clear();
    ids.forEach((id, i) => byId.set(id, vs[i]!));
    await vectors.add(ids, vs);
    dirty = false;
  });

  it("finds the nearest neighbours a brute-force cosine finds (recall@10 >= 0.9), with cosine scores", async () => {
    const queries = randomVectors(25, DIM, 99);
    let found = 0;
    for (const q of queries) {
      const hits = await vectors.search(q, 10);
      expect(hits).toHaveLength(10);
      const truth = new Set(bruteForce(q, ids, byId, 10));
      found += hits.filter((h) => truth.has(h.chunkId)).length;
      for (const h of hits) expect(h.score).toBeCloseTo(cosine(q, byId.get(h.chunkId)!), 5);
      const scores = hits.map((h) => h.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    const recall = found / (queries.length * 10);
    console.log(`pgvector HNSW recall@10 on ${N} random ${DIM}-d vectors: ${recall.toFixed(3)}`);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it("keeps to the allowed chunks, exactly when few are allowed and through the index when many are", async () => {
    const q = randomVectors(1, DIM, 5)[0]!;
    const few = ids.filter((_, i) => i % 10 === 3); // 30 chunks: scored exactly
    const hitsFew = await vectors.search(q, 10, new Set(few));
    expect(hitsFew.map((h) => h.chunkId)).toEqual(bruteForce(q, few, byId, 10));

    const many = ids.filter((_, i) => i % 3 !== 0); // 200 chunks: HNSW with a filter
    const hitsMany = await vectors.search(q, 10, new Set(many));
    expect(hitsMany).toHaveLength(10);
    for (const h of hitsMany) expect(many).toContain(h.chunkId);
    const truth = new Set(bruteForce(q, many, byId, 10));
    expect(hitsMany.filter((h) => truth.has(h.chunkId)).length).toBeGreaterThanOrEqual(8);

    expect(await vectors.search(q, 10, new Set())).toEqual([]);
    expect(await vectors.search(q, 10, new Set([ids[0]!]))).toEqual([{ chunkId: ids[0]!, score: expect.any(Number) }]);
  });

  it("fills k from a sparse filter even when the HNSW index serves it (iterative scan)", async () => {
    const viaIndex = await createPgvectorVectors(client, undefined, { exactSearchLimit: 0 });
    const sparse = new Set(ids.filter((_, i) => i % 20 === 0)); // 15 of 300
    const q = randomVectors(1, DIM, 8)[0]!;
    // Make the planner walk the HNSW index (it would rather sort so few rows exactly).
    for (const off of ["enable_sort", "enable_seqscan", "enable_bitmapscan"]) await client.query(`SET ${off} = off`);
    try {
      const hits = await viaIndex.search(q, 15, sparse);
      expect(hits.map((h) => h.chunkId)).toEqual(bruteForce(q, [...sparse], byId, 15));
    } finally {
      await client.query("RESET ALL");
    }
  });

  it("gives back the vectors it stored, and lists the chunks that have none", async () => {
    dirty = true;
    const got = await vectors.get([ids[0]!, ids[1]!, 999_999]);
    expect([...got.keys()].sort((a, b) => a - b)).toEqual([ids[0]!, ids[1]!]);
    expect(got.get(ids[1]!)).toEqual(byId.get(ids[1]!));

    const fresh = await addChunks(3);
    expect(await vectors.missing()).toEqual(fresh);
    await vectors.add([fresh[1]!], randomVectors(1, DIM, 3));
    expect(await vectors.missing()).toEqual([fresh[0]!, fresh[2]!]);
    expect(await vectors.count()).toBe(N + 1);
  });

  it("replaces a chunk's vector when it is added again", async () => {
    dirty = true;
    const v = randomVectors(1, DIM, 11)[0]!;
    await vectors.add([ids[5]!], [v]);
    expect((await vectors.get([ids[5]!])).get(ids[5]!)).toEqual(v);
    expect(await vectors.count()).toBe(N);
    expect((await vectors.search(v, 1))[0]).toMatchObject({ chunkId: ids[5]! });
  });

  it("writes nothing when the caller's transaction rolls back", async () => {
    dirty = true;
    const fresh = await addChunks(2);
    await expect(
      client.transaction(async (tx) => {
        await vectors.add(fresh, randomVectors(2, DIM, 4), tx);
        throw new Error("ingest failed");
      }),
    ).rejects.toThrow("ingest failed");
    expect(await vectors.count()).toBe(N);
    expect(await vectors.missing()).toEqual(fresh);
  });

  it("refuses vectors and queries of another dimension", async () => {
    dirty = true;
    const [chunk] = await addChunks(1);
    await expect(vectors.add([chunk!], randomVectors(1, DIM + 1, 1))).rejects.toThrow(StoreError);
    await expect(vectors.search(randomVectors(1, 8, 1)[0]!, 5)).rejects.toMatchObject({ code: "dimension_mismatch" });
  });

  it("drops the vectors of deleted chunks with them", async () => {
    dirty = true;
    await client.query("DELETE FROM chunks WHERE id = ANY($1::bigint[])", [ids.slice(0, 50)]);
    expect(await vectors.count()).toBe(N - 50);
    expect((await vectors.get(ids.slice(0, 50))).size).toBe(0);
    const hits = await vectors.search(byId.get(ids[0]!)!, 300);
    expect(hits).toHaveLength(N - 50);
    expect(hits.map((h) => h.chunkId)).not.toContain(ids[0]!);
  });

  it("clear() empties it; clear(dims) switches to the new embedder's dimension", async () => {
    dirty = true;
    await vectors.clear();
    expect(await vectors.count()).toBe(0);
    expect(await vectors.search(byId.get(ids[0]!)!, 5)).toEqual([]);
    expect(await vectors.missing()).toEqual(ids);

    await vectors.clear(8);
    const small = randomVectors(N, 8, 21);
    await vectors.add(ids, small);
    expect((await vectors.get([ids[0]!])).get(ids[0]!)).toHaveLength(8);
    expect((await vectors.search(small[4]!, 1))[0]?.chunkId).toBe(ids[4]!);
    await expect(vectors.add([ids[0]!], randomVectors(1, DIM, 1))).rejects.toMatchObject({ code: "dimension_mismatch" });

    await vectors.clear(8); // same dimension: emptied, kept
    expect(await vectors.count()).toBe(0);
    await vectors.add([ids[0]!], [small[0]!]);
    expect(await vectors.count()).toBe(1);
  });

  it("indexes embeddings wider than pgvector's 2000-dimension HNSW limit as halfvec (text-embedding-3-large: 3072)", async () => {
    dirty = true;
    await vectors.clear(3072);
    const wide = randomVectors(40, 3072, 31);
    await vectors.add(ids.slice(0, 40), wide);
    const [index] = await client.query<{ def: string }>("SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'chunk_embeddings' AND indexname LIKE '%hnsw%'").then((r) => r.rows);
    expect(index?.def).toContain("halfvec_cosine_ops");
    for (const i of [0, 17, 39]) {
      const hits = await vectors.search(wide[i]!, 3);
      expect(hits[0]).toEqual({ chunkId: ids[i]!, score: expect.closeTo(1, 5) });
      expect(hits[1]!.score).toBeCloseTo(cosine(wide[i]!, wide[ids.indexOf(hits[1]!.chunkId)]!), 5);
    }
  });

  it("a second process opening with the stored dimension keeps the vectors; with another one starts empty", async () => {
    dirty = true;
    const other = await createPgvectorVectors(client, undefined);
    expect(await other.count()).toBe(N);
    expect((await other.search(byId.get(ids[2]!)!, 1))[0]?.chunkId).toBe(ids[2]!);

    const reopened = await createPgvectorVectors(client, 16);
    expect(await reopened.count()).toBe(0);
    expect(await reopened.missing()).toEqual(ids);
    // The first one looks again rather than querying a column that is gone.
    await expect(vectors.search(byId.get(ids[0]!)!, 3)).rejects.toMatchObject({ code: "dimension_mismatch" });
    expect(await vectors.search(randomVectors(1, 16, 2)[0]!, 3)).toEqual([]);
  });
});

describe("the PGlite SqlClient", () => {
  let client: SqlClient;
  beforeAll(async () => {
    client = await createPgliteClient();
  });
  afterAll(async () => {
    await client?.close();
  });

  it("commits a transaction's writes and rolls them all back when it throws", async () => {
    await client.query("CREATE TABLE t (n INTEGER)");
    await client.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (1)");
    });
    await expect(client.transaction(async (tx) => {
      await tx.query("INSERT INTO t VALUES (2)");
      throw new Error("stop");
    })).rejects.toThrow("stop");
    const r = await client.query<{ n: number }>("SELECT n FROM t ORDER BY n");
    expect(r.rows).toEqual([{ n: 1 }]);
    expect(r.rowCount).toBe(1);
    expect((await client.query("UPDATE t SET n = n + 1")).rowCount).toBe(1);
  });

  it("runs one session at a time, and a session opened inside one runs at once", async () => {
    const order: string[] = [];
    const slow = client.session(async (conn) => {
      order.push("a:start");
      await conn.query("SELECT pg_advisory_lock(1)");
      await new Promise((r) => setTimeout(r, 50));
      // Nested: same connection, so it must not wait for the outer one to end.
      await client.session(async () => order.push("a:nested"));
      await conn.query("SELECT pg_advisory_unlock(1)");
      order.push("a:end");
    });
    const next = client.session(async () => order.push("b"));
    await Promise.all([slow, next]);
    expect(order).toEqual(["a:start", "a:nested", "a:end", "b"]);
    // A failed session does not block the ones after it.
    await expect(client.session(async () => { throw new Error("x"); })).rejects.toThrow("x");
    expect(await client.session(async (conn) => (await conn.query<{ v: number }>("SELECT 7 AS v")).rows[0]!.v)).toBe(7);
  });

  it("delivers NOTIFY payloads to a listener until it stops", async () => {
    const got: string[] = [];
    const stop = await client.listen("nv_test", (p) => got.push(p));
    await client.query("SELECT pg_notify('nv_test', 'one')");
    await client.transaction(async (tx) => {
      await tx.query("SELECT pg_notify('nv_test', 'two')");
    });
    await expect.poll(() => got).toEqual(["one", "two"]);
    await stop();
    await client.query("SELECT pg_notify('nv_test', 'three')");
    await client.query("SELECT 1");
    expect(got).toEqual(["one", "two"]);
  });
});

describe("the PostgreSQL store on PGlite with pgvector", () => {
  let client: SqlClient;
  let store: Store;
  const raw = async (sql: string) => (await client.query<Record<string, unknown>>(sql)).rows;

  beforeAll(async () => {
    client = await createPgliteClient();
    store = await openPgStoreOn(client, { vectors: "pgvector" }); // owns the client from here
  });
  afterAll(async () => {
    await store?.close();
  });

  const kl = makeDraft({
    path: "/pgv/229-kl.txt", number: "229-KL/TW", date: "2025-06-10",
    items: [
      { label: "1", text: "Tổ chức Đảng các cấp tăng cường công tác kiểm tra, giám sát." },
      { label: "2", text: "Ban Kinh tế Trung ương nghiên cứu chính sách phát triển kinh tế tư nhân." },
      { label: "3", text: "Bộ Y tế chủ trì phòng chống dịch bệnh và bảo đảm thuốc chữa bệnh." },
    ],
  });
  const tb = makeDraft({
    path: "/pgv/634-tb.txt", number: "634/TB-VPCP", kind: "thong_bao", date: "2025-07-01",
    items: [{ label: "1", text: "Ủy ban nhân dân các tỉnh tổ chức thực hiện chuyển đổi số trong dịch vụ công." }],
  });

  it("keeps chunk vectors in a pgvector column and finds a document by meaning and by folded words", async () => {
    await store.setEmbedderInfo({ name: "local-hash-v1", dimensions: DIM_STORE });
    const { id: klId } = await saveWithVectors(store, kl);
    const { id: tbId } = await saveWithVectors(store, tb);
    expect(await raw("SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'chunk_embeddings'::regclass AND attname = 'embedding'"))
      .toEqual([{ t: `vector(${DIM_STORE})` }]);
    expect(await raw("SELECT CAST(count(*) AS INTEGER) AS n FROM chunk_embeddings")).toEqual([{ n: 4 }]);
    expect(await store.stats()).toMatchObject({ documents: 2, chunks: 4, vectors: 4 });

    const hits = await store.searchVector(await queryVector("Bộ Y tế chủ trì phòng chống dịch bệnh"), {}, 2);
    const [top] = await store.getChunks([hits[0]!.chunkId]);
    expect(top).toMatchObject({ docId: klId, sectionLabel: "3" });
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);

    const onlyTb = await store.searchVector(await queryVector("Bộ Y tế chủ trì phòng chống dịch bệnh"), { docIds: [tbId] }, 5);
    expect((await store.getChunks(onlyTb.map((h) => h.chunkId))).map((c) => c.docId)).toEqual([tbId]);
    const notices = await store.searchVector(await queryVector("chuyển đổi số"), { kinds: ["thong_bao"] }, 5);
    expect(notices).toHaveLength(1);

    // "dang" (the caller's folded "đảng") finds the chunk written "Đảng".
    const words = await store.searchLexical(lexical("folded", "dang"), {}, 10);
    expect((await store.getChunks(words.map((h) => h.chunkId))).map((c) => c.sectionLabel)).toEqual(["1"]);
  });

  it("drops a removed document's vectors, and re-creates the column for an embedder of another size", async () => {
    const before = await store.stats();
    const doomed = (await store.findDocuments("634/TB-VPCP"))[0]!;
    await store.removeDocument(doomed.id);
    expect(await store.stats()).toMatchObject({ documents: before.documents - 1, vectors: before.vectors - 1 });
    expect(await store.chunksMissingVectors()).toEqual([]);

    await store.setEmbedderInfo({ name: "other", dimensions: 16 });
    expect(await store.stats()).toMatchObject({ vectors: 0 });
    const missing = await store.chunksMissingVectors();
    expect(missing).toHaveLength(before.chunks - 1);
    await store.addVectors(missing.map((c) => c.id), missing.map((_, i) => Float32Array.from({ length: 16 }, (_, j) => (i === j ? 1 : 0.1))));
    expect(await raw("SELECT format_type(atttypid, atttypmod) AS t FROM pg_attribute WHERE attrelid = 'chunk_embeddings'::regclass AND attname = 'embedding'"))
      .toEqual([{ t: "vector(16)" }]);
    const probe = Float32Array.from({ length: 16 }, (_, j) => (j === 1 ? 1 : 0.1));
    expect((await store.searchVector(probe, {}, 1))[0]?.chunkId).toBe(missing[1]!.id);
  });
});
