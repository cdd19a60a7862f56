/**
 * What both SQL stores (SQLite and PostgreSQL) read the same way: the document summary query and the
 * mapping of rows to the store's types. PostgreSQL returns BIGINT columns as strings, hence Number().
 */
import type { AssignmentDraft, Deadline, DocumentDraft, DocumentMeta, Period, Role } from "../core/types.js";
import type { DocumentSummary, StoredAssignment, StoredSection } from "./types.js";

export interface SummaryRow {
  id: number; name: string; path: string; hash: string; format: DocumentDraft["format"]; meta: string;
  ingested_at: string; sections: number; chunks: number; assignments: number;
}

/** A document with its counts; append a WHERE clause and/or NEWEST_FIRST. */
export const SUMMARY = `
  SELECT d.id, d.name, d.path, d.hash, d.format, d.meta, d.ingested_at,
    (SELECT count(*) FROM sections s WHERE s.doc_id = d.id) AS sections,
    (SELECT count(*) FROM chunks c WHERE c.doc_id = d.id) AS chunks,
    (SELECT count(*) FROM assignments a WHERE a.doc_id = d.id) AS assignments
  FROM documents d`;
export const NEWEST_FIRST = "ORDER BY d.date IS NULL, d.date DESC, d.id";

export function toSummary(row: SummaryRow): DocumentSummary {
  return {
    id: Number(row.id), name: row.name, path: row.path, hash: row.hash, format: row.format,
    meta: JSON.parse(row.meta) as DocumentMeta,
    sections: Number(row.sections), chunks: Number(row.chunks), assignments: Number(row.assignments),
    ingestedAt: row.ingested_at,
  };
}

/** The columns of an assignment row that make its draft. */
export interface AssignmentDraftRow {
  org_id: string | null; org: string; org_text: string; role: Role; coordinators: string; task: string;
  deadline: string | null; period: string | null; section: number; quote_start: number; quote_end: number;
}

/** An assignment row joined with its document and section label. */
export interface AssignmentRow extends AssignmentDraftRow {
  id: number; doc_id: number; doc_name: string; doc_meta: string; doc_pages: string | null; section_label: string | null;
  quote: string;
}

export function toAssignmentDraft(r: AssignmentDraftRow): AssignmentDraft {
  const a: AssignmentDraft = {
    orgId: r.org_id, org: r.org, orgText: r.org_text, role: r.role, coordinators: JSON.parse(r.coordinators) as string[],
    task: r.task, section: r.section, quoteStart: r.quote_start, quoteEnd: r.quote_end,
  };
  if (r.deadline !== null) a.deadline = JSON.parse(r.deadline) as Deadline;
  if (r.period !== null) a.period = JSON.parse(r.period) as Period;
  return a;
}

/** Rows to StoredAssignments, parsing each document's metadata and page map once. */
export function toStoredAssignments(rows: AssignmentRow[]): StoredAssignment[] {
  const docs = new Map<number, { docMeta: DocumentMeta; docPages?: number[] }>();
  return rows.map((r) => {
    const docId = Number(r.doc_id);
    let doc = docs.get(docId);
    if (!doc) docs.set(docId, (doc = { docMeta: JSON.parse(r.doc_meta) as DocumentMeta, ...docPages(r.doc_pages) }));
    const { section, ...draft } = toAssignmentDraft(r);
    return {
      ...draft, id: Number(r.id), docId, docName: r.doc_name, ...doc, section,
      sectionLabel: r.section_label ?? "", quote: r.quote,
    };
  });
}

/** A stored page map (JSON, NULL for a document without pages) as the `docPages` of its rows. */
export function docPages(json: string | null): { docPages?: number[] } {
  return json === null ? {} : { docPages: JSON.parse(json) as number[] };
}

/** Adds each section's assignment count into its ancestors' (sections come parents first). */
export function rollUpAssignments(sections: StoredSection[]): StoredSection[] {
  const byIndex = new Map(sections.map((s) => [s.index, s]));
  // Parents come before children, so a reverse pass adds every subtree into its parent exactly once.
  for (let i = sections.length - 1; i >= 0; i--) {
    const s = sections[i]!;
    const parent = s.parent === null ? undefined : byIndex.get(s.parent);
    if (parent && parent !== s) parent.assignments += s.assignments;
  }
  return sections;
}
