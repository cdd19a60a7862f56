/**
 * Full-text search (FTS5, BM25) over chunks, chunk lookup, and the chunk-id queries the vector index
 * needs for filtering and repair. Filters are JSON arrays bound to `json_each`, so every statement is
 * prepared once whatever the filter.
 */
import BetterSqlite3 from "better-sqlite3";
import type { Database, Statement } from "better-sqlite3";
import { changeStamp } from "./change-stamp.js";
import type { DocumentMeta } from "../../core/types.js";
import { StoreError } from "../../core/errors.js";
import { isEmptyFilter } from "../chunk-filter.js";
import { docPages } from "../rows.js";
import { isEmptyLexical, lexicalItems, rareItems, type LexicalItems } from "../lexical.js";
import type { ChunkFilter, LexicalColumn, LexicalQuery, ScoredChunk, StoredChunk } from "../types.js";

interface ChunkRow {
  id: number; doc_id: number; section: number; start: number; end: number; text: string; context: string;
}

/** What every chunk of a document shares: its name, meta and section labels (by section index). */
interface DocInfo {
  name: string;
  meta: DocumentMeta;
  /** The page map of a PDF. */
  docPages?: number[];
  labels: Map<number, string>;
}

const FILTER = `(@docs IS NULL OR c.doc_id IN (SELECT value FROM json_each(@docs)))
  AND (@kinds IS NULL OR d.kind IN (SELECT value FROM json_each(@kinds)))`;

/**
 * Chunk rows alone. Joining documents and sections per chunk was most of getChunks' time: a document's
 * meta is stored after its text (read through the text's overflow pages), and a section is found by a
 * seek through rows holding whole headings. Documents' names, metas and labels are read once instead.
 */
const CHUNK_SELECT = `SELECT c.id, c.doc_id, c.section, c.start, c.end, c.text, c.context FROM chunks c`;

/** JSON for a json_each parameter, or null for "no filter". */
export function filterParams(filter: ChunkFilter): { docs: string | null; kinds: string | null } {
  return {
    docs: filter.docIds ? JSON.stringify(filter.docIds) : null,
    kinds: filter.kinds ? JSON.stringify(filter.kinds) : null,
  };
}

/** Cached document frequencies are dropped past this many terms (a bound on memory, not a tuning). */
const DF_CACHE_MAX = 50_000;

/** Cached documents (name, meta, labels) are dropped past this many (a bound on memory, not a tuning). */
const DOC_CACHE_MAX = 5_000;

/** Up to this many documents, a document filter runs as one FTS query per document's chunk-id range. */
const RANGE_DOCS = 16;

/**
 * How many of a query's common items the rare-items query leaves out (candidates). Each costs a walk of its
 * long doclist (to match, and for its IDF) and spares BM25 over the chunks holding it: on 64k chunks, the
 * 185 split searches of 200 CongBot and dev questions took 0.92 of the time of ranking every chunk holding
 * a rare item with 1, 2 or 3 of them, 0.94 with 5, 1.02 with every common item (same results).
 */
const COMMONEST = 2;

/** One way to run a search expression: over every chunk, or through a filter's join. */
interface Searcher {
  /** The best `limit` chunks the expression matches, by -bm25 (then rowid). */
  rank(match: string, limit: number): ScoredChunk[];
  /** Whether the expression matches at least `n` chunks. */
  reaches(match: string, n: number): boolean;
}

export class ChunkSearch {
  private readonly lexicalAll: Record<LexicalColumn, Statement>;
  private readonly lexicalRange: Record<LexicalColumn, Statement>;
  private readonly lexicalJoin: Record<LexicalColumn, Statement>;
  private readonly reachAll: Statement;
  private readonly reachJoin: Statement;
  private readonly docRanges: Statement;
  private readonly chunksById: Statement;
  private readonly docsById: Statement;
  private readonly labelsByDoc: Statement;
  private readonly idsByDoc: Statement;
  private readonly idsByKind: Statement;
  private readonly allIds: Statement;
  private readonly termDocs: Statement;
  private readonly chunkCount: Statement;
  private readonly version: () => string;
  private readonly segments: Statement;
  private readonly optimize: Statement;
  /**
   * Document frequencies already read, by column and term (-1: not in the index), and the chunk count,
   * valid while `stamp` holds. Reading a frequency through fts5vocab walks the term's whole doclist
   * (20 ms a question at 75k chunks), and the common words that cost most recur in every question.
   */
  private readonly dfCache = new Map<string, number>();
  private chunksCached = -1;
  /** Documents already read for getChunks, valid while `stamp` holds too. */
  private readonly docCache = new Map<number, DocInfo>();
  private stamp = "";

