import { Command } from "commander";
import { registerAsk } from "./commands/ask.js";
import { registerDemo } from "./commands/demo.js";
import { registerDigest } from "./commands/digest.js";
import { registerDocs } from "./commands/docs.js";
import { registerIngest } from "./commands/ingest.js";
import { registerPortable } from "./commands/portable.js";
import { registerStatus } from "./commands/status.js";
import { registerTasks } from "./commands/tasks.js";
import type { CliContext } from "./context.js";

/**
 * The `nhiemvu` program with every command registered on one context: cli/main.ts parses argv with it, and
 * tests run commands through it in their own process (tests/helpers/cli.ts).
 */
export function createProgram(ctx: CliContext): Command {
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
  return program;
}
