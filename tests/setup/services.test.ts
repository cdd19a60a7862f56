import { execFileSync } from "node:child_process";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDatabase, pgAdminUrl } from "../helpers/pg.js";
import { nginxBin } from "../helpers/services.js";

describe.skipIf(!pgAdminUrl())("the test PostgreSQL server", () => {
  it("listens on loopback and hands out throwaway databases that drop cleanly", async () => {
    const admin = new URL(pgAdminUrl()!);
    expect(admin.hostname).toBe("127.0.0.1");
    const db = await createTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    client.on("error", () => undefined); // the drop below terminates this session
    await client.connect();
    const { rows } = await client.query<{ db: string; enc: string }>(
      "SELECT current_database() AS db, pg_encoding_to_char(encoding) AS enc FROM pg_database WHERE datname = current_database()",
    );
    expect(rows[0]!.db).toMatch(/^nv_test_[0-9a-f]{12}$/);
    expect(rows[0]!.enc).toBe("UTF8");
    await client.query("CREATE TABLE t (s text)");
    await client.query("INSERT INTO t VALUES ($1)", ["Ủy ban nhân dân"]);
    expect((await client.query("SELECT s FROM t")).rows).toEqual([{ s: "Ủy ban nhân dân" }]);
    // Dropping forces out a session that is still open.
    await db.drop();
    await client.end().catch(() => undefined);
    const check = new pg.Client({ connectionString: pgAdminUrl() });
    await check.connect();
    const left = await check.query("SELECT 1 FROM pg_database WHERE datname = $1", [rows[0]!.db]);
    await check.end();
    expect(left.rowCount).toBe(0);
  });
});

describe.skipIf(!nginxBin())("nginx", () => {
  it("is Debian's nginx binary", () => {
    // nginx prints its version on stderr.
    const version = execFileSync("sh", ["-c", '"$0" -v 2>&1', nginxBin()!]).toString();
    expect(version).toMatch(/^nginx version: nginx\/\d+\.\d+/);
  });
});
