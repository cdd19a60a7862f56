/**
 * Full-text search over chunks (GIN-indexed tsvectors, BM25 as FTS5 computes it), chunk lookup, and the chunk-id
 * queries vector search needs for filtering. Same observable rules as store/sqlite/search.ts.
 */
import type { DocumentMeta } from "../../core/types.js";
import { isEmptyFilter } from "../chunk-filter.js";
import { isEmptyLexical, lexicalItems, rareItems } from "../lexical.js";
import { docPages } from "../rows.js";
import type { ChunkFilter, LexicalColumn, LexicalQuery, ScoredChunk, StoredChunk } from "../types.js";
import { lexemeQuery } from "./fts.js";
import type { SqlQueryable } from "./sql.js";

/**
 * Per column: the tsvectors of its tokens and of its pair terms (the chunk's head weighted A, its text
 * D), and the chunk_vocab columns counting the chunks holding a term or a pair in text or head (BM25's
 * idf, the candidates' rarity; schema.ts). termFrequencies reads the text's own counts.
 */
const COLUMNS: Record<LexicalColumn, { tsv: string; pairsTsv: string; rowCol: string; rowPairsCol: string }> = {
  raw: { tsv: "c.raw_tsv", pairsTsv: "c.raw_pairs_tsv", rowCol: "R", rowPairsCol: "P" },
  folded: { tsv: "c.folded_tsv", pairsTsv: "c.folded_pairs_tsv", rowCol: "F", rowPairsCol: "Q" },
};

/** BM25 parameters, FTS5's. */
const K1 = 1.2;
const B = 0.75;

/** One term of the BM25 sum: its tsquery, whether it runs on the pair tsvector, and its document count (text or head). */
interface Bm25Term { query: string; pairs: boolean; df: number }

/**
 * Chunks matching any term, pair term or phrase of `query` in one column, best first, scored by BM25 as
 * FTS5 scores them (higher is better): per term, idf from the chunks holding it in text or head (a
 * phrase of several words takes its rarest word's count: an upper bound of the phrase's), tf = its
 * occurrences in the text plus query.headWeight times those in the head (ts_rank_cd without
 * normalisation sums each occurrence's weight: 0.1 for D, 0.1 x the head weight for A), length
 * normalised as FTS5 does, by the tokens of the whole row (n_tokens: text and head, raw and folded,
 * and their pairs).
 */
export async function searchLexical(
  q: SqlQueryable, query: LexicalQuery, filter: ChunkFilter, limit: number,
): Promise<ScoredChunk[]> {
  const items = lexicalItems(query);
  if (isEmptyLexical(items) || limit <= 0 || isEmptyFilter(filter)) return [];
  const c = COLUMNS[query.column];
  const tokens = [...new Set([...items.terms, ...items.phrases.flat()])];
  const stats = await q.query<{ col: string; term: string; df: number }>(`SELECT col, term, df FROM chunk_vocab
    WHERE (col = $1 AND term = ANY($2::text[])) OR (col = $3 AND term = ANY($4::text[])) OR col = '#'`,
  [c.rowCol, tokens, c.rowPairsCol, items.pairs]);
  const df = new Map<string, number>();
  let n = 0;
  let total = 0;
  for (const row of stats.rows) {
    // A pair term holds the joiner and a token never does, so one map serves both vocabulary columns.
    if (row.col !== "#") df.set(row.term, Number(row.df));
    else if (row.term === "") n = Number(row.df);
    else total = Number(row.df);
  }
  const count = (t: string) => df.get(t) ?? 0;
  const terms: Bm25Term[] = [
    ...items.terms.map((t) => ({ query: lexemeQuery([t]), pairs: false, df: count(t) })),
    ...items.pairs.map((p) => ({ query: lexemeQuery([p]), pairs: true, df: count(p) })),
    ...items.phrases.map((toks) => ({ query: lexemeQuery(toks), pairs: false, df: Math.min(...toks.map(count)) })),
  ];
  const idf = terms.map((t) => Math.max(1e-6, Math.log((n - t.df + 0.5) / (t.df + 0.5))));
  const avgdl = n > 0 && total > 0 ? total / n : 1;
  const head = query.headWeight ?? 1;
  // With candidates, only the chunks holding a rare item are ranked (store/types.ts), each by every
  // item; too few of them, or a search inside named documents, and every chunk holding any item is, as
  // the SQLite store does. Rarity counts the chunks holding an item in text or head (the SQLite store
  // sums its text and head columns' counts, which FTS5's vocabulary gives apart).
  const wanted = filter.docIds ? undefined : query.candidates;
  const split = wanted && rareItems(terms, wanted.share, n);
  if (wanted && split) {
    const hits = await rankBm25(q, c, terms, idf, avgdl, head, split.rare, filter, Math.max(limit, wanted.min));
    if (hits.length >= Math.max(limit, wanted.min)) return hits.slice(0, limit);
  }
  return rankBm25(q, c, terms, idf, avgdl, head, terms, filter, limit);
}

