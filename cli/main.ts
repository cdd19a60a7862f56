#!/usr/bin/env node
/**
 * The `nhiemvu` command line: `npm run --silent nhiemvu -- <command>` (compiled: `node dist/cli/main.js`).
 * Only commander and the command definitions load at start; a command loads the store, search, ingest
 * and network code it needs when it runs, so `--help` and argument errors answer at once.
 */
import { Command } from "commander";
import { registerAsk } from "./commands/ask.js";
import { registerDemo } from "./commands/demo.js";
import { registerDigest } from "./commands/digest.js";
import { registerDocs } from "./commands/docs.js";
import { registerIngest } from "./commands/ingest.js";
import { registerPortable } from "./commands/portable.js";
import { registerStatus } from "./commands/status.js";
import { registerTasks } from "./commands/tasks.js";
import { createCliContext, reportError } from "./context.js";

function main(): void {
  // `nhiemvu tasks | head`: a closed pipe ends the run quietly instead of with a stack trace.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw err;
  });
  // The environment is read (and checked) when a command first needs the configuration.
  const ctx = createCliContext(process.env);
  const program = new Command("nhiemvu")
    .description("Answer questions about the tasks that Party and State documents assign, with verbatim citations.")
    .showHelpAfterError("(run `nhiemvu --help` for the list of commands)")
    .configureOutput({ outputError: (str, write) => write(`error: ${str.replace(/^error: /, "")}`) })
    // Before any command runs (not for --help): a bad environment stops it with exit code 2.
    .hook("preAction", async () => void (await ctx.loadConfig()));
  registerIngest(program, ctx);
  registerDocs(program, ctx);
  registerTasks(program, ctx);
  registerAsk(program, ctx);
  registerDigest(program, ctx);
  registerDemo(program, ctx);
  registerPortable(program, ctx);
  registerStatus(program, ctx);
  program.parseAsync(process.argv).catch(reportError);
}

main();
