import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { Readable } from "node:stream";
import { CommanderError, type Command } from "commander";
import { createCliContext, reportError } from "../../cli/context.js";
import { createProgram } from "../../cli/program.js";
import { PROJECT } from "./app.js";

/** How `npm run nhiemvu` starts: the compiled CLI, rebuilt first if a source file is newer (scripts/run.mjs). */
export const CLI = [join(PROJECT, "scripts", "run.mjs"), "cli/main.js"];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI (`nhiemvu`) as a user would, in a child process with its own DATA_DIR. A spawn costs
 * seconds on a busy machine: use it where the process is what is tested (exit codes, stdout contract,
 * logs on stderr, start-up), and `cliInProcess` elsewhere.
 */
export function cli(args: string[], env: Record<string, string>, input?: string): CliRun {
  const run = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: PROJECT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "silent", ...env },
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

type Write = typeof process.stdout.write;

/** A write that appends to a string instead of the terminal (calls back as a stream would). */
function capture(append: (text: string) => void): Write {
  return ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    append(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
    done?.();
    return true;
  }) as Write;
}

/** Commander exits the process on a usage error; in a test worker it throws instead. */
function noExit(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) noExit(sub);
}

/**
 * The same program as `cli` (cli/program.ts, the one cli/main.ts parses argv with), run in this process:
 * the environment is `env` alone (plus LOG_LEVEL=silent), stdin is `input`, and stdout, stderr and the
 * exit code are captured as `cli` returns them. Logs (pino writes to fd 2 itself) are not captured:
 * tests of log lines spawn the CLI. Calls must not overlap (stdout and the exit code are process-wide).
 */
export async function cliInProcess(args: string[], env: Record<string, string>, input = ""): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const saved = { out: process.stdout.write, err: process.stderr.write, exitCode: process.exitCode, stdin: Object.getOwnPropertyDescriptor(process, "stdin")! };
  const program = createProgram(createCliContext({ LOG_LEVEL: "silent", ...env }));
  noExit(program);
  process.stdout.write = capture((t) => (stdout += t));
  process.stderr.write = capture((t) => (stderr += t));
  process.exitCode = undefined;
  Object.defineProperty(process, "stdin", { value: Readable.from([input]), configurable: true });
  let code: number;
  try {
    try {
      await program.parseAsync(args, { from: "user" });
    } catch (err) {
      if (err instanceof CommanderError) process.exitCode = err.exitCode;
      else reportError(err);
    }
    code = Number(process.exitCode ?? 0);
  } finally {
    process.stdout.write = saved.out;
    process.stderr.write = saved.err;
    process.exitCode = saved.exitCode;
    Object.defineProperty(process, "stdin", saved.stdin);
  }
  return { code, stdout, stderr };
}
