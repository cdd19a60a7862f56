/** Assignment queries: every filter runs in SQL with one prepared statement. */
import type { Database, Statement } from "better-sqlite3";
import { containsPattern } from "../keys.js";
import { toStoredAssignments, type AssignmentRow } from "../rows.js";
import type { AssignmentFilter, StoredAssignment } from "../types.js";

export class AssignmentQueries {
  private readonly find: Statement;

  constructor(db: Database) {
    // Organisation ids and free text are alternatives (a body may be stored under its id or, when the
    // registry missed it, as written), so they are OR-ed; every other filter narrows.
    this.find = db.prepare(`
      SELECT a.id, a.doc_id, d.name AS doc_name, d.meta AS doc_meta, d.pages AS doc_pages, s.label AS section_label,
        a.org_id, a.org, a.org_text, a.role, a.coordinators, a.task, a.deadline, a.period, a.section,
        a.quote_start, a.quote_end, a.quote
      FROM assignments a JOIN documents d ON d.id = a.doc_id
      LEFT JOIN sections s ON s.doc_id = a.doc_id AND s.idx = a.section
      WHERE (
          (@orgIds IS NULL AND @orgText IS NULL)
          OR a.org_id IN (SELECT value FROM json_each(@orgIds))
          OR a.org_folded LIKE @orgText ESCAPE '\\'
        )
        AND (@roles IS NULL OR a.role IN (SELECT value FROM json_each(@roles)))
        AND (@docIds IS NULL OR a.doc_id IN (SELECT value FROM json_each(@docIds)))
        AND (@ovStart IS NULL OR (a.range_end >= @ovStart AND (a.range_start IS NULL OR a.range_start <= @ovEnd)))
        AND (@dueBefore IS NULL OR a.due <= @dueBefore)
        AND (@dueAfter IS NULL OR a.due >= @dueAfter)
      ORDER BY d.date IS NULL, d.date DESC, a.doc_id DESC, a.section, a.quote_start, a.id
      LIMIT @limit`);
  }

  /**
   * Tasks matching every given filter (orgIds/orgText: either), newest document first, then in document
   * order. `overlaps` keeps tasks whose [range_start, range_end] meets the interval; a task without an
   * end date (ongoing, recurring, undated) never matches it.
   */
  findAssignments(filter: AssignmentFilter): StoredAssignment[] {
    const json = (v: unknown[] | undefined) => (v ? JSON.stringify(v) : null);
    const rows = this.find.all({
      orgIds: json(filter.orgIds),
      orgText: filter.orgText?.trim() ? containsPattern(filter.orgText) : null,
      roles: json(filter.roles),
      docIds: json(filter.docIds),
      ovStart: filter.overlaps?.start ?? null,
      ovEnd: filter.overlaps?.end ?? null,
      dueBefore: filter.dueBefore ?? null,
      dueAfter: filter.dueAfter ?? null,
      limit: filter.limit ?? -1,
    }) as AssignmentRow[];
    return toStoredAssignments(rows);
  }
}