  constructor(db: Database) {
    // Columns raw, folded, raw_pairs, folded_pairs, then the same four of the chunk's head (schema 7).
    // Weighting the other form 0 keeps BM25 to the columns the filter names; a pair weighs as a syllable,
    // as the phrase it replaces did; the head weighs @head (LexicalQuery headWeight).
    const weights: Record<LexicalColumn, string> = {
      raw: "1.0, 0.0, 1.0, 0.0, @head, 0.0, @head, 0.0", folded: "0.0, 1.0, 0.0, 1.0, 0.0, @head, 0.0, @head",
    };
    const per = (sql: (w: string) => string) => ({ raw: db.prepare(sql(weights.raw)), folded: db.prepare(sql(weights.folded)) });
    this.lexicalAll = per((w) => `SELECT rowid AS chunkId, -bm25(chunks_fts, ${w}) AS score FROM chunks_fts
      WHERE chunks_fts MATCH @match ORDER BY score DESC, rowid LIMIT @limit`);
    // FTS5 bounds its doclist walk by a rowid range, and a document's chunks have consecutive ids
    // (written in one transaction), so this is the cheap way to search inside a few documents.
    this.lexicalRange = per((w) => `SELECT rowid AS chunkId, -bm25(chunks_fts, ${w}) AS score FROM chunks_fts
      WHERE chunks_fts MATCH @match AND rowid BETWEEN @lo AND @hi ORDER BY score DESC, rowid LIMIT @limit`);
    this.lexicalJoin = per((w) => `SELECT f.rowid AS chunkId, -bm25(chunks_fts, ${w}) AS score
      FROM chunks_fts f JOIN chunks c ON c.id = f.rowid JOIN documents d ON d.id = c.doc_id
      WHERE chunks_fts MATCH @match AND ${FILTER}
      ORDER BY score DESC, f.rowid LIMIT @limit`);
    // The row past the first `skip` an expression matches, in rowid order: FTS5 stops there, computing no bm25().
    this.reachAll = db.prepare(`SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH @match LIMIT 1 OFFSET @skip`);
    this.reachJoin = db.prepare(`SELECT f.rowid FROM chunks_fts f JOIN chunks c ON c.id = f.rowid JOIN documents d ON d.id = c.doc_id
      WHERE chunks_fts MATCH @match AND ${FILTER} LIMIT 1 OFFSET @skip`);
    this.docRanges = db.prepare(`SELECT min(c.id) AS lo, max(c.id) AS hi, count(*) AS n
      FROM chunks c JOIN documents d ON d.id = c.doc_id
      WHERE c.doc_id IN (SELECT value FROM json_each(@docs))
        AND (@kinds IS NULL OR d.kind IN (SELECT value FROM json_each(@kinds)))
      GROUP BY c.doc_id`);
    this.chunksById = db.prepare(`${CHUNK_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`);
    this.docsById = db.prepare(`SELECT id, name, meta, pages FROM documents WHERE id IN (SELECT value FROM json_each(?))`);
    this.labelsByDoc = db.prepare(`SELECT doc_id, idx, label FROM sections WHERE doc_id IN (SELECT value FROM json_each(?))`);
    this.idsByDoc = db.prepare(`SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id
      WHERE c.doc_id IN (SELECT value FROM json_each(@docs))
        AND (@kinds IS NULL OR d.kind IN (SELECT value FROM json_each(@kinds)))`).pluck();
    this.idsByKind = db.prepare(`SELECT c.id FROM documents d JOIN chunks c ON c.doc_id = d.id
      WHERE d.kind IN (SELECT value FROM json_each(@kinds))`).pluck();
    this.allIds = db.prepare(`SELECT id FROM chunks ORDER BY id`).pluck();
    // A temp vocabulary view of the index: per-column document counts for IDF, without a migration.
    db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.chunks_fts_vocab USING fts5vocab(main, chunks_fts, col)");
    this.termDocs = db.prepare(`SELECT term, doc FROM temp.chunks_fts_vocab
      WHERE col = @col AND term IN (SELECT value FROM json_each(@terms))`);
    this.chunkCount = db.prepare(`SELECT count(*) FROM chunks`).pluck();
    // The stamp of the caches (dropIfChanged).
    this.version = changeStamp(db);
    // FTS5 keeps one b-tree segment per write batch (merging some as it goes); chunks_fts_idx has a row
    // per segment leaf page, so this counts the segments a search walks for each term.
    this.segments = db.prepare(`SELECT count(DISTINCT segid) FROM chunks_fts_idx`).pluck();
    this.optimize = db.prepare(`INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')`);
  }

