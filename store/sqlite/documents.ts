/**
 * Documents and everything derived from them (sections, chunks, FTS rows, assignments), in SQL only.
 * The vector index is the caller's business: save and remove return the chunk ids they created or dropped.
 */
import type { Database, Statement } from "better-sqlite3";
import type { DocumentDraft, DocumentMeta } from "../../core/types.js";
import { fold } from "../../core/text.js";
import { StoreError } from "../../core/errors.js";
import type { DocumentSummary, SaveStatus, StoredDocument, StoredSection } from "../types.js";
import { fileNameKey, fileStemKey, numberKey, numberLead, orgFolded } from "../keys.js";
import { NEWEST_FIRST, rollUpAssignments, SUMMARY, toSummary, type SummaryRow } from "../rows.js";


export interface SaveResult {
  id: number;
  status: SaveStatus;
  /** Ids of the new chunk rows, in `draft.chunks` order. */
  chunkIds: number[];
  /** Ids of the chunk rows the save replaced. */
  replacedChunkIds: number[];
}

export class DocumentTable {
  private readonly byPath: Statement;
  private readonly idByPath: Statement;
  private readonly byId: Statement;
  private readonly all: Statement;
  private readonly byRef: Statement;
  private readonly text: Statement;
  private readonly chunkIdsOf: Statement;
  private readonly insertDoc: Statement;
  private readonly updateDoc: Statement;
  private readonly deleteDoc: Statement;
  private readonly deleteChildren: Statement[];
  private readonly insertSection: Statement;
  private readonly insertChunk: Statement;
  private readonly insertFts: Statement;
  private readonly insertAssignment: Statement;
  private readonly sectionRows: Statement;
  private readonly sectionCounts: Statement;
  private readonly saveTx: (draft: DocumentDraft) => SaveResult;
  private readonly removeTx: (id: number) => number[];

