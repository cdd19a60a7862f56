import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

/** "json": one JSON object per line (services, log collectors); "pretty": readable lines; "auto": pretty on a terminal. */
export type LogFormat = "auto" | "json" | "pretty";

/**
 * The project's logger. Logs go to stderr so that stdout stays clean for `ask --jsonl`; anything that
 * looks like a bot token is redacted. On a terminal ("auto" with stderr a TTY) lines are formatted by
 * pino-pretty in pino's worker thread, so the formatter costs the command nothing at start.
 */
export function createLogger(level: string, format: LogFormat = "auto"): Logger {
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
