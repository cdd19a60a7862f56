/**
 * The store contract on PostgreSQL: a fresh database on the test server (tests/setup/postgres.ts) for
 * every test, dropped afterwards, copied from one migrated at the start (the first store opened there
 * migrates an empty database). Skips when there is no server (CI requires one).
 */
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe } from "vitest";
import { openPgStore } from "../../store/pg/open.js";
import type { Store } from "../../store/types.js";
import { createTestDatabase, pgAdminUrl, type TestDatabase } from "../helpers/pg.js";
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

const urls = new WeakMap<Store, string>();
const databases: TestDatabase[] = [];
const stores: Store[] = [];
/** A database migrated once, copied for every test (a copy is faster than migrating again). */
let template: TestDatabase | undefined;

beforeAll(async () => {
  if (!pgAdminUrl()) return;
  template = await createTestDatabase();
  await (await openPgStore({ url: template.url })).close();
});

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  for (const d of databases.splice(0)) await d.drop();
});

afterAll(async () => {
  await template?.drop();
});

async function openAt(url: string, now?: () => Date): Promise<Store> {
  const store = await openPgStore({ url, now });
  stores.push(store);
  urls.set(store, url);
  return store;
}

const postgres: StoreFactory = {
  name: "postgres",
  async open(now) {
    const db = await createTestDatabase({ template: template?.name });
    databases.push(db);
    return openAt(db.url, now);
  },
  reopen: (store, now) => openAt(urls.get(store)!, now),
  async query(store, sql) {
    const client = new pg.Client({ connectionString: urls.get(store)! });
    await client.connect();
    try {
      return (await client.query(sql)).rows as Array<Record<string, unknown>>;
    } finally {
      await client.end();
    }
  },
};

describe.skipIf(!pgAdminUrl())("PostgreSQL store", () => {
  documentsContract(postgres);
  searchContract(postgres);
  assignmentsContract(postgres);
  indexContract(postgres);
  botTablesContract(postgres);
  coordinationContract(postgres);
  botMemoryContract(postgres);
  portableContract(postgres);
  statusContract(postgres);
});
