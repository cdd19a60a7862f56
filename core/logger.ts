import { pino, type Logger } from "pino";

export type { Logger };

/**
 * The project's logger. Logs go to stderr so that stdout stays clean for `ask --jsonl`; anything that
 * looks like a bot token is redacted.
 */
export function createLogger(level: string): Logger {
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
    pino.destination(2),
  );
}
