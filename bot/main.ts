/**
 * `npm start`: reads the environment once, opens the app, and runs the bot (polling or webhook), or the
 * terminal chat when there is no BOT_TOKEN. Shuts down cleanly on SIGINT/SIGTERM.
 */
import { openApp } from "../app/open.js";
import type { App } from "../app/types.js";
import { SAMPLE_CORPUS_DIR as SAMPLE_CORPUS, loadConfig } from "../core/config.js";
import { ConfigError, plainMessage } from "../core/errors.js";
import { createBot, registerCommands } from "./bot.js";
import { startBotDigests } from "./features/digest.js";
import { startPolling, startWebhook } from "./run.js";
import { runTerminal } from "./terminal.js";

async function main(): Promise<number> {
  let app: App | undefined;
  try {
    const config = loadConfig(process.env);
    app = await openApp(config);
    if (!config.bot.token) {
      // A first run with nothing stored would answer nothing: start from the sample corpus instead.
      if ((await app.store.stats()).documents === 0) {
        const summary = await app.ingest([SAMPLE_CORPUS]);
        console.error(`Kho trống: đã nạp ${summary.counts.new} văn bản mẫu từ ${SAMPLE_CORPUS} (the store was empty; sample corpus loaded).`);
      }
      await runTerminal(app);
      await app.close();
      return 0;
    }
    const bot = createBot({ app });
    const { logger } = app;
    await registerCommands(bot, logger);
    let stop: () => Promise<void>;
    if (config.bot.mode === "webhook") {
      const server = await startWebhook(bot, config, logger);
      stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
    } else {
      const runner = await startPolling(bot, logger);
      stop = async () => {
        if (runner.isRunning()) await runner.stop();
      };
    }
    const digests = startBotDigests(bot, app);
    logger.info({ mode: config.bot.mode, bot: bot.botInfo.username }, "bot started");
    console.error(`nhiemvu bot @${bot.botInfo.username} đang chạy (${config.bot.mode}). Ctrl+C để dừng.`);
    const opened = app;
    await new Promise<void>((resolve) => {
      const shutdown = (signal: string) => {
        logger.info({ signal }, "shutting down");
        digests.stop();
        stop().catch(() => undefined).finally(() => opened.close().finally(resolve));
      };
      process.once("SIGINT", () => shutdown("SIGINT"));
      process.once("SIGTERM", () => shutdown("SIGTERM"));
    });
    return 0;
  } catch (err) {
    console.error(err instanceof ConfigError ? err.message : `nhiemvu: ${plainMessage(err)}`);
    await app?.close().catch(() => undefined);
    return 1;
  }
}

main().then((code) => process.exit(code));
