import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Native addons (better-sqlite3, hnswlib-node) are safest in forked workers.
    pool: "forks",
  },
});
