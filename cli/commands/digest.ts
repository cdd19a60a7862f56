import type { Command } from "commander";
import type { CliContext } from "../context.js";

/** `nhiemvu digest`: filled in with the deadline digests (issue 6). */
export function registerDigest(_program: Command, _ctx: CliContext): void {}
