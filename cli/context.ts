import type { App } from "../app/types.js";
import { openApp, type OpenAppOptions } from "../app/open.js";
import type { Config } from "../core/config.js";
import { plainMessage } from "../core/errors.js";

/** What every command gets: the config, and a way to run with the app open (closed afterwards). */
export interface CliContext {
  config: Config;
  withApp<T>(fn: (app: App) => Promise<T>, options?: OpenAppOptions): Promise<T>;
  out(text: string): void;
}

export function createCliContext(config: Config): CliContext {
  return {
    config,
    async withApp(fn, options) {
      const app = await openApp(config, options);
      try {
        return await fn(app);
      } finally {
        await app.close();
      }
    },
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  };
}

/** Runs a command action; any error becomes one English line on stderr and exit code 1, never a stack. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      process.stderr.write(`error: ${plainMessage(err)}\n`);
      process.exitCode = 1;
    }
  };
}
