/**
 * Following a task to the end: its status (chưa thực hiện / đang thực hiện / đã hoàn thành), the history
 * of changes, the derived "quá hạn", and the stable identity that keeps a status when its document is
 * ingested again. Pure functions; the stores keep the rows and the bot and CLI talk to people.
 */
import { createRequire } from "node:module";
import { foldKey, squash } from "./text.js";
import type { DocumentDraft, Role, TaskState } from "./types.js";

export { TASK_STATES, type TaskState } from "./types.js";

/** How each state is written to users. */
export const STATE_LABELS: Record<TaskState, string> = {
  todo: "chưa thực hiện",
  doing: "đang thực hiện",
  done: "đã hoàn thành",
};
export const OVERDUE_LABEL = "quá hạn";

/** Where the proof of a change is: a document and its section, or a file (name as given). */
export interface StatusEvidence {
  doc?: string;
  section?: string;
  file?: string;
  /** A verbatim passage of `doc`, when the evidence is a later document's words. */
  quote?: string;
}

/** Who a task belongs to and where it is written: the parts of its stable identity. */
export interface TaskIdentity {
  docName: string;
  sectionLabel: string;
  /** The registry id, or "?" + the folded name for a body the registry does not know. */
  orgKey: string;
  task: string;
}

/** The status of one assignment (one body's part in one task), keyed by its stable identity. */
export interface TaskStatus {
  key: string;
  docName: string;
  sectionLabel: string;
  orgKey: string;
  state: TaskState;
  /** Vietnam date the task was done (state "done" only). */
  doneOn?: string;
  note?: string;
  evidence?: StatusEvidence;
  /** Set when the task's wording changed in a re-ingested document and the status was carried over. */
  needsReview: boolean;
  updatedBy: string;
  updatedAt: string;
}

/** One change, kept forever: who, when, from, to, and the note. */
export interface StatusHistoryEntry {
  key: string;
  from: TaskState | null;
  to: TaskState;
  by: string;
  at: string;
  note?: string;
  evidence?: StatusEvidence;
  doneOn?: string;
}

/** What a person asks for: a state (or only a note, keeping the state), by whom and why. */
export interface StatusChange {
  identity: TaskIdentity;
  /** Omitted: keep the current state (a note alone). */
  to?: TaskState;
  by: string;
  doneOn?: string;
  note?: string;
  evidence?: StatusEvidence;
}

/** A user an admin named as the one who reports on a body (`/phutrach`). */
export interface Reporter {
  orgKey: string;
  userId: number;
  grantedBy?: number;
  grantedAt: string;
}

/** Statuses, their history and the reporters, as export/import carries them. */
export interface StatusState {
  statuses: TaskStatus[];
  history: StatusHistoryEntry[];
  reporters: Reporter[];
}

/** The key of a body: its registry id, or its folded name. */
export function orgKeyOf(a: { orgId: string | null; org: string }): string {
  return a.orgId ?? `?${foldKey(a.org)}`;
}

/** The task's words as compared across versions of a document: folded (core/text.ts), punctuation dropped. */
export function normaliseTask(task: string): string {
  return foldKey(squash(task)).replace(/[.;,:]+$/, "").trim();
}

/** The stable identity as one string: document, section, body and the normalised task. */
export function taskKey(id: TaskIdentity): string {
  return [id.docName, id.sectionLabel, id.orgKey, normaliseTask(id.task)].join("\u241f");
}

/** node:crypto, loaded by the first digest rather than with this module, which every question loads (about 3 ms). */
const crypto = (): typeof import("node:crypto") => createRequire(import.meta.url)("node:crypto");

/** A short, URL-safe digest of a key: what a button's callback data carries (64 bytes at most). */
export function statusRef(key: string): string {
  return crypto().createHash("sha256").update(key).digest("base64url").slice(0, 12);
}

/** The identity of a stored assignment. */
export function identityOf(t: { docName: string; sectionLabel: string; orgId: string | null; org: string; task: string }): TaskIdentity {
  return { docName: t.docName, sectionLabel: t.sectionLabel, orgKey: orgKeyOf(t), task: t.task };
}

/** The identities of a draft's assignments, in draft order. */
export function draftIdentities(draft: DocumentDraft): TaskIdentity[] {
  return draft.assignments.map((a) => ({
    docName: draft.name, sectionLabel: draft.sections[a.section]?.label ?? "", orgKey: orgKeyOf(a), task: a.task,
  }));
}

