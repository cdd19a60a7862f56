/**
 * Full-text search (FTS5, BM25) over chunks, chunk lookup, and the chunk-id queries the vector index
 * needs for filtering and repair. Filters are JSON arrays bound to `json_each`, so every statement is
 * prepared once whatever the filter.
 */
import BetterSqlite3 from "better-sqlite3";
import type { Database, Statement } from "better-sqlite3";
import type { DocumentMeta } from "../../core/types.js";
import { StoreError } from "../../core/errors.js";
import type { ChunkFilter, LexicalColumn, ScoredChunk, StoredChunk } from "../types.js";

interface ChunkRow {
  id: number; doc_id: number; doc_name: string; doc_meta: string; section: number; section_label: string | null;
  start: number; end: number; text: string; context: string;
}

const FILTER = `(@docs IS NULL OR c.doc_id IN (SELECT value FROM json_each(@docs)))
  AND (@kinds IS NULL OR d.kind IN (SELECT value FROM json_each(@kinds)))`;

const CHUNK_SELECT = `SELECT c.id, c.doc_id, d.name AS doc_name, d.meta AS doc_meta, c.section,
  s.label AS section_label, c.start, c.end, c.text, c.context
  FROM chunks c JOIN documents d ON d.id = c.doc_id
  LEFT JOIN sections s ON s.doc_id = c.doc_id AND s.idx = c.section`;

/** JSON for a json_each parameter, or null for "no filter". */
export function filterParams(filter: ChunkFilter): { docs: string | null; kinds: string | null } {
  return {
    docs: filter.docIds ? JSON.stringify(filter.docIds) : null,
    kinds: filter.kinds ? JSON.stringify(filter.kinds) : null,
  };
}

export class ChunkSearch {
  private readonly lexical: Record<LexicalColumn, Statement>;
  private readonly chunksById: Statement;
  private readonly filteredIds: Statement;
  private readonly allIds: Statement;

  constructor(db: Database) {
    // Weighting the other column 0 keeps BM25 to the column the filter names.
    const lexical = (weights: string) => db.prepare(`
      SELECT f.rowid AS chunkId, -bm25(chunks_fts, ${weights}) AS score
      FROM chunks_fts f JOIN chunks c ON c.id = f.rowid JOIN documents d ON d.id = c.doc_id
      WHERE chunks_fts MATCH @match AND ${FILTER}
      ORDER BY score DESC, f.rowid LIMIT @limit`);
    this.lexical = { raw: lexical("1.0, 0.0"), folded: lexical("0.0, 1.0") };
    this.chunksById = db.prepare(`${CHUNK_SELECT} WHERE c.id IN (SELECT value FROM json_each(?))`);
    this.filteredIds = db.prepare(`SELECT c.id FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE ${FILTER}`).pluck();
    this.allIds = db.prepare(`SELECT id FROM chunks ORDER BY id`).pluck();
  }

  /**
   * BM25 over one column; score = -bm25, higher is better. `match` is an FTS5 expression; it is wrapped
   * as `{column} : (match)`. A malformed expression is a StoreError "bad_query", not a crash.
   */
  searchLexical(column: LexicalColumn, match: string, filter: ChunkFilter, limit: number): ScoredChunk[] {
    if (!match.trim() || limit <= 0 || isEmptyFilter(filter)) return [];
    try {
      return this.lexical[column].all({ match: `{${column}} : (${match})`, ...filterParams(filter), limit }) as ScoredChunk[];
    } catch (err) {
      if (err instanceof BetterSqlite3.SqliteError) {
        throw new StoreError("bad_query", `The search expression could not be read: ${err.message}`, { cause: err });
      }
      throw err;
    }
  }

  /** Chunks with their document and section label, in the order of `ids` (unknown ids are skipped). */
  getChunks(ids: number[]): StoredChunk[] {
    if (ids.length === 0) return [];
    const rows = this.chunksById.all(JSON.stringify(ids)) as ChunkRow[];
    const metas = new Map<number, DocumentMeta>();
    const byId = new Map<number, StoredChunk>();
    for (const r of rows) {
      let meta = metas.get(r.doc_id);
      if (!meta) metas.set(r.doc_id, (meta = JSON.parse(r.doc_meta) as DocumentMeta));
      byId.set(r.id, {
        id: r.id, docId: r.doc_id, docName: r.doc_name, docMeta: meta, section: r.section,
        sectionLabel: r.section_label ?? "", start: r.start, end: r.end, text: r.text, context: r.context,
      });
    }
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Ids of the chunks a filter admits. */
  chunkIds(filter: ChunkFilter): number[] {
    return this.filteredIds.all(filterParams(filter)) as number[];
  }

  /** Every chunk id, ascending. */
  allChunkIds(): number[] {
    return this.allIds.all() as number[];
  }
}

/** `docIds: []` or `kinds: []` admits nothing. */
export function isEmptyFilter(filter: ChunkFilter): boolean {
  return filter.docIds?.length === 0 || filter.kinds?.length === 0;
}