  /**
   * Merges the full-text index into one segment when writes left several: each term's doclist is then
   * read from one place. On issue 4's 426 documents (13.6k chunks) `ask` is about 10% faster with the
   * same answers; merging costs 0.3 s there and 2 s at 75k chunks, so it runs after an ingest batch
   * (store flush), not per document. Returns whether it merged.
   */
  optimizeIndex(): boolean {
    if ((this.segments.get() as number) <= 1) return false;
    this.optimize.run();
    return true;
  }

  /** Chunks holding each term in a column, and the number of chunks (for IDF weights). */
  termFrequencies(column: LexicalColumn, terms: string[]): { chunks: number; df: Map<string, number> } {
    const df = this.columnDocs(column, terms);
    return { chunks: this.chunkTotal(), df };
  }

  /** The number of chunks, cached while the database does not change (dropIfChanged). */
  private chunkTotal(): number {
    if (this.chunksCached < 0) this.chunksCached = this.chunkCount.get() as number;
    return this.chunksCached;
  }

  /** Chunks holding each term (one indexed token) in one FTS column (a missing term is left out), cached. */
  private columnDocs(col: string, terms: string[]): Map<string, number> {
    this.dropIfChanged();
    if (this.dfCache.size > DF_CACHE_MAX) this.dfCache.clear();
    const key = (t: string) => `${col}\u0000${t}`;
    const missing = [...new Set(terms)].filter((t) => !this.dfCache.has(key(t)));
    if (missing.length > 0) {
      const found = new Map<string, number>();
      for (const row of this.termDocs.all({ col, terms: JSON.stringify(missing) }) as Array<{ term: string; doc: number }>) {
        found.set(row.term, row.doc);
      }
      for (const t of missing) this.dfCache.set(key(t), found.get(t) ?? -1);
    }
    const df = new Map<string, number>();
    for (const t of terms) {
      const n = this.dfCache.get(key(t))!;
      if (n >= 0) df.set(t, n);
    }
    return df;
  }

  /**
   * The rare items of a query (quoted for MATCH) and the others, by `share` of the chunks holding each in
   * their text or head (query.candidates): the items a candidate chunk must hold. A phrase counts as its
   * rarest token. `commonest`: the common items most chunks hold (COMMONEST of them, candidates).
   * Undefined when every item is rare (nothing to leave out).
   */
  private candidateSplit(items: LexicalItems, column: LexicalColumn, share: number): { rare: string[]; common: string[]; commonest: string[] } | undefined {
    // Held in the text or the head: FTS5's vocabulary counts each column, so their sum (at least the union).
    const held = (col: string, terms: string[]) => {
      const df = this.columnDocs(col, terms);
      for (const [t, n] of this.columnDocs(`head_${col}`, terms)) df.set(t, (df.get(t) ?? 0) + n);
      return df;
    };
    const termDf = held(column, [...items.terms, ...items.phrases.flat()]);
    const pairDf = held(`${column}_pairs`, items.pairs);
    const all = [
      ...items.terms.map((t) => ({ q: `"${t}"`, df: termDf.get(t) ?? 0 })),
      ...items.pairs.map((p) => ({ q: `"${p}"`, df: pairDf.get(p) ?? 0 })),
      ...items.phrases.map((p) => ({ q: `"${p.join(" ")}"`, df: Math.min(...p.map((t) => termDf.get(t) ?? 0)) })),
    ];
    const split = rareItems(all, share, this.chunkTotal());
    if (!split) return undefined;
    const commonest = [...split.common].sort((a, b) => b.df - a.df).slice(0, COMMONEST);
    const quoted = (xs: typeof all) => xs.map((x) => x.q);
    return { rare: quoted(split.rare), common: quoted(split.common), commonest: quoted(commonest) };
  }

