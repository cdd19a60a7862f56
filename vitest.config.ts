import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // A throwaway PostgreSQL server for the run, and where nginx is (both skip cleanly when absent).
    globalSetup: ["tests/setup/postgres.ts", "tests/setup/nginx.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native addons (better-sqlite3, hnswlib-node) are safest in forked workers.
    pool: "forks",
  },
});
