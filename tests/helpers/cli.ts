import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT } from "./app.js";

const TSX = join(PROJECT, "node_modules", ".bin", "tsx");

/** Runs the real CLI (`nhiemvu`) as a user would, with its own DATA_DIR. */
export function cli(args: string[], env: Record<string, string>, input?: string) {
  const run = spawnSync(TSX, [join(PROJECT, "cli", "main.ts"), ...args], {
    cwd: PROJECT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "silent", ...env },
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