/** The history line written when a status follows a reworded task. */
export const CARRIED_NOTE = "Nội dung nhiệm vụ đã thay đổi trong văn bản cập nhật; trạng thái được giữ lại, cần rà soát.";

/**
 * When a document is saved again: which stored statuses move to which new task. A status whose task is
 * still there (same key) stays; one whose task is gone moves to the task of the same document, section
 * and body that has no status yet and shares the most words with the old one, flagged for review.
 * Returns [fromKey, toKey] pairs.
 */
export function carryOver(stored: Array<Pick<TaskStatus, "key" | "sectionLabel" | "orgKey">>, incoming: TaskIdentity[]): Array<[string, string]> {
  const newKeys = new Map(incoming.map((i) => [taskKey(i), i]));
  const taken = new Set(stored.map((s) => s.key).filter((k) => newKeys.has(k)));
  const moves: Array<[string, string]> = [];
  for (const s of stored) {
    if (newKeys.has(s.key)) continue;
    const oldWords = new Set(s.key.split("\u241f").pop()!.split(" "));
    let best: { key: string; score: number } | undefined;
    for (const [key, i] of newKeys) {
      if (taken.has(key) || i.sectionLabel !== s.sectionLabel || i.orgKey !== s.orgKey) continue;
      const words = normaliseTask(i.task).split(" ");
      const score = words.filter((w) => oldWords.has(w)).length / Math.max(words.length, oldWords.size);
      if (!best || score > best.score) best = { key, score };
    }
    if (!best) continue;
    taken.add(best.key);
    moves.push([s.key, best.key]);
  }
  return moves;
}

/** A task's due date is past in Vietnam and it is not done: "quá hạn". */
export function isOverdue(due: string | undefined, status: Pick<TaskStatus, "state"> | undefined, today: string): boolean {
  return due !== undefined && due < today && status?.state !== "done";
}

/** Done after its due date. */
export function isDoneLate(due: string | undefined, status: Pick<TaskStatus, "state" | "doneOn"> | undefined): boolean {
  return status?.state === "done" && due !== undefined && status.doneOn !== undefined && status.doneOn > due;
}

/** "đã hoàn thành (12/5/2026)", "đang thực hiện — quá hạn" (plain text). */
export function statusText(status: TaskStatus | undefined, due: string | undefined, today: string, formatDate: (iso: string) => string): string {
  const state = status?.state ?? "todo";
  let s = STATE_LABELS[state];
  if (state === "done" && status?.doneOn) s += ` (${formatDate(status.doneOn)}${isDoneLate(due, status) ? ", trễ hạn" : ""})`;
  if (isOverdue(due, status, today)) s += ` — ${OVERDUE_LABEL}`;
  return s;
}

/** A task as progress counts it. */
export interface ProgressTask {
  org: string;
  orgKey: string;
  role: Role;
  due?: string;
  status?: TaskStatus;
}

export interface ProgressRow {
  orgKey: string;
  org: string;
  total: number;
  done: number;
  doneLate: number;
  overdue: number;
  /** done / total, 0..1 (0 when total is 0). */
  rate: number;
}

/** Totals per body (in order of first appearance), counting the tasks it leads or carries out. */
export function progressByOrg(tasks: ProgressTask[], today: string): ProgressRow[] {
  const rows = new Map<string, ProgressRow>();
  for (const t of tasks) {
    if (t.role === "coordinate") continue;
    const r = rows.get(t.orgKey) ?? { orgKey: t.orgKey, org: t.org, total: 0, done: 0, doneLate: 0, overdue: 0, rate: 0 };
    r.total++;
    if (t.status?.state === "done") r.done++;
    if (isDoneLate(t.due, t.status)) r.doneLate++;
    if (isOverdue(t.due, t.status, today)) r.overdue++;
    r.rate = r.done / r.total;
    rows.set(t.orgKey, r);
  }
  return [...rows.values()];
}

/** Who may change a task's status: an admin, or a user named as the reporter of the task's body. */
export function canChangeStatus(who: { admin: boolean; reporterOf: ReadonlySet<string> }, orgKey: string): boolean {
  return who.admin || who.reporterOf.has(orgKey);
}

/** The person behind a change, as history shows it: "telegram:123 (Chị Lan)", "cli:lan". */
export function actorLabel(channel: "telegram" | "cli", id: string | number, name?: string): string {
  return `${channel}:${id}${name ? ` (${name})` : ""}`;
}
