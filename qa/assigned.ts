/**
 * "What is X assigned [in P]": answered from the assignment table, every task cited by its verbatim
 * quote. With an organisation, tasks are grouped by its role; without one ("what is due in 8/2025"),
 * each task is listed once with all its bodies.
 */
import { successorOf, type OrgRegistry } from "../core/orgs.js";
import { compareIso } from "../core/time.js";
import type { Role } from "../core/types.js";
import type { AssignmentFilter, Store, StoredAssignment } from "../store/types.js";
import { citation } from "./cite.js";
import { POLICY } from "./policy.js";
import { namesPlace } from "./evidence.js";
import { termWeights, weightedWordShare } from "./retrieve.js";
import { bodyRecords, distinctTasks, dueInPeriod, periodFilter, tasksByQuote } from "./task-query.js";
import type { Scope } from "./scope.js";
import type { Answer, AskOptions, TaskListing } from "./types.js";
import type { Understanding } from "./understand.js";
import { describeAssigned, describeDue, describeNothing } from "./wording.js";

export const ROLE_ORDER: Role[] = ["lead", "coordinate", "execute"];

export async function answerAssigned(u: Understanding, scope: Scope, store: Store, registry: OrgRegistry, opts: AskOptions): Promise<Answer> {
  const records = await findTasks(u, scope, store, registry);
  const byOrg = u.orgs.length > 0;
  // Without an organisation, one entry per task: its records share a quote.
  const entries = byOrg ? records.map((t) => [t]) : tasksByQuote(withoutRoles(records, orderFor(u)));
  const offset = opts.offset ?? 0;
  const limit = opts.limit ?? 10;
  const page = entries.slice(offset, offset + limit);
  const base = { question: u.question, language: u.language, kind: u.kind } as const;
  if (page.length === 0) {
    return { ...base, answer: describeNothing(u, offset > 0), found: false, citations: [], more: false };
  }
  const more = offset + limit < entries.length;
  const nextOffset = offset + page.length;
  // The role asked narrowed the list when every task is in it (inRoleAsked): the `tasks` command says so too.
  const role = u.askedRole && records.every((t) => t.role === u.askedRole) ? u.askedRole : undefined;
  const listing = listingOf(u, entries.length, role);
  const cite = (t: StoredAssignment) =>
    citation({ id: t.docId, name: t.docName, meta: t.docMeta }, { label: t.sectionLabel, index: t.section }, t.quote, { start: t.quoteStart, end: t.quoteEnd, pages: t.docPages });
  if (!byOrg) {
    return { ...base, answer: describeDue(u, page, entries.length, offset), found: true, citations: page.map((e) => cite(e[0]!)), more, nextOffset, listing };
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
    listing,
  };
}

/** All records matching the question, each (body, role, task) once, in the order answers show them. */
export async function findTasks(u: Understanding, scope: Scope, store: Store, registry: OrgRegistry): Promise<StoredAssignment[]> {
  if (scope.docIds && scope.docIds.length === 0) return [];
  const filter: AssignmentFilter = {};
  const bodies = bodyRecords(u.orgs.map((m) => m.org), registry);
  if (bodies.orgIds.length > 0) filter.orgIds = bodies.orgIds;
  // A body the registry does not know is matched by its name as the text writes it (store/keys.ts orgFolded).
  else if (u.unknownOrg) filter.orgText = u.unknownOrg;
  if (scope.docIds) filter.docIds = scope.docIds;
  const asked = u.period;
  const matter = u.topic.length >= 2 ? u.topic : u.subject;
  // The period a plan covers, asked with its body and its matter ("Sở X chủ trì những việc gì trong Kế hoạch
  // ... giai đoạn 2026-2030?", "... Kế hoạch 310/KH-UBND phát triển hạ tầng 5G ... đến năm 2030?"), names the plan:
  // every task it gives the body is in it, one due in 12/2025 or undated as well, so the store is not asked to
  // bound the period then. Without a matter the period is a due window only.
  const namesPlan = !!asked?.end && matter.length >= 2 && !!(filter.orgIds || filter.docIds);
  const ofPlan = (t: StoredAssignment) => namesPlan && t.docMeta.period?.start === asked!.start && t.docMeta.period?.end === asked!.end;
  if (asked && !namesPlan) Object.assign(filter, periodFilter(asked));
  if (!filter.orgIds && !filter.orgText && !asked && !filter.docIds) return [];
  let tasks = await store.findAssignments(filter);
  // A province the question names as a place ("... tại buổi làm việc với lãnh đạo tỉnh Gia Lai") keeps the
  // tasks of its own documents and of texts of no province (qa/evidence.ts namesPlace).
  tasks = tasks.filter((t) => (dueInPeriod(t, asked) || ofPlan(t)) && bodies.keep(t) && namesPlace({ meta: t.docMeta, text: t.quote }, u.places, registry));
  if (matter.length >= 2) {
    const stats = await store.termFrequencies("folded", matter);
    // A word no stored text holds (an English word the glossary lacks: "electrical") tells no task apart.
    const held = matter.filter((w) => (stats.df.get(w) ?? 0) > 0);
    const words = held.length >= 2 ? held : matter;
    tasks = onMatter(tasks, words, u.pairs, termWeights(words, stats));
  }
  tasks = inRoleAsked(tasks, u.askedRole);
  return distinctTasks(tasks, (id) => successorOf(registry, id)).sort(orderFor(u));
}

