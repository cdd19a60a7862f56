/** Assignment queries: every filter runs in SQL, as in store/sqlite/assignments.ts. */
import { containsPattern } from "../keys.js";
import { toStoredAssignments, type AssignmentRow } from "../rows.js";
import type { AssignmentFilter, StoredAssignment } from "../types.js";
import type { SqlQueryable } from "./sql.js";

// Organisation ids and free text are alternatives (a body may be stored under its id or, when the
// registry missed it, as written), so they are OR-ed; every other filter narrows.
const FIND = `
  SELECT a.id, a.doc_id, d.name AS doc_name, d.meta AS doc_meta, d.pages AS doc_pages, s.label AS section_label,
    a.org_id, a.org, a.org_text, a.role, a.coordinators, a.task, a.deadline, a.period, a.section,
    a.quote_start, a.quote_end, a.quote
  FROM assignments a JOIN documents d ON d.id = a.doc_id
  LEFT JOIN sections s ON s.doc_id = a.doc_id AND s.idx = a.section
  WHERE (
      ($1::text[] IS NULL AND $2::text IS NULL)
      OR a.org_id = ANY($1::text[])
      OR a.org_folded LIKE $2::text ESCAPE '\\'
    )
    AND ($3::text[] IS NULL OR a.role = ANY($3::text[]))
    AND ($4::bigint[] IS NULL OR a.doc_id = ANY($4::bigint[]))
    AND ($5::text IS NULL OR (a.range_end >= $5::text AND (a.range_start IS NULL OR a.range_start <= $6::text)))
    AND ($7::text IS NULL OR a.due <= $7::text)
    AND ($8::text IS NULL OR a.due >= $8::text)
  ORDER BY d.date IS NULL, d.date DESC, a.doc_id DESC, a.section, a.quote_start, a.id
  LIMIT $9`;

/**
 * Tasks matching every given filter (orgIds/orgText: either), newest document first, then in document
 * order. `overlaps` keeps tasks whose [range_start, range_end] meets the interval; a task without an
 * end date (ongoing, recurring, undated) never matches it.
 */
export async function findAssignments(q: SqlQueryable, filter: AssignmentFilter): Promise<StoredAssignment[]> {
  const rows = (await q.query<AssignmentRow>(FIND, [
    filter.orgIds ?? null,
    filter.orgText?.trim() ? containsPattern(filter.orgText) : null,
    filter.roles ?? null,
    filter.docIds ?? null,
    filter.overlaps?.start ?? null,
    filter.overlaps?.end ?? null,
    filter.dueBefore ?? null,
    filter.dueAfter ?? null,
    filter.limit !== undefined && filter.limit >= 0 ? filter.limit : null,
  ])).rows;
  return toStoredAssignments(rows);
}
