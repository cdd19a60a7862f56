/**
 * Opens the store the configuration names: PostgreSQL when `databaseUrl` is set, else the embedded
 * store (SQLite (WAL) for rows and full text, an hnswlib file for chunk vectors).
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import type { Config } from "../core/config.js";
import { StoreError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { VectorIndex } from "./hnsw/vector-index.js";
import { migrate } from "./sqlite/schema.js";
import { createSqliteStore } from "./sqlite/store.js";
import type { Store } from "./types.js";

export const SQLITE_FILE = "nhiemvu.sqlite";
export const VECTOR_FILE = "vectors.hnsw";
/** The most of the database file read through a memory map (address space, not memory; the rest is read). */
const MMAP_BYTES = 1024 * 1024 * 1024;

/** PostgreSQL at `store.databaseUrl` when it is set, else SQLite files in `store.dataDir`. */
export async function openStore(store: Config["store"], opts: { logger?: Logger; now?: () => Date } = {}): Promise<Store> {
  if (store.databaseUrl) {
    // The PostgreSQL client is loaded only when it is configured.
    const { openPgStore } = await import("./pg/open.js");
    return openPgStore({ url: store.databaseUrl, logger: opts.logger, now: opts.now });
  }
  return openSqliteStore({ dataDir: store.dataDir, logger: opts.logger, now: opts.now });
}

/**
 * Opens (creating `dataDir` and migrating as needed) `<dataDir>/nhiemvu.sqlite` and
 * `<dataDir>/vectors.hnsw` (the latter read on first use). Several processes may open the same files: SQLite serialises writers
 * (busy timeout 10 s) and a reader reloads the vector file when another process has flushed it.
 * `now` stamps ingestion, grants and deliveries (tests move the clock).
 */
export async function openSqliteStore(opts: { dataDir: string; logger?: Logger; now?: () => Date }): Promise<Store> {
  const { dataDir, logger } = opts;
  let db: Database.Database;
  makeDataDir(dataDir);
  try {
    db = new Database(join(dataDir, SQLITE_FILE), { timeout: 10_000, nativeBinding: addonPath() });
  } catch (err) {
    throw new StoreError("open_failed", `Cannot open the store in ${dataDir}: ${(err as Error).message}`, { cause: err });
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    // Reads through a memory map instead of one read() call per 4 KB page: a command's first queries
    // (counts, the assignment table, full-text pages) touch thousands of pages, and on some hosts each
    // call costs tens of microseconds (`stats` on 426 documents: 57 ms to count sections, 10 ms mapped).
    db.pragma(`mmap_size = ${MMAP_BYTES}`);
    migrate(db);
    const dims = db.prepare("SELECT value FROM meta WHERE key = 'embedder_dimensions'").pluck().get() as string | undefined;
    // 0 means "not known yet" (an OpenAI-compatible model before its first response).
    const expected = dims !== undefined && Number(dims) > 0 ? Number(dims) : undefined;
    const vectors = VectorIndex.open(join(dataDir, VECTOR_FILE), expected, logger);
    logger?.debug({ dataDir }, "store opened"); // not the vector count: that would read the vector file
    return createSqliteStore(db, vectors, opts.now ?? (() => new Date()), logger);
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    throw new StoreError("open_failed", `Cannot open the store in ${dataDir}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * better-sqlite3's compiled addon, named to it (`nativeBinding`) rather than found by its `bindings` helper,
 * which tries a dozen paths (about 2 ms a start) and looks beside the file that calls it: in the bundle,
 * which carries better-sqlite3's JavaScript (scripts/bundle.mjs), that is dist/, not the package.
 */
function addonPath(): string | undefined {
  const req = createRequire(import.meta.url);
  const pkg = dirname(req.resolve("better-sqlite3/package.json"));
  return ["Release", "Debug"].map((b) => join(pkg, "build", b, "better_sqlite3.node")).find((p) => existsSync(p));
}

/**
 * Creates `dataDir` and any missing parents, one mkdir each, or throws StoreError "data_dir_unusable".
 * Not `mkdirSync(dir, { recursive: true })`: on a file system that refuses the folder with ENOENT (under
 * /proc) Node's recursive mkdir retries forever at full CPU.
 */
export function makeDataDir(dataDir: string): void {
  const missing: string[] = [];
  let dir = dataDir;
  for (;;) {
    const kind = statKind(dir);
    if (kind === "dir") break;
    if (kind === "other") throw unusable(dataDir, `${dir} exists and is not a folder`);
    if (dirname(dir) === dir) break;
    missing.unshift(dir);
    dir = dirname(dir);
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EEXIST" && statKind(d) === "dir") continue; // another process made it meanwhile
      throw unusable(dataDir, `cannot create ${d} (${code ?? (err as Error).message}${code ? `: ${REASONS[code] ?? "refused"}` : ""})`, err);
    }
  }
}

const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOENT: "this file system does not allow it",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  ENOTDIR: "a parent is not a folder",
  EEXIST: "a file of that name exists",
};

function statKind(path: string): "dir" | "other" | "none" {
  try {
    return statSync(path).isDirectory() ? "dir" : "other";
  } catch {
    return "none";
  }
}

function unusable(dataDir: string, why: string, cause?: unknown): StoreError {
  return new StoreError("data_dir_unusable", `Cannot use ${dataDir} as the data folder (DATA_DIR): ${why}.`, { cause });
}