  constructor(db: Database, private readonly now: () => Date) {
    this.byPath = db.prepare(`${SUMMARY} WHERE d.path = ?`);
    this.idByPath = db.prepare("SELECT id FROM documents WHERE path = ?").pluck();
    this.byId = db.prepare(`${SUMMARY} WHERE d.id = ?`);
    this.all = db.prepare(`${SUMMARY} ${NEWEST_FIRST}`);
    this.byRef = db.prepare(`${SUMMARY}
      WHERE d.name_key = @name OR d.stem_key = @name OR d.number_key = @number OR d.number_lead = @lead
      ${NEWEST_FIRST}`);
    this.text = db.prepare("SELECT text, pages FROM documents WHERE id = ?");
    this.chunkIdsOf = db.prepare("SELECT id FROM chunks WHERE doc_id = ? ORDER BY id").pluck();
    const docColumns = `name = @name, hash = @hash, format = @format, text = @text, meta = @meta, kind = @kind,
      number = @number, date = @date, title = @title, period_start = @period_start, period_end = @period_end,
      name_key = @name_key, stem_key = @stem_key, number_key = @number_key, number_lead = @number_lead,
      ingested_at = @ingested_at, pages = @pages`;
    this.insertDoc = db.prepare(`INSERT INTO documents (path, name, hash, format, text, meta, kind, number, date,
      title, period_start, period_end, name_key, stem_key, number_key, number_lead, ingested_at, pages)
      VALUES (@path, @name, @hash, @format, @text, @meta, @kind, @number, @date, @title, @period_start,
      @period_end, @name_key, @stem_key, @number_key, @number_lead, @ingested_at, @pages)`);
    this.updateDoc = db.prepare(`UPDATE documents SET ${docColumns} WHERE id = @id`);
    this.deleteDoc = db.prepare("DELETE FROM documents WHERE id = ?");
    this.deleteChildren = ["chunks", "sections", "assignments"].map((t) =>
      db.prepare(`DELETE FROM ${t} WHERE doc_id = ?`));
    this.insertSection = db.prepare(`INSERT INTO sections (doc_id, idx, parent, depth, marker, label, heading,
      start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertChunk = db.prepare(
      "INSERT INTO chunks (doc_id, section, start, end, text, context) VALUES (?, ?, ?, ?, ?, ?)");
    this.insertFts = db.prepare("INSERT INTO chunks_fts (rowid, raw, folded) VALUES (?, ?, ?)");
    this.insertAssignment = db.prepare(`INSERT INTO assignments (doc_id, org_id, org, org_text, org_folded, role,
      coordinators, task, deadline, deadline_text, deadline_kind, due, range_start, range_end, period, section,
      quote_start, quote_end, quote) VALUES (@doc_id, @org_id, @org, @org_text, @org_folded, @role,
      @coordinators, @task, @deadline, @deadline_text, @deadline_kind, @due, @range_start, @range_end, @period,
      @section, @quote_start, @quote_end, @quote)`);
    this.sectionRows = db.prepare(`SELECT idx, parent, depth, marker, label, heading, start, end FROM sections
      WHERE doc_id = ? ORDER BY idx`);
    this.sectionCounts = db.prepare(
      "SELECT section, count(*) AS n FROM assignments WHERE doc_id = ? GROUP BY section");
    this.saveTx = db.transaction((draft: DocumentDraft) => this.write(draft));
    this.removeTx = db.transaction((id: number) => {
      const ids = this.chunkIdsOf.all(id) as number[];
      this.deleteDoc.run(id);
      return ids;
    });
  }

  getByPath(path: string): DocumentSummary | undefined {
    const row = this.byPath.get(path) as SummaryRow | undefined;
    return row && toSummary(row);
  }

  get(id: number): StoredDocument | undefined {
    const row = this.byId.get(id) as SummaryRow | undefined;
    if (!row) return undefined;
    const { text, pages } = this.text.get(id) as { text: string; pages: string | null };
    return { ...toSummary(row), text, ...(pages !== null ? { pages: JSON.parse(pages) as number[] } : {}) };
  }

  list(): DocumentSummary[] {
    return (this.all.all() as SummaryRow[]).map(toSummary);
  }

  /**
   * By file name (with or without extension), by number ("229-KL/TW", case/diacritics/punctuation-
   * insensitive) or by a bare leading number ("229" finds 229-KL/TW and 229/TB-VPCP), newest first.
   * A bare integer that matches no name or number is taken as a document id; "#12" is always an id.
   */
  find(ref: string): DocumentSummary[] {
    const r = ref.trim();
    if (!r) return [];
    const explicitId = /^(?:#|id:)\s*(\d+)$/i.exec(r);
    if (explicitId) return this.byIdList(Number(explicitId[1]));
    const rows = this.byRef.all({
      name: fileNameKey(r),
      number: numberKey(r) || null,
      lead: /^\d+$/.test(r) ? numberLead(r) : null,
    }) as SummaryRow[];
    if (rows.length === 0 && /^\d+$/.test(r)) return this.byIdList(Number(r));
    return rows.map(toSummary);
  }

  /** Sections in document order, each with the number of assignments in it or below it. */
  sections(docId: number): StoredSection[] {
    const rows = this.sectionRows.all(docId) as Array<Omit<StoredSection, "docId" | "assignments" | "index"> & { idx: number }>;
    const own = new Map<number, number>();
    for (const c of this.sectionCounts.all(docId) as Array<{ section: number; n: number }>) own.set(c.section, c.n);
    const out: StoredSection[] = rows.map(({ idx, ...s }) => ({ ...s, index: idx, docId, assignments: own.get(idx) ?? 0 }));
    return rollUpAssignments(out);
  }

  /** Writes the draft in one transaction, replacing the rows of a document with the same path. */
  save(draft: DocumentDraft): SaveResult {
    return this.saveTx(draft);
  }

  /** Deletes the document (children cascade); returns the ids of its chunks, [] when it did not exist. */
  remove(id: number): number[] {
    return this.removeTx(id);
  }

  private byIdList(id: number): DocumentSummary[] {
    const row = this.byId.get(id) as SummaryRow | undefined;
    return row ? [toSummary(row)] : [];
  }

  private write(draft: DocumentDraft): SaveResult {
    const meta: DocumentMeta = draft.meta;
    const values = {
      path: draft.path, name: draft.name, hash: draft.hash, format: draft.format, text: draft.text,
      meta: JSON.stringify(meta), kind: meta.kind, number: meta.number ?? null, date: meta.date ?? null,
      title: meta.title ?? null, period_start: meta.period?.start ?? null, period_end: meta.period?.end ?? null,
      name_key: fileNameKey(draft.name), stem_key: fileStemKey(draft.name),
      number_key: meta.number ? numberKey(meta.number) || null : null,
      number_lead: meta.number ? numberLead(meta.number) : null,
      ingested_at: this.now().toISOString(),
      pages: draft.pages ? JSON.stringify(draft.pages) : null,
    };
    const existing = this.idByPath.get(draft.path) as number | undefined;
    let id: number;
    let replacedChunkIds: number[] = [];
    if (existing !== undefined) {
      id = existing;
      replacedChunkIds = this.chunkIdsOf.all(id) as number[];
      for (const del of this.deleteChildren) del.run(id);
      this.updateDoc.run({ ...values, id });
    } else {
      id = Number(this.insertDoc.run(values).lastInsertRowid);
    }
    for (const s of draft.sections) {
      this.insertSection.run(id, s.index, s.parent, s.depth, s.marker, s.label, s.heading, s.start, s.end);
    }
    const chunkIds: number[] = [];
    for (const c of draft.chunks) {
      const chunkId = Number(this.insertChunk.run(id, c.section, c.start, c.end, c.text, c.context).lastInsertRowid);
      this.insertFts.run(chunkId, c.text, fold(c.text));
      chunkIds.push(chunkId);
    }
    for (const a of draft.assignments) {
      if (a.quoteStart < 0 || a.quoteEnd > draft.text.length || a.quoteStart > a.quoteEnd) {
        throw new StoreError("bad_offsets", `Assignment quote [${a.quoteStart}, ${a.quoteEnd}) lies outside ${draft.name}.`);
      }
      this.insertAssignment.run({
        doc_id: id, org_id: a.orgId, org: a.org, org_text: a.orgText, org_folded: orgFolded(a.org, a.orgText),
        role: a.role, coordinators: JSON.stringify(a.coordinators), task: a.task,
        deadline: a.deadline ? JSON.stringify(a.deadline) : null, deadline_text: a.deadline?.text ?? null,
        deadline_kind: a.deadline?.kind ?? null, due: a.deadline?.due ?? null,
        range_start: a.period?.start ?? a.deadline?.start ?? null, range_end: a.period?.end ?? a.deadline?.due ?? null,
        period: a.period ? JSON.stringify(a.period) : null, section: a.section,
        quote_start: a.quoteStart, quote_end: a.quoteEnd, quote: draft.text.slice(a.quoteStart, a.quoteEnd),
      });
    }
    return { id, status: existing !== undefined ? "updated" : "new", chunkIds, replacedChunkIds };
  }
}
