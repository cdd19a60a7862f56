/**
 * "New assignments" alerts: when a document that assigns tasks to a followed organisation is ingested
 * (new or updated), each following chat gets one message listing those tasks, the same day. Alerts go
 * through the delivery ledger under the key "#new:<docId>:<hash>", so a document version alerts a chat once
 * even when the upload handler and the scheduler's sweep (which catches CLI ingests made by another
 * process) both see it. The key starts with "#" so that it sorts below every slot ("2026-...") and never
 * becomes a subscription's lastSlot.
 */
import { vnDate } from "../core/time.js";
import type { IngestSummary } from "../ingest/types.js";
import type { DocumentSummary, StoredAssignment, Subscription } from "../store/types.js";
import { renderAlert } from "../present/digest.js";
import { chatMayReceive, sendClaimed, type DeliveryDeps, type DeliveryOutcome } from "./deliver.js";

/** The ledger key of a document version's alert. */
export function alertKey(doc: Pick<DocumentSummary, "id" | "hash">): string {
  return `#new:${doc.id}:${doc.hash.slice(0, 16)}`;
}

/**
 * Alerts the chats that follow an organisation given tasks by a document the ingest added or changed.
 * Never throws: a failure is logged (an upload must not fail because an alert did).
 */
export async function notifyNewAssignments(summary: IngestSummary, deps: DeliveryDeps): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  for (const f of summary.files) {
    if ((f.status !== "new" && f.status !== "updated") || f.docId === undefined) continue;
    try {
      const doc = await deps.store.getDocument(f.docId);
      if (doc) outcomes.push(...(await alertDocument(deps, doc)));
    } catch (err) {
      deps.logger.error({ docId: f.docId, err: err instanceof Error ? err.message : String(err) }, "new-assignment alert failed");
    }
  }
  return outcomes;
}

/**
 * Sends the alert for one document to every chat that follows one of its organisations (or follows all),
 * unless the chat subscribed at or after the moment the document arrived, is paused, or no longer has access.
 */
export async function alertDocument(deps: DeliveryDeps, doc: DocumentSummary): Promise<DeliveryOutcome[]> {
  const tasks = await deps.store.findAssignments({ docIds: [doc.id] });
  if (tasks.length === 0) return [];
  const byChat = new Map<number, Subscription[]>();
  for (const sub of await deps.store.listSubscriptions()) {
    if (sub.paused || sub.createdAt >= doc.ingestedAt) continue;
    byChat.set(sub.chatId, [...(byChat.get(sub.chatId) ?? []), sub]);
  }
  const key = alertKey(doc);
  const today = vnDate(deps.now());
  const outcomes: DeliveryOutcome[] = [];
  for (const [chatId, subs] of byChat) {
    const relevant = relevantTasks(tasks, subs);
    if (relevant.length === 0 || !(await chatMayReceive(deps, chatId))) continue;
    // One alert per chat, recorded on the chat's first relevant subscription.
    const owner = subs.find((s) => relevantTasks(tasks, [s]).length > 0)!;
    if (!(await deps.store.claimDelivery(owner.id, key))) {
      outcomes.push({ subscriptionId: owner.id, chatId, slot: key, status: "taken", tasks: 0 });
      continue;
    }
    outcomes.push(await sendClaimed(deps, owner, key, renderAlert(doc, relevant, today), relevant.length));
  }
  return outcomes;
}

/** The document's tasks for the organisations the subscriptions follow (all of them for follow-all). */
function relevantTasks(tasks: StoredAssignment[], subs: Subscription[]): StoredAssignment[] {
  if (subs.some((s) => s.orgIds.length === 0)) return tasks;
  const ids = new Set(subs.flatMap((s) => s.orgIds));
  return tasks.filter((t) => t.orgId !== null && ids.has(t.orgId));
}

/**
 * Alerts for documents ingested today (Vietnam date) that this sweep has not handled yet: how documents
 * added by the CLI or another process reach subscribers. `seen` remembers handled versions between sweeps.
 */
export async function sweepNewDocuments(deps: DeliveryDeps, seen: Set<string>, at: Date = deps.now()): Promise<DeliveryOutcome[]> {
  const today = vnDate(at);
  const outcomes: DeliveryOutcome[] = [];
  for (const doc of await deps.store.listDocuments()) {
    const key = alertKey(doc);
    if (seen.has(key) || vnDate(new Date(doc.ingestedAt)) !== today || doc.assignments === 0) continue;
    seen.add(key);
    try {
      outcomes.push(...(await alertDocument(deps, doc)));
    } catch (err) {
      deps.logger.error({ docId: doc.id, err: err instanceof Error ? err.message : String(err) }, "new-assignment sweep failed");
    }
  }
  return outcomes;
}
