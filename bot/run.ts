/** Running the bot: concurrent long polling with @grammyjs/runner (default) or a webhook on node:http. */
import { createServer, type Server } from "node:http";
import { webhookCallback, type Bot } from "grammy";
import { run, type RunnerHandle, type SourceOptions } from "@grammyjs/runner";
import type { Config } from "../core/config.js";
import { ConfigError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { BotContext } from "./context.js";

/** The update kinds the features handle. */
export const ALLOWED_UPDATES = ["message", "callback_query", "inline_query"] as const;

export interface PollingOptions {
  /** getUpdates long-polling timeout in seconds (default 30; the emulator does not long-poll, pass 0). */
  timeout?: number;
  /** Pause between empty polls (the emulator answers at once: use { speedTrafficBalance: 1, maxDelayMilliseconds: 50 }). */
  source?: SourceOptions;
}

/** Starts concurrent polling (updates of one chat stay in order: see sequentialize in createBot). */
export async function startPolling(bot: Bot<BotContext>, logger: Logger, opts: PollingOptions = {}): Promise<RunnerHandle> {
  await bot.init(); // getMe now, so that a bad token fails here and botInfo is known
  await bot.api.deleteWebhook().catch((err) => logger.warn({ err: String(err) }, "deleteWebhook failed"));
  return run(bot, {
    source: opts.source,
    runner: { fetch: { timeout: opts.timeout ?? 30, allowed_updates: [...ALLOWED_UPDATES] }, silent: true },
  });
}

/**
 * Serves Telegram's webhook calls on node:http (port config.bot.webhookPort) and registers the webhook.
 * Requests without the secret token header are refused (grammY checks X-Telegram-Bot-Api-Secret-Token).
 */
export async function startWebhook(bot: Bot<BotContext>, config: Config, logger: Logger, opts: { register?: boolean } = {}): Promise<Server> {
  const { webhookUrl, webhookSecret, webhookPort } = config.bot;
  if (!webhookSecret) throw new ConfigError("webhook_secret_missing", "BOT_MODE=webhook needs WEBHOOK_SECRET / Chế độ webhook cần WEBHOOK_SECRET.");
  if (!webhookUrl && opts.register !== false) {
    throw new ConfigError("webhook_url_missing", "BOT_MODE=webhook needs WEBHOOK_URL / Chế độ webhook cần WEBHOOK_URL.");
  }
  await bot.init();
  const handle = webhookCallback(bot, "http", { secretToken: webhookSecret, onTimeout: "return", timeoutMilliseconds: 55_000 });
  const server = createServer((req, res) => {
    if (req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      logger.error({ err: err instanceof Error ? err.message : String(err) }, "webhook request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(webhookPort, resolve));
  if (opts.register !== false && webhookUrl) {
    await bot.api.setWebhook(webhookUrl, { secret_token: webhookSecret, allowed_updates: [...ALLOWED_UPDATES] });
  }
  logger.info({ port: webhookPort }, "webhook listening");
  return server;
}
