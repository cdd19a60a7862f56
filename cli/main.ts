#!/usr/bin/env node
/** The `nhiemvu` command line: `npm run --silent nhiemvu -- <command>`. */
import { Command } from "commander";
import { loadConfig } from "../core/config.js";
import { plainMessage } from "../core/errors.js";
import { registerAsk } from "./commands/ask.js";
import { registerDemo } from "./commands/demo.js";
import { registerDigest } from "./commands/digest.js";
import { registerDocs } from "./commands/docs.js";
import { registerIngest } from "./commands/ingest.js";
import { registerPortable } from "./commands/portable.js";
import { registerStatus } from "./commands/status.js";
import { registerTasks } from "./commands/tasks.js";
import { createCliContext } from "./context.js";

function main(): void {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    process.stderr.write(`error: ${plainMessage(err)}\n`);
    process.exit(2);
  }
  const ctx = createCliContext(config);
  const program = new Command("nhiemvu")
    .description("Answer questions about the tasks that Party and State documents assign, with verbatim citations.")
    .showHelpAfterError("(run `nhiemvu --help` for the list of commands)")
    .configureOutput({ outputError: (str, write) => write(`error: ${str.replace(/^error: /, "")}`) });
  registerIngest(program, ctx);
  registerDocs(program, ctx);
  registerTasks(program, ctx);
  registerAsk(program, ctx);
  registerDigest(program, ctx);
  registerDemo(program, ctx);
  registerPortable(program, ctx);
  registerStatus(program, ctx);
  program.parseAsync(process.argv).catch((err: unknown) => {
    process.stderr.write(`error: ${plainMessage(err)}\n`);
    process.exitCode = 1;
  });
}

main();
