/**
 * The stamp the store's caches keep their reads under: it moves with every change made through this
 * connection (total_changes, triggers included) and every change another connection commits (data_version).
 */
import type { Database } from "better-sqlite3";

/** A reader of the database's change stamp (one prepared statement). */
export function changeStamp(db: Database): () => string {
  const version = db.prepare(`SELECT total_changes() || ':' || data_version FROM pragma_data_version`).pluck();
  return () => version.get() as string;
}
