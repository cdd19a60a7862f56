/**
 * Task-list filters. `resolveTaskQuery` turns what `nhiemvu tasks` is given (an organisation, a period,
 * a document, a role, due dates) into an AssignmentFilter. The period rules are shared by every task list
 * (the CLI, answering in qa/assigned.ts, the bot's /tiendo): `periodFilter` narrows the store's query and
 * `dueInPeriod` decides which of its rows belong to the period.
 */
import { AnswerError } from "../core/errors.js";
import { issuerProvince, predecessorsOf, recordIds, successorOf, type Org, type OrgRegistry } from "../core/orgs.js";
import { parsePeriod } from "../core/periods.js";
import { fold } from "../core/text.js";
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
  /** Keeps the named body's own records of those the filter finds (see bodyRecords). */
  keep: (t: StoredAssignment) => boolean;
}

/**
 * The records of the named bodies: the ids the store is asked for, and the test that keeps a body's
 * own. A provincial department is also written unplaced in its province's documents ("Sở Y tế" in a
 * plan of UBND tỉnh Đắk Lắk), and only there is that record its (core/orgs.ts recordIds). A body formed
 * by a merger also has its predecessors' records (core/orgs.ts predecessorsOf): "Bộ Khoa học và Công
 * nghệ" gets the task an earlier copy of a plan gave "Bộ Thông tin và Truyền thông".
 */
export function bodyRecords(orgs: readonly Org[], registry: OrgRegistry): { orgIds: string[]; keep: (t: StoredAssignment) => boolean } {
  orgs = orgs.flatMap((o) => [o, ...predecessorsOf(registry, o)]);
  const orgIds = [...new Set(orgs.flatMap((o) => (o.unplaced ? [o.id, o.unplaced] : [o.id])))];
  const keep = (t: StoredAssignment) => orgs.length === 0
    || orgs.some((o) => o.id === t.orgId || recordIds(o, issuerProvince(registry, t.docMeta.issuer)).includes(t.orgId ?? ""));
  return { orgIds, keep };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function resolveTaskQuery(
  q: TaskQuery,
  deps: { store: Store; registry: OrgRegistry; now: () => Date },
): Promise<ResolvedTaskQuery> {
  const filter: AssignmentFilter = {};
  let org: Org | undefined;
  let period: Period | undefined;
  let keep: ResolvedTaskQuery["keep"] = () => true;
  if (q.assignee) {
    org = deps.registry.resolve(q.assignee);
    if (org) ({ orgIds: filter.orgIds, keep } = bodyRecords([org], deps.registry));
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
    // One number can name documents of several issuers (74/2025/QĐ-UBND of two provinces): as `show`
    // does, ask for one of them rather than list their tasks as one document's.
    if (docs.length > 1) {
      throw new AnswerError("doc_ambiguous", `"${q.doc}" matches ${docs.length} documents: ${docs.map((d) => d.name).join(", ")}; give its file name or id`);
    }
    filter.docIds = docs.map((d) => d.id);
  }
  for (const [key, value] of [["dueBefore", q.dueBefore], ["dueAfter", q.dueAfter]] as const) {
    if (value === undefined) continue;
    if (!ISO_DATE.test(value)) throw new AnswerError("bad_date", `${value} is not a date; use YYYY-MM-DD`);
    filter[key] = value;
  }
  return { filter, org, period, keep };
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

/**
 * What a task list counts, the same in answers, `nhiemvu tasks` and the bot: one record per body, role and
 * wording. The same task copied into several documents (an appendix ingested three times, a plan and the
 * report that repeats it) counts once, also when a later copy names the body that took over after a
 * merger (`successor`: core/orgs.ts successorOf); the first record in the given order stays.
 */
export function distinctTasks(records: StoredAssignment[], successor: (id: string) => string = (id) => id): StoredAssignment[] {
  const seen = new Set<string>();
  return records.filter((t) => {
    const key = `${t.orgId ? successor(t.orgId) : t.org}|${t.role}|${fold(t.task).slice(0, 160)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Records sharing one quote are one task with several bodies (the lead and its coordinators): one entry
 * each, in the order of each task's first record, its bodies lead first.
 */
export function tasksByQuote(records: StoredAssignment[]): StoredAssignment[][] {
  const groups = new Map<string, StoredAssignment[]>();
  for (const t of records) {
    // The words too: records of one quote always share them, and a quote never holds two tasks by accident.
    const key = `${t.docId}:${t.quoteStart}:${t.quoteEnd}:${fold(t.task).slice(0, 160)}`;
    const g = groups.get(key);
    if (g) g.push(t);
    else groups.set(key, [t]);
  }
  const order: Role[] = ["lead", "coordinate", "execute"];
  return [...groups.values()].map((g) => g.sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role)));
}

/**
 * The entries of a task list: for one body, each of its tasks; for no body, each task once with all its
 * bodies. Their number is the count every list states.
 */
export function taskEntries(records: StoredAssignment[], byBody: boolean, registry?: OrgRegistry): StoredAssignment[][] {
  const distinct = distinctTasks(records, registry ? (id) => successorOf(registry, id) : undefined);
  return byBody ? distinct.map((t) => [t]) : tasksByQuote(distinct);
}
