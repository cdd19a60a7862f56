/**
 * What both SQL stores (SQLite and PostgreSQL) write and read the same way: a draft's rows (the mapping
 * from drafts to columns), the document summary query, and the mapping of rows to the store's types.
 * PostgreSQL returns BIGINT columns as strings, hence Number().
 */
import { StoreError } from "../core/errors.js";
import type { AssignmentDraft, Deadline, DocumentDraft, DocumentMeta, Period, Role } from "../core/types.js";
import { fileNameKey, fileStemKey, numberKey, numberLead, orgFolded } from "./keys.js";
import type { DocumentSummary, SaveStatus, StoredAssignment, StoredSection } from "./types.js";

/** What a document writer did: the document's id, and the chunk rows it wrote and replaced. */
export interface SaveResult {
  id: number;
  status: SaveStatus;
  /** Ids of the new chunk rows, in `draft.chunks` order. */
  chunkIds: number[];
  /** Ids of the chunk rows the save replaced. */
  replacedChunkIds: number[];
}

/** The columns of a document row, in `documentValues` order (`path` first: the key of a re-save). */
export const DOCUMENT_COLUMNS = [
  "path", "name", "hash", "format", "text", "meta", "kind", "number", "date", "title", "period_start", "period_end",
  "name_key", "stem_key", "number_key", "number_lead", "ingested_at", "pages",
] as const;

export function documentValues(draft: DocumentDraft, stamp: string): unknown[] {
  const meta: DocumentMeta = draft.meta;
  return [
    draft.path, draft.name, draft.hash, draft.format, draft.text, JSON.stringify(meta), meta.kind,
    meta.number ?? null, meta.date ?? null, meta.title ?? null, meta.period?.start ?? null, meta.period?.end ?? null,
    fileNameKey(draft.name), fileStemKey(draft.name), meta.number ? numberKey(meta.number) || null : null,
    meta.number ? numberLead(meta.number) : null, stamp, draft.pages ? JSON.stringify(draft.pages) : null,
  ];
}

/** The columns of an assignment row, in `assignmentValues` order. */
export const ASSIGNMENT_COLUMNS = [
  "doc_id", "org_id", "org", "org_text", "org_folded", "role", "coordinators", "task", "deadline", "deadline_text",
  "deadline_kind", "due", "range_start", "range_end", "period", "section", "quote_start", "quote_end", "quote",
] as const;

export function assignmentValues(docId: number, draft: DocumentDraft, a: AssignmentDraft): unknown[] {
  return [
    docId, a.orgId, a.org, a.orgText, orgFolded(a.org, a.orgText), a.role, JSON.stringify(a.coordinators), a.task,
    a.deadline ? JSON.stringify(a.deadline) : null, a.deadline?.text ?? null, a.deadline?.kind ?? null,
    a.deadline?.due ?? null, a.period?.start ?? a.deadline?.start ?? null, a.period?.end ?? a.deadline?.due ?? null,
    a.period ? JSON.stringify(a.period) : null, a.section, a.quoteStart, a.quoteEnd, draft.text.slice(a.quoteStart, a.quoteEnd),
  ];
}

/** Throws unless every assignment's quote lies inside the document's text. */
export function checkQuoteOffsets(draft: DocumentDraft): void {
  for (const a of draft.assignments) {
    if (a.quoteStart < 0 || a.quoteEnd > draft.text.length || a.quoteStart > a.quoteEnd) {
      throw new StoreError("bad_offsets", `Assignment quote [${a.quoteStart}, ${a.quoteEnd}) lies outside ${draft.name}.`);
    }
  }
}

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
