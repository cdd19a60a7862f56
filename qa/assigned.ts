/**
 * "What is X assigned [in P]": answered from the assignment table, every task cited by its verbatim
 * quote. With an organisation, tasks are grouped by its role; without one ("what is due in 8/2025"),
 * each task is listed once with all its bodies.
 */
import { fold, nameKey } from "../core/text.js";
import type { Role } from "../core/types.js";
import type { AssignmentFilter, Store, StoredAssignment } from "../store/types.js";
import { citation } from "./cite.js";
import { wordShare } from "./retrieve.js";
import { dueInPeriod, periodFilter } from "./task-query.js";
import type { Scope } from "./scope.js";
import type { Answer, AskOptions } from "./types.js";
import type { Understanding } from "./understand.js";
import { describeAssigned, describeDue, describeNothing } from "./wording.js";

export const ROLE_ORDER: Role[] = ["lead", "coordinate", "execute"];

export async function answerAssigned(u: Understanding, scope: Scope, store: Store, opts: AskOptions): Promise<Answer> {
  const records = await findTasks(u, scope, store);
  const byOrg = u.orgs.length > 0;
  // Without an organisation, one entry per task: its records share a quote.
  const entries = byOrg ? records.map((t) => [t]) : groupByQuote(records);
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? 10;
  const page = entries.slice(offset, offset + limit);
  const base = { question: u.question, language: u.language, kind: u.kind } as const;
  if (page.length === 0) {
    return { ...base, answer: describeNothing(u, offset > 0), found: false, citations: [], more: false };
  }
  const more = offset + limit < entries.length;
  const nextOffset = offset + page.length;
  const cite = (t: StoredAssignment) =>
    citation({ name: t.docName, meta: t.docMeta }, t.sectionLabel, t.quote, { start: t.quoteStart, end: t.quoteEnd, pages: t.docPages });
  if (!byOrg) {
    return { ...base, answer: describeDue(u, page, entries.length, offset), found: true, citations: page.map((e) => cite(e[0]!)), more, nextOffset };
  }
  const tasks = page.flat();
  const groups = ROLE_ORDER.map((role) => ({ role, tasks: tasks.filter((t) => t.role === role) })).filter((g) => g.tasks.length > 0);
  return {
    ...base,
    answer: describeAssigned(u, groups, entries.length, offset),
    found: true,
    citations: groups.flatMap((g) => g.tasks).map(cite),
    groups,
    more,
    nextOffset,
  };
}

/** All records matching the question, each (body, role, task) once, in the order answers show them. */
export async function findTasks(u: Understanding, scope: Scope, store: Store): Promise<StoredAssignment[]> {
  if (scope.docIds && scope.docIds.length === 0) return [];
  const filter: AssignmentFilter = {};
  const orgIds = [...new Set(u.orgs.map((m) => m.org.id))];
  if (orgIds.length > 0) filter.orgIds = orgIds;
  if (scope.docIds) filter.docIds = scope.docIds;
  if (u.period) Object.assign(filter, periodFilter(u.period));
  if (!filter.orgIds && !u.unknownOrg && !u.period && !filter.docIds) return [];
  let tasks = await store.findAssignments(filter);
  tasks = tasks.filter((t) => dueInPeriod(t, u.period));
  if (u.unknownOrg && !filter.orgIds) {
    // A body the registry does not know is matched by its name as the text writes it.
    const key = nameKey(u.unknownOrg);
    tasks = tasks.filter((t) => nameKey(t.org).includes(key) || nameKey(t.orgText).includes(key));
  }
  const matter = u.topic.length >= 2 ? u.topic : u.subject;
  if (matter.length >= 2) tasks = onMatter(tasks, matter);
  const seen = new Set<string>();
  tasks = tasks.filter((t) => {
    const key = `${t.orgId ?? t.org}|${t.role}|${fold(t.task).slice(0, 160)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return tasks.sort(answerOrder);
}

/**
 * Role first (Chủ trì, Phối hợp, Thực hiện), then the documents that assign before the news that
 * reports them, then the earliest deadline, then the order of the text.
 */
function answerOrder(a: StoredAssignment, b: StoredAssignment): number {
  return ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)
    || Number(a.docMeta.kind === "news") - Number(b.docMeta.kind === "news")
    || (a.deadline?.due ?? "9999").localeCompare(b.deadline?.due ?? "9999")
    || a.docId - b.docId
    || a.quoteStart - b.quoteStart;
}

/**
 * "Bộ Tài chính được giao gì về dự trữ quốc gia", "... sau buổi làm việc với tỉnh Đắk Lắk": the matter
 * or occasion a question names beside the body narrows its list to the tasks that hold most of its
 * words, in the task's own text or in its document's title and number (where an occasion is named).
 * None may: the caller then searches the passages instead.
 */
function onMatter(tasks: StoredAssignment[], matter: string[]): StoredAssignment[] {
  return tasks.filter((t) => wordShare(matter, `${t.quote} ${t.docMeta.title ?? ""} ${t.docMeta.number ?? ""}`) >= 0.5);
}

/** Records sharing a quote are one task; the task takes the place of its best-placed record. */
function groupByQuote(records: StoredAssignment[]): StoredAssignment[][] {
  const groups = new Map<string, StoredAssignment[]>();
  for (const t of [...records].sort((a, b) => answerOrder({ ...a, role: "lead" }, { ...b, role: "lead" }))) {
    const key = `${t.docId}:${t.quoteStart}:${t.quoteEnd}`;
    const g = groups.get(key);
    if (g) g.push(t);
    else groups.set(key, [t]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)));
}
