/** Starts telegram-test-api (the Bot API emulator) on a free loopback port, with our bot polling it. */
import { createServer } from "node:net";
import type { RunnerHandle } from "@grammyjs/runner";
import { TelegramServer } from "telegram-test-api/lib/telegramServer.js";
import type { APIThrottlerOptions } from "@grammyjs/transformer-throttler";
import type { Bot } from "grammy";
import type { App } from "../../app/types.js";
import { createBot, registerCommands } from "../../bot/bot.js";
import type { BotContext } from "../../bot/context.js";
import { startPolling } from "../../bot/run.js";

export const TOKEN = "4242:EMULATOR_TOKEN";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Emulated {
  server: TelegramServer;
  bot: Bot<BotContext>;
  runner: RunnerHandle;
  stop(): Promise<void>;
}

/** The emulator's getUpdates returns at once (no long polling), so the runner pauses briefly between polls. */
export async function startEmulated(app: App, opts: { throttle?: APIThrottlerOptions | false } = {}): Promise<Emulated> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
  await server.start();
  const bot = createBot({ app, token: TOKEN, apiRoot: server.config.apiURL, throttle: opts.throttle });
  await registerCommands(bot, app.logger); // the emulator answers 500: must not throw
  const runner = await startPolling(bot, app.logger, { timeout: 0, source: { speedTrafficBalance: 1, maxDelayMilliseconds: 25 } });
  return {
    server, bot, runner,
    async stop() {
      if (runner.isRunning()) await runner.stop();
      await server.stop();
    },
  };
}
