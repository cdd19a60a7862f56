/**
 * Everything both stores do with the same SQL, as one object of functions: reading documents and tasks,
 * the bot's tables and memory, handled updates, status reads, export and import, the recorded embedder.
 * A store spreads it and adds what its database does its own way (writing documents, full text,
 * vectors, locks, the status writes that read first), as db0 builds a database on a connector.
 */
import type { Store } from "../types.js";
import { assignmentQueries } from "./assignments.js";
import { exportBotRows, importBotRows } from "./bot-state.js";
import { botTables } from "./bot-tables.js";
import { botMemory, handledUpdates } from "./coordination.js";
import { documentReads, exportDocument } from "./documents.js";
import { readEmbedder } from "./meta.js";
import type { Query } from "./query.js";
import { statusReads } from "./statuses.js";

/** What a store adds to the common pieces. */
export type OwnPieces = Pick<Store,
  "saveDocument" | "removeDocument" | "searchLexical" | "searchVector" | "getChunks" | "termFrequencies" |
  "setEmbedderInfo" | "chunksMissingVectors" | "dropOrphanVectors" | "addVectors" | "clearVectors" | "flush" | "stats" |
  "withLock" | "setTaskStatus" | "close">;

/**
 * The common pieces on `q`. `vectorsOf` reads the vectors of chunks (undefined where one is missing), for
 * `exportDocument`.
 */
export function commonPieces(
  q: Query, now: () => Date, vectorsOf: (chunkIds: number[]) => Promise<Array<Float32Array | undefined>>,
): Omit<Store, keyof OwnPieces> {
  const { exportState, importState, ...statuses } = statusReads(q, now);
  return {
    ...documentReads(q),
    findAssignments: assignmentQueries(q),
    embedderInfo: () => readEmbedder(q),
    ...botTables(q, now), ...botMemory(q, now), ...handledUpdates(q, now), ...statuses,
    exportDocument: (id) => exportDocument(q, id, vectorsOf),
    exportBotState: async () => ({ ...(await exportBotRows(q)), status: await exportState() }),
    async importBotState(state) {
      await importBotRows(q, state);
      if (state.status) await importState(state.status);
    },
  };
}
