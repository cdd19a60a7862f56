/**
 * Vitest global setup: a throwaway PostgreSQL server for the whole run, from Debian's packages
 * (scripts/test-services.sh installs them). Its data directory lives under the temp dir, it listens on a
 * free loopback port only, and teardown stops it and deletes the directory, also when tests fail.
 * Tests read the admin URL with `pgAdminUrl()` (tests/helpers/pg.ts) and skip when it is undefined;
 * with CI_REQUIRE_SERVICES=1 (set by .ci/run) a missing or broken server fails the run instead.
 */
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

const DEBIAN_PG = "/usr/lib/postgresql";

/** The bin directory of the newest Debian PostgreSQL that has initdb and pg_ctl, if any. */
export function findPgBin(): string | undefined {
  if (!existsSync(DEBIAN_PG)) return undefined;
  const versions = readdirSync(DEBIAN_PG)
    .filter((v) => existsSync(join(DEBIAN_PG, v, "bin", "initdb")) && existsSync(join(DEBIAN_PG, v, "bin", "pg_ctl")))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] === undefined ? undefined : join(DEBIAN_PG, versions[0], "bin");
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

const required = () => process.env.CI_REQUIRE_SERVICES === "1";

/** A PostgreSQL server running from `dir`; `stop` is synchronous so that it can also run on process exit. */
interface Server {
  url: string;
  stop(): void;
}

async function startServer(bin: string): Promise<Server> {
  const root = process.getuid?.() === 0;
  // initdb and postgres refuse to run as root: the server runs as the Debian `postgres` user then.
  const as = (cmd: string, args: string[]) =>
    root ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, cmd), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, cmd), args, { stdio: "pipe" });
  const dir = mkdtempSync(join(tmpdir(), "nhiemvu-pg-"));
  if (root) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  let running = false;
  const stop = () => {
    if (running) {
      try {
        as("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"]);
      } catch {
        // Already gone; the directory goes anyway.
      }
      running = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    as("initdb", ["-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    let lastError: unknown;
    // A free port can be taken between asking and binding: try a few.
    for (let attempt = 0; attempt < 3 && !running; attempt++) {
      const port = await freePort();
      const options = [
        "-c listen_addresses=127.0.0.1", `-p ${port}`, `-k ${dir}`, "-c max_connections=200",
        // A throwaway server: durability buys nothing and costs the test run time.
        "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off",
      ].join(" ");
      try {
        as("pg_ctl", ["-D", dir, "-w", "-t", "60", "-l", join(dir, "server.log"), "-o", options, "start"]);
        running = true;
        return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
      } catch (err) {
        lastError = err;
      }
    }
    throw lastError;
  } catch (err) {
    const log = existsSync(join(dir, "server.log")) ? readFileSync(join(dir, "server.log"), "utf8").slice(-2000) : "";
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? "";
    stop();
    throw new Error(`Cannot start the test PostgreSQL server from ${bin}: ${(err as Error).message}\n${stderr}\n${log}`);
  }
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  // A developer's own server (tests/helpers/pg.ts reads it too) makes a throwaway one unnecessary.
  if (process.env.NHIEMVU_TEST_PG_URL) {
    project.provide("pgAdminUrl", process.env.NHIEMVU_TEST_PG_URL);
    return undefined;
  }
  const bin = findPgBin();
  if (!bin) {
    if (required()) throw new Error(`CI_REQUIRE_SERVICES=1 but no PostgreSQL under ${DEBIAN_PG} (scripts/test-services.sh installs it).`);
    project.provide("pgAdminUrl", undefined);
    return undefined;
  }
  let server: Server;
  try {
    server = await startServer(bin);
  } catch (err) {
    if (required()) throw err;
    console.warn(`PostgreSQL tests will be skipped: ${(err as Error).message.split("\n")[0]}`);
    project.provide("pgAdminUrl", undefined);
    return undefined;
  }
  // Vitest runs the teardown after the last test, failed or not; the exit hook covers an interrupted run.
  process.once("exit", server.stop);
  project.provide("pgAdminUrl", server.url);
  return () => {
    process.off("exit", server.stop);
    server.stop();
  };
}
