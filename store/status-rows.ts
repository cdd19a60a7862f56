/**
 * Status rows as both stores keep them (the same column names in SQLite and PostgreSQL), and the one rule
 * for what a change makes of a status.
 */
import type { Reporter, StatusChange, StatusHistoryEntry, TaskState, TaskStatus } from "../core/status.js";
import { vnDate } from "../core/time.js";

export interface StatusRow {
  key: string; doc_name: string; section_label: string; org_key: string; state: string; done_on: string | null;
  note: string | null; evidence: string | null; needs_review: number; updated_by: string; updated_at: string;
}
export interface HistoryRow {
  key: string; from_state: string | null; to_state: string; by_who: string; at: string; note: string | null;
  evidence: string | null; done_on: string | null;
}
export interface ReporterRow { org_key: string; user_id: number; granted_by: number | null; granted_at: string }

export function toStatus(r: StatusRow): TaskStatus {
  return {
    key: r.key, docName: r.doc_name, sectionLabel: r.section_label, orgKey: r.org_key, state: r.state as TaskState,
    doneOn: r.done_on ?? undefined, note: r.note ?? undefined, evidence: r.evidence ? JSON.parse(r.evidence) : undefined,
    needsReview: !!r.needs_review, updatedBy: r.updated_by, updatedAt: r.updated_at,
  };
}

export function toHistory(r: HistoryRow): StatusHistoryEntry {
  return {
    key: r.key, from: (r.from_state as TaskState | null) ?? null, to: r.to_state as TaskState, by: r.by_who, at: r.at,
    note: r.note ?? undefined, evidence: r.evidence ? JSON.parse(r.evidence) : undefined, doneOn: r.done_on ?? undefined,
  };
}

export function toReporter(r: ReporterRow): Reporter {
  return { orgKey: r.org_key, userId: Number(r.user_id), grantedBy: r.granted_by === null ? undefined : Number(r.granted_by), grantedAt: r.granted_at };
}

/** The status after a change: a note alone keeps the state; "done" keeps its date unless given one. */
export function nextStatus(key: string, change: StatusChange, before: TaskStatus | undefined, now: Date): TaskStatus {
  const at = now.toISOString();
  const state = change.to ?? before?.state ?? "todo";
  const doneOn = state === "done" ? change.doneOn ?? (before?.state === "done" ? before.doneOn : undefined) ?? vnDate(now) : undefined;
  return {
    key, docName: change.identity.docName, sectionLabel: change.identity.sectionLabel, orgKey: change.identity.orgKey,
    state, doneOn, note: change.note ?? (change.to === undefined || change.to === before?.state ? before?.note : undefined),
    evidence: change.evidence ?? (change.to === undefined || change.to === before?.state ? before?.evidence : undefined),
    needsReview: false, updatedBy: change.by, updatedAt: at,
  };
}

export function statusParams(st: TaskStatus) {
  return {
    key: st.key, doc_name: st.docName, section_label: st.sectionLabel, org_key: st.orgKey, state: st.state,
    done_on: st.doneOn ?? null, note: st.note ?? null, evidence: st.evidence ? JSON.stringify(st.evidence) : null,
    needs_review: st.needsReview ? 1 : 0, updated_by: st.updatedBy, updated_at: st.updatedAt,
  };
}

export function historyParams(h: StatusHistoryEntry) {
  return {
    key: h.key, from_state: h.from, to_state: h.to, by_who: h.by, at: h.at, note: h.note ?? null,
    evidence: h.evidence ? JSON.stringify(h.evidence) : null, done_on: h.doneOn ?? null,
  };
}
