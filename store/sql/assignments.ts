/** Assignment queries, one SQL text for both stores: every filter runs in SQL. */
import { containsPattern } from "../keys.js";
import { toStoredAssignments, type AssignmentRow } from "../rows.js";
import type { AssignmentFilter, StoredAssignment } from "../types.js";
import type { Query } from "./query.js";

export function assignmentQueries(q: Query): (filter: AssignmentFilter) => Promise<StoredAssignment[]> {
  const t = q.typed;
  const select = `
    SELECT a.id, a.doc_id, d.name AS doc_name, d.meta AS doc_meta, d.pages AS doc_pages, s.label AS section_label,
      a.org_id, a.org, a.org_text, a.role, a.coordinators, a.task, a.deadline, a.period, a.section,
      a.quote_start, a.quote_end, a.quote
    FROM assignments a JOIN documents d ON d.id = a.doc_id
    LEFT JOIN sections s ON s.doc_id = a.doc_id AND s.idx = a.section`;
  const order = "ORDER BY d.date IS NULL, d.date DESC, a.doc_id DESC, a.section, a.quote_start, a.id";

  /**
   * Tasks matching every given filter (orgIds/orgText: either), newest document first, then in document
   * order. `overlaps` keeps tasks whose [range_start, range_end] meets the interval; a task without an
   * end date (ongoing, recurring, undated) never matches it. A negative `limit` is no limit.
   *
   * Only the filters given are written into the SQL (a handful of texts, each prepared once): a
   * `? IS NULL OR ...` term for an absent one kept SQLite from using an index, so naming a body scanned
   * every task (13 ms at a command's first question, its pages read for the first time; 2 ms after).
   */
  return async (filter) => {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, ...values: unknown[]): void => {
      where.push(sql);
      params.push(...values);
    };
    // Organisation ids and free text are alternatives (a body may be stored under its id or, when the
    // registry missed it, as written), so they are OR-ed; every other filter narrows.
    const orgText = filter.orgText?.trim() ? containsPattern(filter.orgText) : undefined;
    const byId = filter.orgIds ? q.inList("a.org_id", "text") : undefined;
    const byText = orgText !== undefined ? `a.org_folded LIKE ${t("text")}` : undefined;
    if (byId && byText) add(`(${byId} OR ${byText})`, filter.orgIds, orgText);
    else if (byId) add(byId, filter.orgIds);
    else if (byText) add(byText, orgText);
    if (filter.roles) add(q.inList("a.role", "text"), filter.roles);
    if (filter.docIds) add(q.inList("a.doc_id", "bigint"), filter.docIds);
    const ov = filter.overlaps;
    if (ov?.start !== undefined) add(`a.range_end >= ${t("text")} AND (a.range_start IS NULL OR a.range_start <= ${t("text")})`, ov.start, ov.end);
    if (filter.dueBefore !== undefined) add(`a.due <= ${t("text")}`, filter.dueBefore);
    if (filter.dueAfter !== undefined) add(`a.due >= ${t("text")}`, filter.dueAfter);
    const limited = filter.limit !== undefined && filter.limit >= 0;
    if (limited) params.push(filter.limit);
    const sql = `${select}${where.length ? `\n    WHERE ${where.join("\n      AND ")}` : ""}\n    ${order}${limited ? " LIMIT ?" : ""}`;
    return toStoredAssignments(await q.all<AssignmentRow>(sql, params));
  };
}
