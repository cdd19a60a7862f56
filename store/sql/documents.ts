/**
 * Documents as both stores read them, one SQL text: summaries, lookups by name or number, the text with
 * its page map, sections with their task counts, and a document read back as the draft it was saved
 * from (PortableStore). Writing a document is each store's own (store/sqlite/documents.ts,
 * store/pg/documents.ts): SQLite writes in a synchronous transaction, PostgreSQL in batches, each with
 * its full-text rows.
 */
import type { ChunkDraft, DocumentDraft, DocumentMeta, Section } from "../../core/types.js";
import { fileNameKey, numberKey, numberLead } from "../keys.js";
import {
  NEWEST_FIRST, rollUpAssignments, SUMMARY, toAssignmentDraft, toSummary, type AssignmentDraftRow, type SummaryRow,
} from "../rows.js";
import type { DocumentStore, PortableStore, StoredSection } from "../types.js";
import type { Query } from "./query.js";

type DocumentReads = Pick<DocumentStore, "getDocumentByPath" | "listDocuments" | "findDocuments" | "getDocument" | "getSections">;

interface SectionRow { idx: number; parent: number | null; depth: number; marker: string; label: string; heading: string; start: number; end: number }

/** Offsets of sections and chunks as `start` and `end`: PostgreSQL's columns are start_at/end_at (END is reserved). */
function span(q: Query): string {
  return q.dialect === "postgres" ? `start_at AS start, end_at AS "end"` : `start, "end"`;
}

function toSection({ idx, ...s }: SectionRow): Section {
  return { index: idx, ...s };
}

export function documentReads(q: Query): DocumentReads {
  const sectionsOf = `SELECT idx, parent, depth, marker, label, heading, ${span(q)} FROM sections WHERE doc_id = ? ORDER BY idx`;
  const byId = async (id: number) =>
    Number.isSafeInteger(id) ? (await q.all<SummaryRow>(`${SUMMARY} WHERE d.id = ?`, [id])).map(toSummary) : [];
  return {
    async getDocumentByPath(path) {
      const [row] = await q.all<SummaryRow>(`${SUMMARY} WHERE d.path = ?`, [path]);
      return row && toSummary(row);
    },

    async getDocument(id) {
      const [row] = await q.all<SummaryRow & { text: string; pages: string | null }>(
        `SELECT s.*, t.text, t.pages FROM (${SUMMARY} WHERE d.id = ?) s, (SELECT text, pages FROM documents WHERE id = ?) t`, [id, id]);
      return row && { ...toSummary(row), text: row.text, ...(row.pages !== null ? { pages: JSON.parse(row.pages) as number[] } : {}) };
    },

    async listDocuments() {
      return (await q.all<SummaryRow>(`${SUMMARY} ${NEWEST_FIRST}`)).map(toSummary);
    },

    /**
     * By file name (with or without extension), by number ("229-KL/TW", case/diacritics/punctuation-
     * insensitive) or by a bare leading number ("229" finds 229-KL/TW and 229/TB-VPCP), newest first.
     * A bare integer that matches no name or number is taken as a document id; "#12" is always an id.
     */
    async findDocuments(ref) {
      const r = ref.trim();
      if (!r) return [];
      const explicitId = /^(?:#|id:)\s*(\d+)$/i.exec(r);
      if (explicitId) return byId(Number(explicitId[1]));
      const name = fileNameKey(r);
      // "48/2013" (a number and its year) finds 48/2013/NĐ-CP.
      const dated = /^\d+\/\d{4}$/.test(r);
      const rows = await q.all<SummaryRow>(`${SUMMARY}
        WHERE d.name_key = ? OR d.stem_key = ? OR d.number_key = ? OR d.number_lead = ?
          OR (d.number_lead = ? AND d.number_key LIKE ?) ${NEWEST_FIRST}`,
      [name, name, numberKey(r) || null, /^\d+$/.test(r) ? numberLead(r) : null, dated ? numberLead(r) : null, dated ? `${numberKey(r)}%` : null]);
      if (rows.length === 0 && /^\d+$/.test(r)) return byId(Number(r));
      return rows.map(toSummary);
    },

    /** Sections in document order, each with the number of assignments in it or below it. */
    async getSections(docId) {
      const rows = await q.all<SectionRow>(sectionsOf, [docId]);
      const own = new Map<number, number>();
      const counts = await q.all<{ section: number; n: number | string }>(
        "SELECT section, count(*) AS n FROM assignments WHERE doc_id = ? GROUP BY section", [docId]);
      for (const c of counts) own.set(c.section, Number(c.n));
      const out: StoredSection[] = rows.map((s) => ({ ...toSection(s), docId, assignments: own.get(s.idx) ?? 0 }));
      return rollUpAssignments(out);
    },
  };
}

/**
 * A document as the draft it was saved from (rows in insertion order, read on one snapshot) with its
 * chunk vectors in chunk order, or none when any is missing. `vectorsOf` reads the store's vectors.
 */
export async function exportDocument(
  q: Query, id: number, vectorsOf: (chunkIds: number[]) => Promise<Array<Float32Array | undefined>>,
): ReturnType<PortableStore["exportDocument"]> {
  // One snapshot: a concurrent re-ingest must not give sections of one version and chunks of another.
  const read = await q.snapshot(async (s) => {
    const [doc] = await s.all<{ name: string; path: string; hash: string; format: DocumentDraft["format"]; text: string;
      meta: string; ingested_at: string; pages: string | null }>(
      "SELECT name, path, hash, format, text, meta, ingested_at, pages FROM documents WHERE id = ?", [id]);
    if (!doc) return undefined;
    const sections = await s.all<SectionRow>(`SELECT idx, parent, depth, marker, label, heading, ${span(s)}
      FROM sections WHERE doc_id = ? ORDER BY idx`, [id]);
    const chunks = await s.all<ChunkDraft & { id: number }>(
      `SELECT id, section, ${span(s)}, text, context FROM chunks WHERE doc_id = ? ORDER BY id`, [id]);
    const assignments = await s.all<AssignmentDraftRow>(`SELECT org_id, org, org_text, role, coordinators, task, deadline,
      period, section, quote_start, quote_end FROM assignments WHERE doc_id = ? ORDER BY id`, [id]);
    return { doc, sections, chunks, assignments };
  });
  if (!read) return undefined;
  const { doc } = read;
  const draft: DocumentDraft = {
    name: doc.name, path: doc.path, hash: doc.hash, format: doc.format, text: doc.text,
    meta: JSON.parse(doc.meta) as DocumentMeta,
    sections: read.sections.map(toSection),
    chunks: read.chunks.map(({ id: _id, ...c }): ChunkDraft => c),
    assignments: read.assignments.map(toAssignmentDraft),
    ...(doc.pages !== null ? { pages: JSON.parse(doc.pages) as number[] } : {}),
  };
  const vectors = await vectorsOf(read.chunks.map((c) => Number(c.id)));
  const complete = vectors.every((v): v is Float32Array => v !== undefined);
  return { draft, ingestedAt: doc.ingested_at, vectors: complete ? vectors : [] };
}
