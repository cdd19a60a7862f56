/**
 * What a digest holds: tasks overdue (within the look-back), then tasks due within the look-ahead, for the
 * organisations a subscription follows; done tasks left out. How it reads is present/digest.ts.
 */
import type { Config } from "../core/config.js";
import type { OrgRegistry } from "../core/orgs.js";
import { addDays, isoWeekday, vnDate } from "../core/time.js";
import { identityOf, taskKey } from "../core/status.js";
import type { AssignmentStore, StatusStore, StoredAssignment, Subscription } from "../store/types.js";
import { followedNames, renderDigest } from "../present/digest.js";
import { digestStatusKeyboard } from "../present/status.js";
import type { InlineKeyboardMarkup } from "grammy/types";
import { bodyRecords } from "../qa/task-query.js";
import { WEEKDAY_NAMES } from "./slots.js";

/** A store that may know task statuses: done tasks are then left out of digests and /hanchot. */
export type DueTaskStore = AssignmentStore & Partial<Pick<StatusStore, "getTaskStatuses">>;

export interface DigestDeps {
  store: DueTaskStore;
  registry: OrgRegistry;
  config: Config;
}

export interface Digest {
  /** Vietnam date the digest is computed for. */
  today: string;
  /** First and last due dates covered (look-back start, look-ahead end). */
  from: string;
  until: string;
  overdue: StoredAssignment[];
  upcoming: StoredAssignment[];
  /** HTML items, ready for splitMessages; empty when there is nothing to report. */
  items: string[];
  /** Status buttons for the first listed tasks (present/status.ts), under the last message. */
  keyboard?: InlineKeyboardMarkup;
}

/** The subscription fields a digest depends on. */
export type DigestTarget = Pick<Subscription, "orgIds" | "lookaheadDays">;

/**
 * Builds the digest for `target` at instant `at`: due dates from today minus config.digest.lookbackDays to
 * today plus the subscription's look-ahead, all in Vietnam dates. Tasks without a due date are not listed.
 */
export async function buildDigest(deps: DigestDeps, target: DigestTarget, at: Date): Promise<Digest> {
  const due = await findDueTasks(deps.store, { ...target, lookbackDays: deps.config.digest.lookbackDays }, at, deps.registry);
  const { today, until, overdue, upcoming } = due;
  const digest: Digest = { ...due, items: [] };
  if (overdue.length + upcoming.length === 0) return digest;

  const { items, listed } = renderDigest({
    today, weekday: WEEKDAY_NAMES[isoWeekday(today)] ?? "", followed: followedNames(deps.registry, target.orgIds),
    lookbackDays: deps.config.digest.lookbackDays, lookaheadDays: target.lookaheadDays, until, overdue, upcoming,
  });
  digest.items = items;
  digest.keyboard = digestStatusKeyboard(listed);
  return digest;
}

export type DueTasks = Omit<Digest, "items">;

/**
 * Tasks due from `lookbackDays` before today to `lookaheadDays` after it (Vietnam dates), split into
 * overdue and upcoming, each by due date; tasks marked done are left out. Shared by digests and /hanchot.
 * With the registry, a followed provincial department also gets its province's unplaced records
 * (qa/task-query.ts bodyRecords), as answers and `tasks` count them.
 */
export async function findDueTasks(
  store: DueTaskStore,
  window: { orgIds: string[]; lookbackDays: number; lookaheadDays: number },
  at: Date,
  registry?: OrgRegistry,
): Promise<DueTasks> {
  const today = vnDate(at);
  const from = addDays(today, -window.lookbackDays);
  const until = addDays(today, window.lookaheadDays);
  const orgs = registry ? window.orgIds.flatMap((id) => registry.get(id) ?? []) : [];
  const bodies = registry && orgs.length === window.orgIds.length ? bodyRecords(orgs, registry) : { orgIds: window.orgIds, keep: () => true };
  const found = await store.findAssignments({
    orgIds: bodies.orgIds.length ? bodies.orgIds : undefined, dueAfter: from, dueBefore: until,
  });
  let dated = found.filter((t) => t.deadline?.due && bodies.keep(t)).sort(byDue);
  if (store.getTaskStatuses && dated.length) {
    const statuses = await store.getTaskStatuses(dated.map((t) => taskKey(identityOf(t))));
    dated = dated.filter((t) => statuses.get(taskKey(identityOf(t)))?.state !== "done");
  }
  return {
    today, from, until,
    overdue: dated.filter((t) => t.deadline!.due! < today),
    upcoming: dated.filter((t) => t.deadline!.due! >= today),
  };
}

function byDue(a: StoredAssignment, b: StoredAssignment): number {
  return (a.deadline?.due ?? "").localeCompare(b.deadline?.due ?? "") || a.docId - b.docId || a.quoteStart - b.quoteStart;
}