  /**
   * BM25 over a column's syllables and pair terms, in the chunk's text and head (one FTS5 expression:
   * terms, pair terms and phrases OR-ed inside `{column column_pairs head_column head_column_pairs}`,
   * the head weighed by query.headWeight); score = -bm25, higher is better.
   */
  searchLexical(query: LexicalQuery, filter: ChunkFilter, limit: number): ScoredChunk[] {
    const items = lexicalItems(query);
    if (isEmptyLexical(items) || limit <= 0 || isEmptyFilter(filter)) return [];
    const { column } = query;
    const head = query.headWeight ?? 1;
    // Tokens are letters, digits and the pair joiner: nothing to escape inside the quotes.
    const parts = [...items.terms, ...items.pairs, ...items.phrases.map((p) => p.join(" "))].map((t) => `"${t}"`);
    const cols = `{${column} ${column}_pairs head_${column} head_${column}_pairs}`;
    const expr = `${cols} : (${parts.join(" OR ")})`;
    try {
      if (!filter.docIds && !filter.kinds) {
        return this.candidates(query, items, cols, limit, expr, {
          rank: (match, n) => this.lexicalAll[column].all({ match, limit: n, head }) as ScoredChunk[],
          reaches: (match, n) => this.reachAll.get({ match, skip: n - 1 }) !== undefined,
        });
      }
      const params = filterParams(filter);
      if (filter.docIds && filter.docIds.length <= RANGE_DOCS) {
        const ranges = this.docRanges.all(params) as Array<{ lo: number; hi: number; n: number }>;
        if (ranges.every((r) => r.hi - r.lo + 1 === r.n)) {
          // A few documents' chunks are few: BM25 over all of them costs little.
          const hits = ranges.flatMap((r) => this.lexicalRange[column].all({ match: expr, lo: r.lo, hi: r.hi, limit, head }) as ScoredChunk[]);
          return hits.sort((a, b) => b.score - a.score || a.chunkId - b.chunkId).slice(0, limit);
        }
      }
      const run: Searcher = {
        rank: (match, n) => this.lexicalJoin[column].all({ match, ...params, limit: n, head }) as ScoredChunk[],
        reaches: (match, n) => this.reachJoin.get({ match, ...params, skip: n - 1 }) !== undefined,
      };
      return filter.docIds ? run.rank(expr, limit) : this.candidates(query, items, cols, limit, expr, run);
    } catch (err) {
      if (err instanceof BetterSqlite3.SqliteError) {
        throw new StoreError("bad_query", `The search expression could not be read: ${err.message}`, { cause: err });
      }
      throw err;
    }
  }