/** The best `limit` chunks holding one of `matching`, scored by every one of `terms`. */
async function rankBm25(
  q: SqlQueryable, c: (typeof COLUMNS)[LexicalColumn], terms: Bm25Term[], idf: number[], avgdl: number, head: number,
  matching: Bm25Term[], filter: ChunkFilter, limit: number,
): Promise<ScoredChunk[]> {
  const params: unknown[] = [filter.docIds ?? null, filter.kinds ?? null, limit, avgdl, terms.map((t) => t.query), idf, terms.map((t) => t.pairs), head / 10];
  // Each tsvector is searched through its own GIN index (a BitmapOr when both are asked).
  const match: string[] = [];
  for (const [onPairs, tsv] of [[false, c.tsv], [true, c.pairsTsv]] as const) {
    const alternatives = matching.filter((t) => t.pairs === onPairs).map((t) => t.query);
    if (alternatives.length === 0) continue;
    params.push(alternatives.join(" | "));
    match.push(`${tsv} @@ $${params.length}::tsquery`);
  }
  // ts_rank_cd's weights are {D, C, B, A} and float4: the sum is rounded off their float error.
  const r = await q.query<{ id: number; score: number }>(`
    SELECT c.id, (SELECT sum(p.idf * (p.tf * ${K1 + 1}) / (p.tf + ${K1} * (${1 - B} + ${B} * c.n_tokens / $4::float8)))
      FROM (SELECT w.idf, round((10 * ts_rank_cd(ARRAY[0.1, 0.1, 0.1, $8]::float4[],
          CASE WHEN w.pairs THEN ${c.pairsTsv} ELSE ${c.tsv} END, w.q::tsquery, 0))::numeric, 4)::float8 AS tf
        FROM unnest($5::text[], $6::float8[], $7::boolean[]) AS w(q, idf, pairs)) p)::float8 AS score
    FROM chunks c ${filter.kinds ? "JOIN documents d ON d.id = c.doc_id" : ""}
    WHERE (${match.join(" OR ")})
      AND ($1::bigint[] IS NULL OR c.doc_id = ANY($1::bigint[]))
      ${filter.kinds ? "AND d.kind = ANY($2::text[])" : "AND $2::text[] IS NULL"}
    ORDER BY score DESC, c.id LIMIT $3`, params);
  return r.rows.map((row) => ({ chunkId: Number(row.id), score: Number(row.score) }));
}

/** Chunks holding each term (a single token) in a column, and the number of chunks: the
 *  trigger-kept vocabulary (schema.ts), as FTS5's fts5vocab gives them. */
export async function termFrequencies(
  q: SqlQueryable, column: LexicalColumn, terms: string[],
): Promise<{ chunks: number; df: Map<string, number> }> {
  const r = await q.query<{ col: string; term: string; df: number }>(`SELECT col, term, df FROM chunk_vocab
    WHERE (col = $1 AND term = ANY($2::text[]) AND df > 0) OR (col = '#' AND term = '')`,
  [column === "raw" ? "r" : "f", [...new Set(terms)]]);
  const df = new Map<string, number>();
  let chunks = 0;
  for (const row of r.rows) {
    if (row.col === "#") chunks = Number(row.df);
    else df.set(row.term, Number(row.df));
  }
  return { chunks, df };
}

interface ChunkRow {
  id: number; doc_id: number; doc_name: string; doc_meta: string; doc_pages: string | null; section: number; section_label: string | null;
  start_at: number; end_at: number; text: string; context: string;
}

/** Chunks with their document and section label, in the order of `ids` (unknown ids are skipped). */
export async function getChunks(q: SqlQueryable, ids: number[]): Promise<StoredChunk[]> {
  if (ids.length === 0) return [];
  const r = await q.query<ChunkRow>(`SELECT c.id, c.doc_id, d.name AS doc_name, d.meta AS doc_meta, d.pages AS doc_pages, c.section,
      s.label AS section_label, c.start_at, c.end_at, c.text, c.context
    FROM chunks c JOIN documents d ON d.id = c.doc_id
    LEFT JOIN sections s ON s.doc_id = c.doc_id AND s.idx = c.section
    WHERE c.id = ANY($1::bigint[])`, [ids]);
  const docs = new Map<number, { docMeta: DocumentMeta; docPages?: number[] }>();
  const byId = new Map<number, StoredChunk>();
  for (const row of r.rows) {
    const docId = Number(row.doc_id);
    let doc = docs.get(docId);
    if (!doc) docs.set(docId, (doc = { docMeta: JSON.parse(row.doc_meta) as DocumentMeta, ...docPages(row.doc_pages) }));
    byId.set(Number(row.id), {
      id: Number(row.id), docId, docName: row.doc_name, ...doc, section: row.section,
      sectionLabel: row.section_label ?? "", start: row.start_at, end: row.end_at, text: row.text, context: row.context,
    });
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Ids of the chunks a filter admits. */
export async function chunkIds(q: SqlQueryable, filter: ChunkFilter): Promise<number[]> {
  const r = await q.query<{ id: number }>(`SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id
    WHERE ($1::bigint[] IS NULL OR c.doc_id = ANY($1::bigint[])) AND ($2::text[] IS NULL OR d.kind = ANY($2::text[]))
    ORDER BY c.id`, [filter.docIds ?? null, filter.kinds ?? null]);
  return r.rows.map((row) => Number(row.id));
}
