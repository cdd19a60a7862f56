/**
 * A throwaway PostgreSQL database per test file. The server is started by the vitest global setup
 * (tests/setup/postgres.ts) and its admin URL handed over with `provide("pgAdminUrl")`; a developer may
 * instead point NHIEMVU_TEST_PG_URL at a server of their own. Without either, pg tests skip.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterEach, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string | undefined;
  }
}

/** The admin URL of the test server (database `postgres`), or undefined when there is none. */
export function pgAdminUrl(): string | undefined {
  return process.env.NHIEMVU_TEST_PG_URL || inject("pgAdminUrl") || undefined;
}

export interface TestDatabase {
  url: string;
  /** The database name (nv_test_...). */
  name: string;
  drop(): Promise<void>;
}

/**
 * Creates a database `nv_test_<random>` on the test server, empty or a copy of `opts.template` (a test
 * database nobody is connected to, e.g. one already migrated); `drop()` removes it (forcing out sessions).
 */
export async function createTestDatabase(opts: { template?: string } = {}): Promise<TestDatabase> {
  const admin = pgAdminUrl();
  if (!admin) throw new Error("No PostgreSQL test server (see tests/setup/postgres.ts).");
  const name = `nv_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}${opts.template ? ` TEMPLATE ${databaseName(opts.template)}` : ""}`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A `createTestDatabase` whose databases are dropped after each test of the calling file. */
export function testDatabasePerTest(): (opts?: { template?: string }) => Promise<TestDatabase> {
  const made: TestDatabase[] = [];
  afterEach(async () => {
    for (const d of made.splice(0)) await d.drop();
  });
  return async (opts) => {
    const db = await createTestDatabase(opts);
    made.push(db);
    return db;
  };
}

/** The name of a test database (its own name, or the one in its URL), checked so it can go into SQL. */
function databaseName(ref: string): string {
  const name = ref.includes("://") ? decodeURIComponent(new URL(ref).pathname.slice(1)) : ref;
  if (!/^nv_test_[0-9a-f]+$/.test(name)) throw new Error(`Not a test database: ${ref}`);
  return name;
}
