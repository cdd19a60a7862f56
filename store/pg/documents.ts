/**
 * Documents and everything derived from them (sections, chunks with their tsvectors, assignments), in
 * SQL only; the same rules as store/sqlite/documents.ts. Vectors are the caller's business: `save` and
 * `remove` return the chunk ids they created or dropped.
 */
import type { DocumentDraft, DocumentMeta } from "../../core/types.js";
import { StoreError } from "../../core/errors.js";
import type { DocumentSummary, SaveStatus, StoredDocument, StoredSection } from "../types.js";
import { fileNameKey, fileStemKey, numberKey, numberLead, orgFolded } from "../keys.js";
import { NEWEST_FIRST, rollUpAssignments, SUMMARY, toSummary, type SummaryRow } from "../rows.js";
import { columnTokens, tsvectorLiteral } from "./fts.js";
import type { SqlQueryable } from "./sql.js";

/** Rows per multi-row INSERT (well under the 65535 parameters of one statement). */
const BATCH = 500;

export interface SaveResult {
  id: number;
  status: SaveStatus;
  /** Ids of the new chunk rows, in `draft.chunks` order. */
  chunkIds: number[];
  /** Ids of the chunk rows the save replaced. */
  replacedChunkIds: number[];
}

export async function getByPath(q: SqlQueryable, path: string): Promise<DocumentSummary | undefined> {
  const r = await q.query<SummaryRow>(`${SUMMARY} WHERE d.path = $1`, [path]);
  return r.rows[0] && toSummary(r.rows[0]);
}

export async function getDocument(q: SqlQueryable, id: number): Promise<StoredDocument | undefined> {
  const r = await q.query<SummaryRow & { text: string; pages: string | null }>(
    `SELECT s.*, t.text, t.pages FROM (${SUMMARY} WHERE d.id = $1) s, (SELECT text, pages FROM documents WHERE id = $1) t`, [id]);
  const row = r.rows[0];
  return row && { ...toSummary(row), text: row.text, ...(row.pages !== null ? { pages: JSON.parse(row.pages) as number[] } : {}) };
}

export async function listDocuments(q: SqlQueryable): Promise<DocumentSummary[]> {
  return (await q.query<SummaryRow>(`${SUMMARY} ${NEWEST_FIRST}`)).rows.map(toSummary);
}

