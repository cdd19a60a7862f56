/**
 * Task-list filters. `resolveTaskQuery` turns what `nhiemvu tasks` is given (an organisation, a period,
 * a document, a role, due dates) into an AssignmentFilter. The period rules are shared by every task list
 * (the CLI, answering in qa/assigned.ts, the bot's /tiendo): `periodFilter` narrows the store's query and
 * `dueInPeriod` decides which of its rows belong to the period.
 */
import { AnswerError } from "../core/errors.js";
import type { Org, OrgRegistry } from "../core/orgs.js";
import { parsePeriod } from "../core/periods.js";
import type { Period, Role } from "../core/types.js";
import type { AssignmentFilter, Store, StoredAssignment } from "../store/types.js";

export interface TaskQuery {
  assignee?: string;
  period?: string;
  role?: Role;
  doc?: string;
  dueBefore?: string;
  dueAfter?: string;
}

export interface ResolvedTaskQuery {
  filter: AssignmentFilter;
  org?: Org;
  period?: Period;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function resolveTaskQuery(
  q: TaskQuery,
  deps: { store: Store; registry: OrgRegistry; now: () => Date },
): Promise<ResolvedTaskQuery> {
  const filter: AssignmentFilter = {};
  let org: Org | undefined;
  let period: Period | undefined;
  if (q.assignee) {
    org = deps.registry.resolve(q.assignee);
    if (org) filter.orgIds = [org.id];
    else filter.orgText = q.assignee;
  }
  if (q.period) {
    period = parsePeriod(q.period, { now: deps.now() });
    if (!period) throw new AnswerError("unknown_period", `Cannot read "${q.period}" as a period (try Q2/2026, quý II/2026, 8/2025, 2026)`);
    Object.assign(filter, periodFilter(period));
  }
  if (q.role) filter.roles = [q.role];
  if (q.doc) {
    const docs = await deps.store.findDocuments(q.doc);
    if (docs.length === 0) throw new AnswerError("doc_not_found", `No stored document matches "${q.doc}"`);
    filter.docIds = docs.map((d) => d.id);
  }
  for (const [key, value] of [["dueBefore", q.dueBefore], ["dueAfter", q.dueAfter]] as const) {
    if (value === undefined) continue;
    if (!ISO_DATE.test(value)) throw new AnswerError("bad_date", `${value} is not a date; use YYYY-MM-DD`);
    filter[key] = value;
  }
  return { filter, org, period };
}

/**
 * A task belongs to a period when it is due in it: its deadline, or else the end of the period it was
 * set for, falls inside. A task for all of 2026 is not "a task of Q2/2026". (The store's overlap filter
 * narrows the rows first; this decides.)
 */
export function dueInPeriod(t: StoredAssignment, period: Period | undefined): boolean {
  if (period?.kind !== "range" || !period.end) return true;
  const due = t.deadline?.due ?? t.period?.end;
  if (!due) return false;
  return due <= period.end && (!period.start || due >= period.start);
}

/** The filter part for a period: overlap for ranges, nothing usable for ongoing/recurring. */
export function periodFilter(period: Period): Pick<AssignmentFilter, "overlaps" | "dueBefore"> {
  if (period.kind !== "range" || !period.end) return {};
  if (!period.start) return { dueBefore: period.end };
  return { overlaps: { start: period.start, end: period.end } };
}
