import { defineConfig } from "vitest/config";

/**
 * The slow part: load and soak runs, real processes behind nginx, OCR of rendered scans, the scored
 * question sets over the 426 shared documents, PGlite. `npm test` runs them with everything else (so
 * does CI); `npm run test:quick` (`vitest run --project quick`) leaves them out.
 */
const SLOW = [
  "tests/bot/replicas.test.ts", // two bot processes, nginx, PostgreSQL and SQLite, 1,100 questions
  "tests/bot/soak.test.ts", // 1,000 questions from 50 users through the Bot API emulator
  "tests/qa/eval.test.ts", // ingests ../shared (426 documents) and scores `ask --jsonl` on two question sets
  "tests/ingest/ocr.test.ts", // typesets, rasterises and OCRs sample pages
  // PostgreSQL compiled to WebAssembly (PGlite with pgvector, the path Debian's server cannot take): 15-30 s
  // each. The everyday part keeps the same store contract on the real test server (pg.contract.test.ts).
  "tests/store/pglite.contract.test.ts",
  "tests/store/pgvector.test.ts",
];

/** Options both parts share (projects do not inherit them without `extends`, which would also repeat globalSetup). */
const common = {
  include: ["tests/**/*.test.ts"],
  testTimeout: 60_000,
  hookTimeout: 120_000,
  // Native addons (better-sqlite3, hnswlib-node) are safest in forked workers.
  pool: "forks" as const,
};

export default defineConfig({
  test: {
    // A throwaway PostgreSQL server for the run, and where nginx is (both skip cleanly when absent).
    // Set once here: the root's global setup runs for every project, and each project sees what it provides.
    globalSetup: ["tests/setup/postgres.ts", "tests/setup/nginx.ts"],
    projects: [
      { test: { ...common, name: "quick", exclude: SLOW } },
      { test: { ...common, name: "slow", include: SLOW } },
    ],
  },
});
