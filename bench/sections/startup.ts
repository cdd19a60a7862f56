/**
 * Start-up: how long `--help`, `stats` and `ask` take to print their first output, and to exit, from a
 * fresh process, as `npm run nhiemvu` starts them (node scripts/run.mjs cli/main.js: the compiled CLI),
 * against `node -e 0` measured in the same run (the ratio is what stays comparable across machines).
 * The store is issue 4's 426 documents (built here when the query section did not run, as with
 * BENCH_ONLY=startup); the sample corpus only when ../shared is absent.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { workDir, type BenchContext, type Section } from "../lib/context.js";
import { PROJECT } from "../lib/child.js";
import { median } from "../lib/stats.js";
import { issueStore } from "./query.js";

const RUNS = 7;
const FIRST_OUTPUT_GOAL_MS = 300;
const QUESTION = "Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?";

interface Timing { firstMs: number; exitMs: number }

/** One run: milliseconds from spawn to the first byte on stdout, and to exit. */
function time(cmd: string, args: string[], env: Record<string, string>): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let first: number | undefined;
    const child = spawn(cmd, args, { cwd: PROJECT, env: { ...process.env, LOG_LEVEL: "silent", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stdout.on("data", () => void (first ??= performance.now() - t0));
    child.stderr.on("data", (d) => (err += String(d)));
    child.on("error", reject);
    child.on("close", (code) => {
      const exitMs = performance.now() - t0;
      if (code !== 0) reject(new Error(`${cmd} ${args.join(" ")} exited ${code}: ${err.slice(0, 300)}`));
      else resolve({ firstMs: first ?? exitMs, exitMs });
    });
  });
}

async function runs(cmd: string, args: string[], env: Record<string, string>, n: number): Promise<{ first: number; exit: number }> {
  await time(cmd, args, env); // warm the page cache
  const all: Timing[] = [];
  for (let i = 0; i < n; i++) all.push(await time(cmd, args, env));
  return { first: median(all.map((t) => t.firstMs)), exit: median(all.map((t) => t.exitMs)) };
}

export const startupSection: Section = {
  name: "CLI start-up",
  key: "startup",
  async run(ctx: BenchContext) {
    const built = ctx.stores.get("issue-426") ?? await issueStore(ctx);
    let dataDir = built?.dataDir;
    let label = built ? `${built.docs} docs (issue 4's corpus)` : "";
    const n = ctx.quick ? 3 : RUNS;
    // As package.json's scripts start node: V8 compiles a regular expression on its first run instead of
    // interpreting it once first (the organisation and period alternations; a flag set at run time through
    // node:v8 crashed one process in four under load, so it is given on the command line).
    const flags = ["--no-regexp-tier-up"];
    const launcher = [...flags, join(PROJECT, "scripts", "run.mjs"), "cli/main.js"];
    // Built once here; the timed runs start the compiled CLI itself, so that an edit to the tree during
    // the run (a rebuild) cannot land in a timing. One row adds the launcher's staleness check.
    const build = spawnSync(process.execPath, [join(PROJECT, "scripts", "run.mjs"), "--build"], { cwd: PROJECT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`building dist/ failed: ${build.stderr}`);
    const cli = [...flags, join(PROJECT, "dist", "cli", "main.js")];
    if (!dataDir) {
      dataDir = workDir(ctx, "stores", "startup-sample");
      const ingest = spawnSync(process.execPath, [...cli, "ingest", join(PROJECT, "sample-corpus")], {
        cwd: PROJECT, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" }, encoding: "utf8",
      });
      if (ingest.status !== 0) throw new Error(`ingest of the sample corpus failed: ${ingest.stderr}`);
      label = "the sample corpus (5 docs; ../shared is absent, so the 426-doc store cannot be built)";
    }
    const env = { DATA_DIR: dataDir };
    ctx.log("timing node -e 0 and the CLI");
    const base = await runs(process.execPath, ["-e", "0"], env, n);
    const rows: string[][] = [["node -e 0", ms(base.first), ms(base.exit), "1.0", "1.0"]];
    const goals = [];
    for (const [name, args] of [["--help", ["--help"]], ["stats", ["stats"]], ["ask", ["ask", QUESTION]]] as const) {
      const r = await runs(process.execPath, [...cli, ...args], env, n);
      rows.push([name, ms(r.first), ms(r.exit), ratio(r.first, base.exit), ratio(r.exit, base.exit)]);
      goals.push({
        what: `\`${name}\` first output (${built ? `${built.docs} docs` : "sample corpus"})`,
        target: `< ${FIRST_OUTPUT_GOAL_MS} ms`,
        measured: `${ms(r.first)} ms (${ratio(r.first, base.exit)}× node -e 0)`,
        pass: r.first < FIRST_OUTPUT_GOAL_MS,
      });
    }
    const viaLauncher = await runs(process.execPath, [...launcher, "--help"], env, n);
    rows.push(["--help via scripts/run.mjs", ms(viaLauncher.first), ms(viaLauncher.exit), ratio(viaLauncher.first, base.exit), ratio(viaLauncher.exit, base.exit)]);
    const npm = await runs("npm", ["run", "--silent", "nhiemvu", "--", "--help"], env, n).catch(() => undefined);
    if (npm) rows.push(["--help via npm run", ms(npm.first), ms(npm.exit), ratio(npm.first, base.exit), ratio(npm.exit, base.exit)]);
    return {
      tables: [{ title: `Start-up on ${label} (median of ${n} runs after one warm-up)`, header: ["command", "first output ms", "exit ms", "first / node -e 0", "exit / node -e 0"], rows }],
      notes: [
        "Each command is a fresh process of the compiled CLI (`node dist/cli/main.js ...`, built once before timing); `npm run nhiemvu` adds the launcher's staleness check of dist/ (the scripts/run.mjs row; a rebuild only after an edit) and npm's own start-up (the npm row). Ratios divide by `node -e 0`'s exit time in the same run.",
        "`stats` and `ask` open the SQLite store but not the vector index file (read on first use: `stats` counts vectors from the count recorded at the last save, and the default ranking fuses no vectors); `ask` also answers one question, and its first output is the whole answer.",
      ],
      goals,
    };
  },
};

const ms = (v: number) => v.toFixed(0);
const ratio = (v: number, base: number) => (v / Math.max(base, 1e-3)).toFixed(1);
