/**
 * The tasks of a few documents, as `findAssignments({ docIds })` returns them, kept per document while the
 * database does not change. Who/when questions read every task of the documents their best passages
 * come from (qa/passages.ts): on issue 4's 426 documents that is up to 600 rows and 20-30 ms a question,
 * and the same documents recur from question to question.
 */
import type { Database, Statement } from "better-sqlite3";
import type { AssignmentFilter, StoredAssignment } from "../types.js";
import type { AssignmentQueries } from "./assignments.js";

/** Cached tasks are dropped past this many (a bound on memory, not a tuning). */
const CACHE_MAX_TASKS = 100_000;

export class DocumentTasksCache {
  private readonly byDoc = new Map<number, StoredAssignment[]>();
  private cachedTasks = 0;
  private stamp = "";
  private readonly version: Statement;
  private readonly docOrder: Statement;

  constructor(db: Database, private readonly queries: AssignmentQueries) {
    // Changes through this connection (total_changes) or committed by another one (data_version).
    this.version = db.prepare(`SELECT total_changes() || ':' || data_version FROM pragma_data_version`).pluck();
    // The document order of AssignmentQueries.findAssignments: newest first, undated last, then by id.
    this.docOrder = db.prepare(`SELECT id FROM documents WHERE id IN (SELECT value FROM json_each(?))
      ORDER BY date IS NULL, date DESC, id DESC`).pluck();
  }

  /** Whether `filter` names documents and nothing else, the one query this cache answers. */
  static handles(filter: AssignmentFilter): boolean {
    return filter.docIds !== undefined && Object.entries(filter).every(([k, v]) => k === "docIds" || v === undefined);
  }

  /** The same tasks, in the same order, as `queries.findAssignments({ docIds })`; fresh objects each call. */
  find(docIds: number[]): StoredAssignment[] {
    const stamp = this.version.get() as string;
    if (stamp !== this.stamp || this.cachedTasks > CACHE_MAX_TASKS) {
      this.byDoc.clear();
      this.cachedTasks = 0;
      this.stamp = stamp;
    }
    const order = this.docOrder.all(JSON.stringify([...new Set(docIds)])) as number[];
    const missing = order.filter((id) => !this.byDoc.has(id));
    if (missing.length > 0) {
      for (const id of missing) this.byDoc.set(id, []);
      for (const t of this.queries.findAssignments({ docIds: missing })) this.byDoc.get(t.docId)!.push(t);
      for (const id of missing) this.cachedTasks += this.byDoc.get(id)!.length;
    }
    // Callers may keep or change what they get; the cached records stay as read.
    return order.flatMap((id) => this.byDoc.get(id)!.map(copy));
  }
}

function copy(t: StoredAssignment): StoredAssignment {
  // Shallow, like the rows the query maps (a document's meta object is shared by its tasks there too).
  return { ...t, coordinators: [...t.coordinators] };
}
