/**
 * Child process of the bot benchmark: the real bot (createBot + long polling with @grammyjs/runner) on a
 * store of the sample corpus, talking to the telegram-test-api emulator whose URL the parent passes.
 * Usage (forked with IPC): bot.ts DATA_DIR API_ROOT TOKEN CORPUS_DIR. Answers "rss" with its memory,
 * "stop" by stopping; sends { ready } once polling.
 */
import { openApp } from "../../app/open.js";
import { createBot } from "../../bot/bot.js";
import { startPolling } from "../../bot/run.js";
import { loadConfig } from "../../core/config.js";
import { peakRssMB, rssMB } from "../lib/machine.js";

export interface BotChildMemory {
  rssMB: number;
  heapUsedMB: number;
  peakRssMB: number;
}

function memory(): BotChildMemory {
  return { rssMB: rssMB(), heapUsedMB: process.memoryUsage().heapUsed / 1024 / 1024, peakRssMB: peakRssMB() };
}

async function main(): Promise<void> {
  const [dataDir, apiRoot, token, corpus] = process.argv.slice(2);
  if (!dataDir || !apiRoot || !token || !corpus) throw new Error("usage: bot.ts DATA_DIR API_ROOT TOKEN CORPUS_DIR");
  const config = loadConfig({
    DATA_DIR: dataDir, LOG_LEVEL: "silent", BOT_TOKEN: token, BOT_API_ROOT: apiRoot, BOT_OPEN_ACCESS: "true",
    // 200 messages a user in a minute or two: the per-user limit (20/min by default) would answer most of them
    // with "slow down"; the benchmark measures answering, so the limit is lifted.
    BOT_RATE_LIMIT_PER_MINUTE: "1000000",
  });
  const app = await openApp(config);
  await app.ingest([corpus]);
  // The throttler holds sends to Telegram's limits (~30 messages/s overall); off, to measure the bot itself.
  const bot = createBot({ app, throttle: false });
  const runner = await startPolling(bot, app.logger, { timeout: 0, source: { speedTrafficBalance: 1, maxDelayMilliseconds: 25 } });
  process.on("message", (m: unknown) => {
    if (m === "rss") process.send?.({ memory: memory() });
    if (m === "stop") {
      void (async () => {
        if (runner.isRunning()) await runner.stop();
        await app.close();
        process.send?.({ stopped: true }, () => process.exit(0));
      })();
    }
  });
  process.send?.({ ready: true, memory: memory() });
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
