/**
 * Writing documents on PostgreSQL: a document and everything derived from it (sections, chunks with their
 * tsvectors, assignments) inside the caller's transaction, with the rows of store/rows.ts and multi-row
 * INSERTs. Reads are store/sql/documents.ts's. Vectors are the caller's business: `saveDocument` returns
 * the chunk ids it created and replaced.
 */
import type { DocumentDraft } from "../../core/types.js";
import {
  ASSIGNMENT_COLUMNS, assignmentValues, checkQuoteOffsets, DOCUMENT_COLUMNS, documentValues, type SaveResult,
} from "../rows.js";
import { chunkHead } from "../lexical.js";
import { chunkFts, foldedTsvectorSql } from "./fts.js";
import type { SqlQueryable } from "./sql.js";

/** Rows per multi-row INSERT (well under the 65535 parameters of one statement). */
const BATCH = 500;

/** Chunk ids of a document, ascending. */
export async function chunkIdsOf(q: SqlQueryable, docId: number): Promise<number[]> {
  return (await q.query<{ id: number }>("SELECT id FROM chunks WHERE doc_id = $1 ORDER BY id", [docId])).rows.map((r) => Number(r.id));
}

/** Writes the draft inside `tx`, replacing the rows of a document with the same path. */
export async function saveDocument(tx: SqlQueryable, draft: DocumentDraft, stamp: string): Promise<SaveResult> {
  checkQuoteOffsets(draft);
  const values = documentValues(draft, stamp);
  // Lock the row of an existing path so two writers of the same file serialise.
  const existing = (await tx.query<{ id: number }>("SELECT id FROM documents WHERE path = $1 FOR UPDATE", [draft.path])).rows[0];
  let id: number;
  let replacedChunkIds: number[] = [];
  if (existing) {
    id = Number(existing.id);
    replacedChunkIds = await chunkIdsOf(tx, id);
    for (const t of ["chunks", "sections", "assignments"]) await tx.query(`DELETE FROM ${t} WHERE doc_id = $1`, [id]);
    // `path` is DOCUMENT_COLUMNS[0], so $1.
    await tx.query(`UPDATE documents SET ${DOCUMENT_COLUMNS.slice(1).map((c, i) => `${c} = $${i + 2}`).join(", ")}
      WHERE path = $1`, values);
  } else {
    const r = await tx.query<{ id: number }>(`INSERT INTO documents (${DOCUMENT_COLUMNS.join(", ")})
      VALUES (${DOCUMENT_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING id`, values);
    id = Number(r.rows[0]!.id);
  }
  await insertRows(tx, "sections (doc_id, idx, parent, depth, marker, label, heading, start_at, end_at)",
    draft.sections.map((s) => [id, s.index, s.parent, s.depth, s.marker, s.label, s.heading, s.start, s.end]));
  const chunkIds = (await insertRows(tx,
    "chunks (doc_id, section, start_at, end_at, text, context, n_tokens, raw_tsv, folded_tsv, raw_pairs_tsv, folded_pairs_tsv)",
    draft.chunks.map((c) => {
      const fts = chunkFts(c.text, chunkHead(draft.meta, c.context));
      return [id, c.section, c.start, c.end, c.text, c.context, fts.length, fts.raw, fts.folded, fts.rawPairs, fts.foldedPairs];
    }),
    "RETURNING id", { 8: foldedTsvectorSql })).map(Number).sort((a, b) => a - b); // nextval runs in row order: ascending = draft order
  await insertRows(tx, `assignments (${ASSIGNMENT_COLUMNS.join(", ")})`, draft.assignments.map((a) => assignmentValues(id, draft, a)));
  return { id, status: existing ? "updated" : "new", chunkIds, replacedChunkIds };
}

/**
 * Multi-row INSERTs of `rows` into `target` ("table (columns)"), in order. With `returning`, the
 * first returned column of every inserted row. `wrap` turns a column's parameter into an SQL
 * expression (by column index), e.g. to_tsvector of it.
 */
export async function insertRows(
  tx: SqlQueryable, target: string, rows: unknown[][], returning = "", wrap: Record<number, (param: string) => string> = {},
): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const params: unknown[] = [];
    const tuples = batch.map((row) => `(${row.map((v, col) => {
      params.push(v);
      return wrap[col]?.(`$${params.length}`) ?? `$${params.length}`;
    }).join(", ")})`);
    const r = await tx.query<Record<string, unknown>>(`INSERT INTO ${target} VALUES ${tuples.join(", ")} ${returning}`, params);
    if (returning) for (const row of r.rows) out.push(Object.values(row)[0]);
  }
  return out;
}
