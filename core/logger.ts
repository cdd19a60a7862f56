import { createRequire } from "node:module";
import type { DestinationStream, Logger } from "pino";

export type { Logger };

/** "json": one JSON object per line (services, log collectors); "pretty": readable lines; "auto": pretty on a terminal. */
export type LogFormat = "auto" | "json" | "pretty";

/** pino's numbers for its level names; "silent" (and any name not here) logs nothing below it. */
const LEVELS: Readonly<Record<string, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/**
 * The project's logger. Logs go to stderr so that stdout stays clean for `ask --jsonl`; anything that
 * looks like a bot token is redacted. On a terminal ("auto" with stderr a TTY) lines are formatted by
 * pino-pretty in pino's worker thread, so the formatter costs the command nothing at start.
 *
 * pino itself (about 0.03 s to load) is loaded by the first line that the level lets through, or by
 * any other use of the logger (`child`, `level`, ...): a command that logs nothing at its level, as
 * `stats` and `ask` at the default "warn", never loads it. A call below the level is a no-op either
 * way, as it is in pino, so no line is lost.
 */
export function createLogger(level: string, format: LogFormat = "auto"): Logger {
  let real: Logger | undefined;
  const load = (): Logger => (real ??= createPino(level, format));
  const threshold = level in LEVELS ? LEVELS[level]! : Infinity;
  const noop = (): void => undefined;
  // Only the level methods below the threshold answer without pino; everything else is pino's own.
  return new Proxy({} as Logger, {
    get(_target, key) {
      if (!real && typeof key === "string" && key in LEVELS && LEVELS[key]! < threshold) return noop;
      const logger = load();
      const value: unknown = Reflect.get(logger, key, logger);
      return typeof value === "function" ? value.bind(logger) : value;
    },
    set: (_target, key, value) => Reflect.set(load(), key, value),
    has: (_target, key) => Reflect.has(load(), key),
  });
}

function createPino(level: string, format: LogFormat): Logger {
  // pino is CommonJS: required here, synchronously, when the first line needs it.
  const { pino } = createRequire(import.meta.url)("pino") as typeof import("pino");
  const pretty = format === "pretty" || (format === "auto" && process.stderr.isTTY === true);
  const destination: DestinationStream = pretty && level !== "silent"
    ? pino.transport({ target: "pino-pretty", options: { destination: 2, colorize: process.stderr.isTTY === true, ignore: "pid,hostname", translateTime: "SYS:HH:MM:ss" } })
    : pino.destination(2);
  return pino(
    {
      level,
      redact: { paths: ["token", "*.token", "config.bot.token", "botToken", "*.apiKey", "apiKey"], censor: "[redacted]" },
      hooks: {
        logMethod(args, method) {
          // Bot API URLs embed the token ("/bot123:ABC/sendMessage"); scrub it from any string argument.
          const clean = args.map((a) => (typeof a === "string" ? a.replace(/bot\d+:[\w-]+/g, "bot[redacted]") : a));
          return method.apply(this, clean as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
