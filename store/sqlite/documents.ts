/**
 * Writing documents on SQLite: a document and everything derived from it (sections, chunks, their FTS
 * rows, assignments) in one synchronous transaction, with the rows of store/rows.ts. Reads are
 * store/sql/documents.ts's. The vector index is the caller's business: save and remove return the chunk
 * ids they created or dropped.
 */
import type { Database } from "better-sqlite3";
import type { DocumentDraft } from "../../core/types.js";
import { chunkHead, columnTokens, pairTerms } from "../lexical.js";
import {
  ASSIGNMENT_COLUMNS, assignmentValues, checkQuoteOffsets, DOCUMENT_COLUMNS, documentValues, type SaveResult,
} from "../rows.js";

export interface SqliteDocumentWrites {
  /** Writes the draft in one transaction (nested in the caller's when there is one), replacing the rows of
   *  a document with the same path. */
  save(draft: DocumentDraft): SaveResult;
  /** Deletes the document (children cascade); returns the ids of its chunks, [] when it did not exist. */
  remove(id: number): number[];
}

const places = (n: number) => Array(n).fill("?").join(", ");

/**
 * The full-text row of a chunk (schema 7): its text as written and folded and the pair terms of each, then
 * the same four of its head (store/lexical.ts chunkHead), which BM25 weighs apart.
 */
export const INSERT_FTS = `INSERT INTO chunks_fts (rowid, raw, folded, raw_pairs, folded_pairs, head_raw, head_folded, head_raw_pairs,
  head_folded_pairs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/**
 * The values of INSERT_FTS after the rowid: the text's columns, then the head's (textColumns).
 */
export function ftsColumns(text: string, head: string): string[] {
  return [...textColumns(text), ...textColumns(head)];
}

/**
 * A text's four full-text columns: its tokens (store/lexical.ts, as PostgreSQL indexes them) as written
 * and folded, joined by spaces, so the pair terms are exactly the neighbours FTS5 sees, and those pair
 * terms. '_', which joins a pair term and is a token character of the index, is never inside a token.
 */
export function textColumns(text: string): [string, string, string, string] {
  const raw = columnTokens("raw", text);
  const folded = columnTokens("folded", text);
  return [raw.join(" "), folded.join(" "), pairTerms(raw).join(" "), pairTerms(folded).join(" ")];
}

export function sqliteDocumentWrites(db: Database, now: () => Date): SqliteDocumentWrites {
  const idByPath = db.prepare("SELECT id FROM documents WHERE path = ?").pluck();
  const chunkIdsOf = db.prepare("SELECT id FROM chunks WHERE doc_id = ? ORDER BY id").pluck();
  const insertDoc = db.prepare(`INSERT INTO documents (${DOCUMENT_COLUMNS.join(", ")}) VALUES (${places(DOCUMENT_COLUMNS.length)})`);
  const updateDoc = db.prepare(`UPDATE documents SET ${DOCUMENT_COLUMNS.slice(1).map((c) => `${c} = ?`).join(", ")} WHERE id = ?`);
  const deleteDoc = db.prepare("DELETE FROM documents WHERE id = ?");
  const deleteChildren = ["chunks", "sections", "assignments"].map((t) => db.prepare(`DELETE FROM ${t} WHERE doc_id = ?`));
  const insertSection = db.prepare(`INSERT INTO sections (doc_id, idx, parent, depth, marker, label, heading, start, end)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertChunk = db.prepare("INSERT INTO chunks (doc_id, section, start, end, text, context) VALUES (?, ?, ?, ?, ?, ?)");
  const insertFts = db.prepare(INSERT_FTS);
  const insertAssignment = db.prepare(`INSERT INTO assignments (${ASSIGNMENT_COLUMNS.join(", ")})
    VALUES (${places(ASSIGNMENT_COLUMNS.length)})`);

  const save = db.transaction((draft: DocumentDraft): SaveResult => {
    checkQuoteOffsets(draft);
    const values = documentValues(draft, now().toISOString());
    const existing = idByPath.get(draft.path) as number | undefined;
    let id: number;
    let replacedChunkIds: number[] = [];
    if (existing !== undefined) {
      id = existing;
      replacedChunkIds = chunkIdsOf.all(id) as number[];
      for (const del of deleteChildren) del.run(id);
      updateDoc.run(...values.slice(1), id);
    } else {
      id = Number(insertDoc.run(...values).lastInsertRowid);
    }
    for (const s of draft.sections) insertSection.run(id, s.index, s.parent, s.depth, s.marker, s.label, s.heading, s.start, s.end);
    const chunkIds: number[] = [];
    for (const c of draft.chunks) {
      const chunkId = Number(insertChunk.run(id, c.section, c.start, c.end, c.text, c.context).lastInsertRowid);
      insertFts.run(chunkId, ...ftsColumns(c.text, chunkHead(draft.meta, c.context)));
      chunkIds.push(chunkId);
    }
    for (const a of draft.assignments) insertAssignment.run(...assignmentValues(id, draft, a));
    return { id, status: existing !== undefined ? "updated" : "new", chunkIds, replacedChunkIds };
  });

  const remove = db.transaction((id: number): number[] => {
    const ids = chunkIdsOf.all(id) as number[];
    deleteDoc.run(id);
    return ids;
  });

  return { save, remove };
}
