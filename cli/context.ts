import type { App } from "../app/types.js";
import type { OpenAppOptions } from "../app/open.js";
import type { Config } from "../core/config.js";
import type { Store } from "../store/types.js";
import { ConfigError, plainMessage } from "../core/errors.js";

/** What every command gets: the config, and a way to run with the app open (closed afterwards). */
export interface CliContext {
  /** The configuration; read by `loadConfig()`, which runs before any command's action. */
  readonly config: Config;
  /** Reads and checks the environment (once); an invalid one throws ConfigError "config_invalid". */
  loadConfig(): Promise<Config>;
  withApp<T>(fn: (app: App) => Promise<T>, options?: OpenAppOptions): Promise<T>;
  /** The store alone (no search, answering or embedder check), for commands that only read counts and lists. */
  withStore<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  out(text: string): void;
}

/**
 * The context for one run. Both the configuration (core/config.ts, with zod) and the app (store, search,
 * ingest) are imported when a command runs, not at start: `--help` and argument errors load neither.
 */
export function createCliContext(env: Record<string, string | undefined>): CliContext {
  let config: Config | undefined;
  const ctx: CliContext = {
    get config(): Config {
      if (!config) throw new ConfigError("config_not_loaded", "internal: the configuration was used before loadConfig()");
      return config;
    },
    async loadConfig() {
      config ??= (await import("./base.js")).loadConfig(env);
      return config;
    },
    async withApp(fn, options) {
      const [{ openApp }, loaded] = await Promise.all([import("./world.js"), ctx.loadConfig()]);
      const app = await openApp(loaded, options);
      try {
        return await fn(app);
      } finally {
        await app.close();
      }
    },
    async withStore(fn) {
      const [{ openStore, createLogger }, loaded] = await Promise.all([import("./base.js"), ctx.loadConfig()]);
      const store = await openStore(loaded.store, { logger: createLogger(loaded.logLevel, loaded.logFormat) });
      try {
        return await fn(store);
      } finally {
        await store.close();
      }
    },
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  };
  return ctx;
}

/** Prints one English line on stderr, never a stack: exit code 2 for an invalid environment, else 1. */
export function reportError(err: unknown): void {
  process.stderr.write(`error: ${plainMessage(err)}\n`);
  process.exitCode = err instanceof ConfigError && err.code === "config_invalid" ? 2 : 1;
}

/** Runs a command action; any error becomes one English line on stderr and a non-zero exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (err) {
      reportError(err);
    }
  };
}
