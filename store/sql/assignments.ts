/** Assignment queries, one SQL text for both stores: every filter runs in SQL. */
import { containsPattern } from "../keys.js";
import { toStoredAssignments, type AssignmentRow } from "../rows.js";
import type { AssignmentFilter, StoredAssignment } from "../types.js";
import type { Query } from "./query.js";

export function assignmentQueries(q: Query): (filter: AssignmentFilter) => Promise<StoredAssignment[]> {
  const t = q.typed;
  // Organisation ids and free text are alternatives (a body may be stored under its id or, when the
  // registry missed it, as written), so they are OR-ed; every other filter narrows.
  const find = `
    SELECT a.id, a.doc_id, d.name AS doc_name, d.meta AS doc_meta, d.pages AS doc_pages, s.label AS section_label,
      a.org_id, a.org, a.org_text, a.role, a.coordinators, a.task, a.deadline, a.period, a.section,
      a.quote_start, a.quote_end, a.quote
    FROM assignments a JOIN documents d ON d.id = a.doc_id
    LEFT JOIN sections s ON s.doc_id = a.doc_id AND s.idx = a.section
    WHERE (
        (${t("text[]")} IS NULL AND ${t("text")} IS NULL)
        OR ${q.inList("a.org_id", "text")}
        OR a.org_folded LIKE ${t("text")} ESCAPE '\\'
      )
      AND (${t("text[]")} IS NULL OR ${q.inList("a.role", "text")})
      AND (${t("bigint[]")} IS NULL OR ${q.inList("a.doc_id", "bigint")})
      AND (${t("text")} IS NULL OR (a.range_end >= ${t("text")} AND (a.range_start IS NULL OR a.range_start <= ${t("text")})))
      AND (${t("text")} IS NULL OR a.due <= ${t("text")})
      AND (${t("text")} IS NULL OR a.due >= ${t("text")})
    ORDER BY d.date IS NULL, d.date DESC, a.doc_id DESC, a.section, a.quote_start, a.id`;

  /**
   * Tasks matching every given filter (orgIds/orgText: either), newest document first, then in document
   * order. `overlaps` keeps tasks whose [range_start, range_end] meets the interval; a task without an
   * end date (ongoing, recurring, undated) never matches it. A negative `limit` is no limit.
   */
  return async (filter) => {
    const orgIds = filter.orgIds ?? null;
    const orgText = filter.orgText?.trim() ? containsPattern(filter.orgText) : null;
    const roles = filter.roles ?? null;
    const docIds = filter.docIds ?? null;
    const ov = filter.overlaps;
    const before = filter.dueBefore ?? null;
    const after = filter.dueAfter ?? null;
    const limited = filter.limit !== undefined && filter.limit >= 0;
    const rows = await q.all<AssignmentRow>(limited ? `${find} LIMIT ?` : find, [
      orgIds, orgText, orgIds, orgText, roles, roles, docIds, docIds,
      ov?.start ?? null, ov?.start ?? null, ov?.end ?? null, before, before, after, after,
      ...(limited ? [filter.limit] : []),
    ]);
    return toStoredAssignments(rows);
  };
}
