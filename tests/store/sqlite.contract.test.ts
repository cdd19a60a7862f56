/** The store contract on the embedded store: SQLite and an hnswlib file in a temp directory per store. */
import Database from "better-sqlite3";
import { join } from "node:path";
import { SQLITE_FILE } from "../../store/open.js";
import type { Store } from "../../store/types.js";
import { assignmentsContract } from "./contract/assignments.js";
import { botMemoryContract } from "./contract/bot-memory.js";
import { botTablesContract } from "./contract/bot-tables.js";
import { coordinationContract } from "./contract/coordination.js";
import { documentsContract } from "./contract/documents.js";
import type { StoreFactory } from "./contract/factory.js";
import { indexContract } from "./contract/index-store.js";
import { portableContract } from "./contract/portable.js";
import { statusContract } from "./contract/status.js";
import { searchContract } from "./contract/search.js";
import { open, tempDir } from "./helpers.js";

const dirs = new WeakMap<Store, string>();

async function openIn(dir: string, now?: () => Date): Promise<Store> {
  const store = await open(dir, now); // closed after each test by helpers.ts
  dirs.set(store, dir);
  return store;
}

const sqlite: StoreFactory = {
  name: "sqlite",
  open: (now) => openIn(tempDir(), now),
  reopen: (store, now) => openIn(dirs.get(store)!, now),
  async query(store, sql) {
    const db = new Database(join(dirs.get(store)!, SQLITE_FILE), { readonly: true });
    try {
      return db.prepare(sql).all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  },
};


documentsContract(sqlite);
searchContract(sqlite);
assignmentsContract(sqlite);
indexContract(sqlite);
botTablesContract(sqlite);
coordinationContract(sqlite);
botMemoryContract(sqlite);
portableContract(sqlite);
statusContract(sqlite);
