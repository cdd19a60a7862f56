/**
 * The second build step (scripts/run.mjs runs it after tsc): bundles the entry points tsc compiled into
 * dist/modules/ into dist/cli/main.js and dist/bot/main.js, the code they import lazily split off into
 * dist/chunks/ and loaded, as before, when a command first needs it.
 *
 * Why: Node 20 resolves, reads and links every ES module on its own, and `ask` loaded about 100 of them
 * (dist/modules, one per source file); bundled, it loads about 20. Packages stay external (but INLINE): the native
 * addons (better-sqlite3, hnswlib-node, @napi-rs/canvas) must, and the big ones (pg, PGlite, grammY,
 * LangChain) are imported lazily, by name, from node_modules as before.
 */
import { readFileSync, readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** What scripts/run.mjs can start, as dist/<entry>.js. */
const ENTRIES = ["cli/main", "bot/main"];
/** Worker threads' scripts, bundled the same way: dist/ingest/build-worker.js (ingest/build-pool.ts starts it). */
const WORKERS = ["ingest/build-worker"];
/**
 * Imports bundled in rather than loaded from node_modules: every command loads them at start (commander
 * to read its arguments, zod's v3 entry to check the environment, better-sqlite3's JavaScript to open the
 * store), and Node 20 resolves, reads and links each of their files on its own: commander's 7 files and
 * zod/v3's 11 took about 35 ms, bundled about 20; better-sqlite3's 15 about 13 ms, bundled about 4. Its
 * addon stays a file in node_modules: store/open.ts names it (`nativeBinding`), since the `bindings`
 * helper looks for it beside the calling file, which bundled is in dist/.
 */
const INLINE = ["commander", "zod", "better-sqlite3"];

/**
 * Every package but INLINE, as esbuild `external` names (esbuild leaves a name's subpaths outside too), and
 * `bindings`: better-sqlite3 requires it only when not given its addon's path, which store/open.ts gives.
 */
function externals(root) {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return [...Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).filter((n) => !INLINE.includes(n)), "bindings"];
}

/** Builds the bundles from dist/modules with `esbuild` (the package), then removes chunks of earlier builds. */
export function bundle(esbuild, dist) {
  // One build per entry point: code the CLI and the bot share would otherwise be cut into further chunks
  // by which of the two reaches it (three more chunk files for `ask`, each about a millisecond to load).
  const outputs = [...ENTRIES, ...WORKERS].flatMap((e) => Object.keys(esbuild.buildSync({
    absWorkingDir: dirname(dist),
    entryPoints: { [e]: join(dist, "modules", `${e}.js`) },
    outdir: dist,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    external: externals(dirname(dist)),
    // commander is CommonJS: its require() of Node's own modules needs a require in an ES module.
    banner: { js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);' },
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    logLevel: "error",
  }).metafile.outputs));
  // Chunk names carry a hash of their content: one left from an earlier build is never imported again.
  const written = new Set(outputs.map((p) => resolve(dirname(dist), p)));
  const chunks = join(dist, "chunks");
  for (const f of readdirSync(chunks)) if (!written.has(join(chunks, f))) rmSync(join(chunks, f));
}
