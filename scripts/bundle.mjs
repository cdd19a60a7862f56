/**
 * The second build step (scripts/run.mjs runs it after tsc): bundles the entry points tsc compiled into
 * dist/modules/ into dist/cli/main.js and dist/bot/main.js, the code they import lazily split off into
 * dist/chunks/ and loaded, as before, when a command first needs it.
 *
 * Why: Node 20 resolves, reads and links every ES module on its own, and `ask` loaded about 100 of them
 * (dist/modules, one per source file); bundled, it loads about 25. Packages stay external: the native
 * addons (better-sqlite3, hnswlib-node, @napi-rs/canvas) must, and the big ones (pg, PGlite, grammY,
 * LangChain) are imported lazily, by name, from node_modules as before.
 */
import { readdirSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** What scripts/run.mjs can start, as dist/<entry>.js. */
const ENTRIES = ["cli/main", "bot/main"];

/** Builds the bundles from dist/modules with `esbuild` (the package), then removes chunks of earlier builds. */
export function bundle(esbuild, dist) {
  const result = esbuild.buildSync({
    absWorkingDir: dirname(dist),
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, join(dist, "modules", `${e}.js`)])),
    outdir: dist,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
    chunkNames: "chunks/[name]-[hash]",
    metafile: true,
    logLevel: "error",
  });
  // Chunk names carry a hash of their content: one left from an earlier build is never imported again.
  const written = new Set(Object.keys(result.metafile.outputs).map((p) => resolve(dirname(dist), p)));
  const chunks = join(dist, "chunks");
  for (const f of readdirSync(chunks)) if (!written.has(join(chunks, f))) rmSync(join(chunks, f));
}
