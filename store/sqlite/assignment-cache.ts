/**
 * The tasks of a few documents, as `findAssignments({ docIds })` returns them, kept per document while the
 * database does not change. Who/when questions read every task of the documents their best passages
 * come from (qa/passages.ts): on issue 4's 426 documents that is up to 600 rows and 20-30 ms a question,
 * and the same documents recur from question to question.
 */
import type { Database, Statement } from "better-sqlite3";
import { changeStamp } from "./change-stamp.js";
import type { AssignmentFilter, StoredAssignment } from "../types.js";

/** Cached tasks are dropped past this many (a bound on memory, not a tuning). */
const CACHE_MAX_TASKS = 100_000;

export class DocumentTasksCache {
  private readonly byDoc = new Map<number, StoredAssignment[]>();
  private cachedTasks = 0;
  private stamp = "";
  private readonly version: () => string;
  private readonly docOrder: Statement;

  constructor(db: Database, private readonly findAssignments: (filter: AssignmentFilter) => Promise<StoredAssignment[]>) {
    this.version = changeStamp(db);
    // The document order of findAssignments (store/sql/assignments.ts): newest first, undated last, then by id.
    this.docOrder = db.prepare(`SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))
      ORDER BY date IS NULL, date DESC, id DESC`).pluck();
  }

  /** Whether `filter` names documents and nothing else, the one query this cache answers. */
  static handles(filter: AssignmentFilter): boolean {
    return filter.docIds !== undefined && Object.entries(filter).every(([k, v]) => k === "docIds" || v === undefined);
  }

  /** The same tasks, in the same order, as `findAssignments({ docIds })`; fresh objects each call. */
  async find(docIds: number[]): Promise<StoredAssignment[]> {
    const stamp = this.version();
    if (stamp !== this.stamp || this.cachedTasks > CACHE_MAX_TASKS) {
      this.byDoc.clear();
      this.cachedTasks = 0;
      this.stamp = stamp;
    }
    const order = this.docOrder.all(JSON.stringify([...new Set(docIds)])) as number[];
    // What is cached now, held before the read below lets another call in (it may clear the cache).
    const lists = new Map(order.flatMap((id) => (this.byDoc.has(id) ? [[id, this.byDoc.get(id)!] as const] : [])));
    const missing = order.filter((id) => !lists.has(id));
    if (missing.length > 0) {
      for (const id of missing) lists.set(id, []);
      for (const t of await this.findAssignments({ docIds: missing })) lists.get(t.docId)!.push(t);
      for (const id of missing) {
        if (this.byDoc.has(id)) continue;
        this.byDoc.set(id, lists.get(id)!);
        this.cachedTasks += lists.get(id)!.length;
      }
    }
    // Callers may keep or change what they get; the cached records stay as read.
    return order.flatMap((id) => lists.get(id)!.map(copy));
  }
}

function copy(t: StoredAssignment): StoredAssignment {
  // Shallow, like the rows the query maps (a document's meta object is shared by its tasks there too).
  return { ...t, coordinators: [...t.coordinators] };
}