/** By file name, number or bare leading number, newest first; a bare integer matching nothing, or "#12", is an id. */
export async function findDocuments(q: SqlQueryable, ref: string): Promise<DocumentSummary[]> {
  const r = ref.trim();
  if (!r) return [];
  const byId = async (id: number) => {
    if (!Number.isSafeInteger(id)) return [];
    return (await q.query<SummaryRow>(`${SUMMARY} WHERE d.id = $1`, [id])).rows.map(toSummary);
  };
  const explicitId = /^(?:#|id:)\s*(\d+)$/i.exec(r);
  if (explicitId) return byId(Number(explicitId[1]));
  const rows = (await q.query<SummaryRow>(`${SUMMARY}
    WHERE d.name_key = $1 OR d.stem_key = $1 OR d.number_key = $2 OR d.number_lead = $3 ${NEWEST_FIRST}`,
  [fileNameKey(r), numberKey(r) || null, /^\d+$/.test(r) ? numberLead(r) : null])).rows;
  if (rows.length === 0 && /^\d+$/.test(r)) return byId(Number(r));
  return rows.map(toSummary);
}

/** Sections in document order, each with the number of assignments in it or below it. */
export async function getSections(q: SqlQueryable, docId: number): Promise<StoredSection[]> {
  const rows = (await q.query<{ idx: number; parent: number | null; depth: number; marker: string; label: string;
    heading: string; start_at: number; end_at: number }>(`SELECT idx, parent, depth, marker, label, heading, start_at,
    end_at FROM sections WHERE doc_id = $1 ORDER BY idx`, [docId])).rows;
  const own = new Map<number, number>();
  const counts = await q.query<{ section: number; n: number }>(
    "SELECT section, count(*) AS n FROM assignments WHERE doc_id = $1 GROUP BY section", [docId]);
  for (const c of counts.rows) own.set(c.section, Number(c.n));
  const out: StoredSection[] = rows.map((s) => ({
    index: s.idx, parent: s.parent, depth: s.depth, marker: s.marker, label: s.label, heading: s.heading,
    start: s.start_at, end: s.end_at, docId, assignments: own.get(s.idx) ?? 0,
  }));
  return rollUpAssignments(out);
}

/** Chunk ids of a document, ascending. */
export async function chunkIdsOf(q: SqlQueryable, docId: number): Promise<number[]> {
  return (await q.query<{ id: number }>("SELECT id FROM chunks WHERE doc_id = $1 ORDER BY id", [docId])).rows.map((r) => Number(r.id));
}

/** Writes the draft inside `tx`, replacing the rows of a document with the same path. */
export async function saveDocument(tx: SqlQueryable, draft: DocumentDraft, stamp: string): Promise<SaveResult> {
  for (const a of draft.assignments) {
    if (a.quoteStart < 0 || a.quoteEnd > draft.text.length || a.quoteStart > a.quoteEnd) {
      throw new StoreError("bad_offsets", `Assignment quote [${a.quoteStart}, ${a.quoteEnd}) lies outside ${draft.name}.`);
    }
  }
  const meta: DocumentMeta = draft.meta;
  const values = [
    draft.path, draft.name, draft.hash, draft.format, draft.text, JSON.stringify(meta), meta.kind,
    meta.number ?? null, meta.date ?? null, meta.title ?? null, meta.period?.start ?? null, meta.period?.end ?? null,
    fileNameKey(draft.name), fileStemKey(draft.name), meta.number ? numberKey(meta.number) || null : null,
    meta.number ? numberLead(meta.number) : null, stamp, draft.pages ? JSON.stringify(draft.pages) : null,
  ];
  // Lock the row of an existing path so two writers of the same file serialise.
  const existing = (await tx.query<{ id: number }>("SELECT id FROM documents WHERE path = $1 FOR UPDATE", [draft.path])).rows[0];
  let id: number;
  let replacedChunkIds: number[] = [];
  if (existing) {
    id = Number(existing.id);
    replacedChunkIds = await chunkIdsOf(tx, id);
    for (const t of ["chunks", "sections", "assignments"]) await tx.query(`DELETE FROM ${t} WHERE doc_id = $1`, [id]);
    await tx.query(`UPDATE documents SET name = $2, hash = $3, format = $4, text = $5, meta = $6, kind = $7, number = $8,
      date = $9, title = $10, period_start = $11, period_end = $12, name_key = $13, stem_key = $14, number_key = $15,
      number_lead = $16, ingested_at = $17, pages = $18 WHERE path = $1`, values);
  } else {
    const r = await tx.query<{ id: number }>(`INSERT INTO documents (path, name, hash, format, text, meta, kind, number,
      date, title, period_start, period_end, name_key, stem_key, number_key, number_lead, ingested_at, pages)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id`, values);
    id = Number(r.rows[0]!.id);
  }
  await insertRows(tx, "sections (doc_id, idx, parent, depth, marker, label, heading, start_at, end_at)",
    draft.sections.map((s) => [id, s.index, s.parent, s.depth, s.marker, s.label, s.heading, s.start, s.end]));
  const chunkIds = (await insertRows(tx,
    "chunks (doc_id, section, start_at, end_at, text, context, n_tokens, raw_tsv, folded_tsv)",
    draft.chunks.map((c) => {
      const raw = columnTokens("raw", c.text);
      return [id, c.section, c.start, c.end, c.text, c.context, raw.length, tsvectorLiteral(raw), raw.join(" ")];
    }),
    "RETURNING id", { 8: (p) => `to_tsvector('nhiemvu_folded', ${p})` })).map(Number).sort((a, b) => a - b); // nextval runs in row order: ascending = draft order
  await insertRows(tx, `assignments (doc_id, org_id, org, org_text, org_folded, role, coordinators, task, deadline,
    deadline_text, deadline_kind, due, range_start, range_end, period, section, quote_start, quote_end, quote)`,
  draft.assignments.map((a) => [id, a.orgId, a.org, a.orgText, orgFolded(a.org, a.orgText), a.role,
    JSON.stringify(a.coordinators), a.task, a.deadline ? JSON.stringify(a.deadline) : null, a.deadline?.text ?? null,
    a.deadline?.kind ?? null, a.deadline?.due ?? null, a.period?.start ?? a.deadline?.start ?? null,
    a.period?.end ?? a.deadline?.due ?? null, a.period ? JSON.stringify(a.period) : null, a.section,
    a.quoteStart, a.quoteEnd, draft.text.slice(a.quoteStart, a.quoteEnd)]));
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
