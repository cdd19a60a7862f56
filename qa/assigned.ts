/**
 * "What is X assigned [in P]": answered from the assignment table, grouped by role, every task cited by
 * its verbatim quote.
 */
import { fold } from "../core/text.js";
import type { Role } from "../core/types.js";
import type { AssignmentFilter, Store, StoredAssignment } from "../store/types.js";
import { citation } from "./cite.js";
import { describeAssigned, describeNothing } from "./wording.js";
import { periodFilter } from "./task-query.js";
import type { Scope } from "./scope.js";
import type { Answer, AskOptions } from "./types.js";
import type { Understanding } from "./understand.js";

const ROLE_ORDER: Role[] = ["lead", "coordinate", "execute"];

export async function answerAssigned(u: Understanding, scope: Scope, store: Store, opts: AskOptions): Promise<Answer> {
  const tasks = await findTasks(u, scope, store);
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? 10;
  const page = tasks.slice(offset, offset + limit);
  const base = { question: u.question, language: u.language, kind: u.kind } as const;
  if (page.length === 0) {
    return { ...base, answer: describeNothing(u, offset > 0), found: false, citations: [], more: false };
  }
  const groups = ROLE_ORDER.map((role) => ({ role, tasks: page.filter((t) => t.role === role) })).filter((g) => g.tasks.length > 0);
  const ordered = groups.flatMap((g) => g.tasks);
  return {
    ...base,
    answer: describeAssigned(u, groups, tasks.length, offset),
    found: true,
    citations: ordered.map((t) => citation({ name: t.docName, meta: t.docMeta }, t.sectionLabel, t.quote)),
    groups,
    more: offset + limit < tasks.length,
  };
}

/** All tasks matching the question, in role order, each (body, task) once. */
export async function findTasks(u: Understanding, scope: Scope, store: Store): Promise<StoredAssignment[]> {
  if (scope.docIds && scope.docIds.length === 0) return [];
  const filter: AssignmentFilter = {};
  const orgIds = [...new Set(u.orgs.map((m) => m.org.id))];
  if (orgIds.length > 0) filter.orgIds = orgIds;
  if (scope.docIds) filter.docIds = scope.docIds;
  if (u.period) Object.assign(filter, periodFilter(u.period));
  if (u.askedRole && u.kind === "who") filter.roles = [u.askedRole];
  let tasks = await store.findAssignments(filter);
  if (u.period?.kind === "range" && u.period.end) tasks = tasks.filter((t) => dueWithin(t, u.period!.start, u.period!.end!));
  const seen = new Set<string>();
  tasks = tasks.filter((t) => {
    const key = `${t.orgId ?? t.org}|${t.role}|${fold(t.task).slice(0, 160)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return ROLE_ORDER.flatMap((r) => tasks.filter((t) => t.role === r));
}

/**
 * A task belongs to a period when it is due in it: its deadline, or else the end of the period it was
 * set for, falls inside. A task for all of 2026 is not "a task of Q2/2026".
 */
function dueWithin(t: StoredAssignment, start: string | undefined, end: string): boolean {
  const due = t.deadline?.due ?? t.period?.end;
  if (!due) return false;
  return due <= end && (!start || due >= start);
}
