#!/usr/bin/env node
/**
 * The `nhiemvu` command line: `npm run --silent nhiemvu -- <command>` (compiled: `node dist/cli/main.js`).
 * Only commander and the command definitions load at start; a command loads the store, search, ingest
 * and network code it needs when it runs, so `--help` and argument errors answer at once.
 */
import { createCliContext, reportError } from "./context.js";
import { createProgram } from "./program.js";

function main(): void {
  // `nhiemvu tasks | head`: a closed pipe ends the run quietly instead of with a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
  // The environment is read (and checked) when a command first needs the configuration.
  createProgram(createCliContext(process.env)).parseAsync(process.argv).catch(reportError);
}

main();