type Order = (a: StoredAssignment, b: StoredAssignment) => number;

/**
 * "What must X finish before 5/12/2025" lists the tasks due nearest that date first, whatever their role:
 * oldest first would push the task due on the day asked past the first page. Other lists: answerOrder.
 */
function orderFor(u: Understanding): Order {
  const p = u.period;
  if (p?.kind !== "range" || !p.end || p.start) return answerOrder;
  return (a, b) => compareIso(b.deadline?.due ?? b.period?.end ?? "", a.deadline?.due ?? a.period?.end ?? "") || answerOrder(a, b);
}

/** Records in `order` with their role set aside (a task's place is its best-placed record's). */
function withoutRoles(records: StoredAssignment[], order: Order): StoredAssignment[] {
  return [...records].sort((a, b) => order({ ...a, role: "lead" }, { ...b, role: "lead" }));
}

/** How many tasks the list holds, and the `tasks` filters that show them all. */
function listingOf(u: Understanding, total: number, role: Role | undefined): TaskListing {
  const p = u.period;
  const before = p?.kind === "range" && p.end && !p.start ? p.end : undefined;
  return {
    total,
    assignee: u.orgs[0]?.org.name ?? u.unknownOrg,
    period: p && !before ? (p.label ?? p.text) : undefined,
    dueBefore: before,
    ...(role ? { role } : {}),
  };
}

/**
 * Role first (Chủ trì, Phối hợp, Thực hiện), then the documents that assign before the news that
 * reports them, then the earliest deadline, then the order of the text.
 */
function answerOrder(a: StoredAssignment, b: StoredAssignment): number {
  return ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role)
    || Number(a.docMeta.kind === "news") - Number(b.docMeta.kind === "news")
    || compareIso(a.deadline?.due ?? "9999", b.deadline?.due ?? "9999")
    || a.docId - b.docId
    || a.quoteStart - b.quoteStart;
}

/**
 * "Sở Nội vụ được giao chủ trì những nhiệm vụ nào": the tasks it leads, not those it joins (as `tasks --role
 * lead` lists them); "... phối hợp những việc gì": those it joins. A body with none in the role asked keeps
 * its list, each task under its role's heading.
 */
function inRoleAsked(tasks: StoredAssignment[], role: Role | undefined): StoredAssignment[] {
  const inRole = role ? tasks.filter((t) => t.role === role) : [];
  return inRole.length > 0 ? inRole : tasks;
}

/**
 * "Bộ Tài chính được giao gì về dự trữ quốc gia", "... sau buổi làm việc với tỉnh Đắk Lắk": the matter
 * or occasion a question names beside the body narrows its list to the tasks that hold most of its
 * words, in the task's own text or in its document's title and number (where an occasion is named), as
 * retrieval weighs them (by rarity, and a syllable counts fully only beside its question neighbour), and
 * that hold nearly as much of it as the best task does (qa/policy.ts `matterShare`, `matterMargin`).
 * None may: the caller then searches the passages instead.
 */
function onMatter(tasks: StoredAssignment[], matter: string[], pairs: string[], weights: Map<string, number>): StoredAssignment[] {
  const scored = tasks.map((t) => ({ t, share: weightedWordShare(matter, pairs, weights, `${t.quote} ${t.docMeta.title ?? ""} ${t.docMeta.number ?? ""}`) }));
  const best = Math.max(0, ...scored.map((x) => x.share));
  const bar = Math.max(POLICY.answering.matterShare, best - POLICY.answering.matterMargin);
  return scored.filter((x) => x.share >= bar).map((x) => x.t);
}