  /**
   * The best `limit` chunks of `expr` (through `run`, one statement), or, with query.candidates, of
   * the chunks holding a rare item (candidateSplit), each scored by every item. FTS5 computes bm25() for
   * every row an expression matches (about 1.5 us a row at 69k chunks), and a question's common syllables
   * match most of the table; FTS5 has no top-k pruning. So two smaller queries: the rare items AND the
   * common ones (FTS5 scores every phrase of the expression, so these get the full sum), and the rare items
   * NOT the COMMONEST common ones: the chunks holding no common item, whose other items add nothing to
   * their score, are among these (the NOT items, absent from every row it returns, add exactly 0 to its
   * bm25). A chunk in both takes the full sum. The second query also ranks the chunks holding a common item
   * other than the commonest, by their rare items alone: such a chunk scores no more than its full sum,
   * which the first query ranks, so it never displaces a better chunk.
   * Too few candidates (`reaches`, which computes no BM25): the whole expression, as without the share.
   */
  private candidates(query: LexicalQuery, items: LexicalItems, cols: string, limit: number, expr: string, run: Searcher): ScoredChunk[] {
    const wanted = query.candidates;
    const split = wanted && this.candidateSplit(items, query.column, wanted.share);
    if (!wanted || !split) return run.rank(expr, limit);
    const rare = `(${split.rare.join(" OR ")})`;
    if (!run.reaches(`${cols} : ${rare}`, Math.max(limit, wanted.min))) return run.rank(expr, limit);
    const score = new Map<number, number>();
    for (const h of run.rank(`${cols} : (${rare} NOT (${split.commonest.join(" OR ")}))`, limit)) score.set(h.chunkId, h.score);
    for (const h of run.rank(`${cols} : (${rare} AND (${split.common.join(" OR ")}))`, limit)) score.set(h.chunkId, h.score);
    return [...score].map(([chunkId, s]) => ({ chunkId, score: s }))
      .sort((a, b) => b.score - a.score || a.chunkId - b.chunkId).slice(0, limit);
  }

  /** Chunks with their document and section label, in the order of `ids` (unknown ids are skipped). */
  getChunks(ids: number[]): StoredChunk[] {
    if (ids.length === 0) return [];
    const rows = this.chunksById.all(JSON.stringify(ids)) as ChunkRow[];
    const docs = this.docInfo([...new Set(rows.map((r) => r.doc_id))]);
    const byId = new Map<number, StoredChunk>();
    for (const r of rows) {
      const doc = docs.get(r.doc_id);
      if (!doc) continue;
      byId.set(r.id, {
        id: r.id, docId: r.doc_id, docName: doc.name, docMeta: doc.meta, ...(doc.docPages ? { docPages: doc.docPages } : {}), section: r.section,
        sectionLabel: doc.labels.get(r.section) ?? "", start: r.start, end: r.end, text: r.text, context: r.context,
      });
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Name, meta and section labels of documents, read once while the database does not change. */
  private docInfo(docIds: number[]): Map<number, DocInfo> {
    this.dropIfChanged();
    if (this.docCache.size > DOC_CACHE_MAX) this.docCache.clear();
    const missing = docIds.filter((id) => !this.docCache.has(id));
    if (missing.length > 0) {
      const json = JSON.stringify(missing);
      for (const d of this.docsById.all(json) as Array<{ id: number; name: string; meta: string; pages: string | null }>) {
        this.docCache.set(d.id, { name: d.name, meta: JSON.parse(d.meta) as DocumentMeta, ...docPages(d.pages), labels: new Map() });
      }
      for (const s of this.labelsByDoc.all(json) as Array<{ doc_id: number; idx: number; label: string }>) {
        this.docCache.get(s.doc_id)?.labels.set(s.idx, s.label);
      }
    }
    const out = new Map<number, DocInfo>();
    for (const id of docIds) {
      const doc = this.docCache.get(id);
      if (doc) out.set(id, doc);
    }
    return out;
  }

  /**
   * Changes through this connection (total_changes, triggers included) or committed by another one
   * (data_version) move the stamp; either drops every cached frequency and document.
   */
  private dropIfChanged(): void {
    const stamp = this.version();
    if (stamp === this.stamp) return;
    this.dfCache.clear();
    this.chunksCached = -1;
    this.docCache.clear();
    this.stamp = stamp;
  }

  /** Ids of the chunks a filter admits (through the doc_id and kind indexes, not a scan). */
  chunkIds(filter: ChunkFilter): number[] {
    if (filter.docIds) return this.idsByDoc.all(filterParams(filter)) as number[];
    if (filter.kinds) return this.idsByKind.all(filterParams(filter)) as number[];
    return this.allChunkIds();
  }

  /** Every chunk id, ascending. */
  allChunkIds(): number[] {
    return this.allIds.all() as number[];
  }
}

