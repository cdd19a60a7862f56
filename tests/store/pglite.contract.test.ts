/**
 * The store contract on the PostgreSQL store running on PGlite, with chunk vectors in pgvector (the path
 * the test server, Debian's PostgreSQL, cannot take). PGlite takes seconds to start, so instances are
 * reused: each `open()` takes a free one and empties it (drop and recreate the public schema); a test
 * that opens two stores gets two instances.
 *
 * Not run here: the coordination contract. PGlite is one backend, so every store on it shares one
 * session and a session advisory lock cannot turn a second holder away (the PGlite client serialises
 * sessions instead, so the second holder waits). pg.contract.test.ts covers locks on a real server.
 */
import { afterAll, afterEach, describe } from "vitest";
import { openPgStoreOn } from "../../store/pg/open.js";
import { createPgliteClient } from "../../store/pg/pglite-client.js";
import type { SqlClient } from "../../store/pg/sql.js";
import type { Store } from "../../store/types.js";
import { assignmentsContract } from "./contract/assignments.js";
import { botMemoryContract } from "./contract/bot-memory.js";
import { botTablesContract } from "./contract/bot-tables.js";
import { documentsContract } from "./contract/documents.js";
import type { StoreFactory } from "./contract/factory.js";
import { indexContract } from "./contract/index-store.js";
import { portableContract } from "./contract/portable.js";
import { statusContract } from "./contract/status.js";
import { searchContract } from "./contract/search.js";

const instances: SqlClient[] = [];
const free: SqlClient[] = [];
const storage = new WeakMap<Store, SqlClient>();
const stores: Store[] = [];

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  free.splice(0, free.length, ...instances);
});
afterAll(async () => {
  for (const c of instances.splice(0)) await c.close();
});

/** The instance as a store sees it: a store closes its client, but the instance outlives the test. */
function kept(client: SqlClient): SqlClient {
  return { ...client, close: async () => undefined };
}

async function openOn(client: SqlClient, now?: () => Date): Promise<Store> {
  const store = await openPgStoreOn(kept(client), { vectors: "pgvector", now });
  stores.push(store);
  storage.set(store, client);
  return store;
}

const pglite: StoreFactory = {
  name: "pglite+pgvector",
  async open(now) {
    let client = free.shift();
    if (!client) {
      client = await createPgliteClient();
      instances.push(client);
    }
    // Empty: the schema's tables, the migrations record and the vector extension all live in public.
    await client.query("DROP SCHEMA public CASCADE");
    await client.query("CREATE SCHEMA public");
    return openOn(client, now);
  },
  reopen: (store, now) => openOn(storage.get(store)!, now),
  async query(store, sql) {
    return (await storage.get(store)!.query<Record<string, unknown>>(sql)).rows;
  },
};

describe("PostgreSQL store on PGlite with pgvector", () => {
  documentsContract(pglite);
  searchContract(pglite);
  assignmentsContract(pglite);
  indexContract(pglite);
  botTablesContract(pglite);
  botMemoryContract(pglite);
  portableContract(pglite);
  statusContract(pglite);
});
