#!/usr/bin/env node
/**
 * Runs an entry point from the compiled JavaScript in dist/ (`node scripts/run.mjs cli/main.js ARGS...`),
 * building it first when it is missing or older than a source file. `npm ci` builds it (the "prepare"
 * script runs `node scripts/run.mjs --build`), so a command normally starts without compiling anything.
 * A build is tsc into dist/modules/, then esbuild bundling the entry points into dist/ (scripts/bundle.mjs).
 *
 * The check stats the source folders (a few milliseconds). Concurrent runs (tests spawn many) build
 * once: the first takes dist/.build.lock, the others wait for it and then re-check. Without the
 * TypeScript compiler or esbuild (an install with --omit=dev) a stale or missing dist/ falls back to tsx.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundle } from "./bundle.mjs";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DIST = join(ROOT, "dist");
const STAMP = join(DIST, ".built");
const LOCK = join(DIST, ".build.lock");
/** What tsconfig.build.json compiles; a change to any file under these (or to the build's own files) means rebuild. */
const SOURCES = ["app", "core", "embeddings", "ingest", "store", "qa", "cli", "bot", "digest", "present", "prompts"];
const CONFIGS = ["tsconfig.json", "tsconfig.build.json", "package.json", "scripts/bundle.mjs"];

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name) && !e.name.endsWith(".d.ts")) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const s of SOURCES) if (existsSync(join(ROOT, s))) walk(join(ROOT, s));
  for (const c of CONFIGS) if (existsSync(join(ROOT, c))) newest = Math.max(newest, statSync(join(ROOT, c)).mtimeMs);
  return newest;
}

function builtAt() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

const fresh = () => builtAt() >= newestSource();

function tscPath() {
  try {
    return join(dirname(createRequire(join(ROOT, "package.json")).resolve("typescript/package.json")), "bin", "tsc");
  } catch {
    return undefined;
  }
}

function holderAlive() {
  try {
    const pid = Number(readFileSync(LOCK, "utf8"));
    if (!pid) return Date.now() - statSync(LOCK).mtimeMs < 5_000; // being written just now
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err?.code === "EPERM";
  }
}

/** The esbuild package (a dev dependency, at the version tsx installs), or undefined without it. */
function esbuildModule() {
  try {
    return createRequire(join(ROOT, "package.json"))("esbuild");
  } catch {
    return undefined;
  }
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Builds dist/ unless fresh; false when a compiler is missing. Type errors do not stop the emit. */
function build({ force = false } = {}) {
  if (!force && fresh()) return true;
  const tsc = tscPath();
  const esbuild = esbuildModule();
  if (!tsc || !esbuild) return false;
  mkdirSync(DIST, { recursive: true });
  for (;;) {
    try {
      const fd = openSync(LOCK, "wx");
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch {
      // Another run is building. Its lock holds its pid: a lock whose builder is gone (killed) is removed.
      if (!holderAlive()) rmSync(LOCK, { force: true });
      sleep(100);
      if (!force && fresh()) return true;
    }
  }
  try {
    if (!force && fresh()) return true;
    const started = newestSource();
    const run = spawnSync(process.execPath, [tsc, "-p", join(ROOT, "tsconfig.build.json")], { cwd: ROOT, encoding: "utf8" });
    // 0: built; 2: built, with type errors (those are `npm run typecheck`'s business); else: nothing emitted.
    if (run.status !== 0 && run.status !== 2) {
      process.stderr.write(`error: building dist/ failed (tsc exit ${run.status}):\n${run.stdout}${run.stderr}`);
      process.exit(1);
    }
    try {
      bundle(esbuild, DIST);
    } catch (err) {
      process.stderr.write(`error: bundling dist/ failed: ${err.message}\n`);
      process.exit(1);
    }
    writeFileSync(STAMP, "");
    // Stamp with the sources' time as of the build start: an edit made during the build still counts as newer.
    // Rounded up: utimes keeps less than mtimeMs's fraction, and a stamp a hair older than the newest source
    // would make every later run rebuild (about 5 s each).
    const t = new Date(Math.ceil(started) + 1);
    utimesSync(STAMP, t, t);
    return true;
  } finally {
    rmSync(LOCK, { force: true });
  }
}

const [entry, ...rest] = process.argv.slice(2);
if (entry === "--build") {
  if (!build({ force: rest.includes("--force") })) console.error("scripts/run.mjs: TypeScript or esbuild is not installed; commands will run through tsx.");
  process.exit(0);
}
if (!entry) {
  console.error("usage: node scripts/run.mjs <entry.js> [args...]   (e.g. cli/main.js --help)   |   --build [--force]");
  process.exit(2);
}
// The entry sees the arguments as if it had been started directly: [node, entry, ...args].
process.argv.splice(1, 2, join(DIST, entry));
if (build()) {
  await import(pathToFileURL(join(DIST, entry)).href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(ROOT, entry.replace(/\.js$/, ".ts"))).href);
}
