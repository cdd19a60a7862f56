import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PROJECT } from "./app.js";

/** How `npm run nhiemvu` starts: the compiled CLI, rebuilt first if a source file is newer (scripts/run.mjs). */
export const CLI = [join(PROJECT, "scripts", "run.mjs"), "cli/main.js"];

/** Runs the real CLI (`nhiemvu`) as a user would, with its own DATA_DIR. */
export function cli(args: string[], env: Record<string, string>, input?: string) {
  const run = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: PROJECT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "silent", ...env },
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
