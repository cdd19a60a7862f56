/**
 * The bot under load: the real bot in a child process, polling the telegram-test-api emulator run here;
 * 50 simulated users each send a question, wait for the complete reply (the message that carries the
 * 👍/👎 keyboard) and send the next, until 10,000 messages are answered. Reports reply latency, messages
 * per second and the bot process's resident memory.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import type { BotChildMemory } from "../child/bot.js";
import { PROJECT } from "../lib/child.js";
import { deadline, importPiece, Skip, workDir, type BenchContext, type Section, type SectionBody } from "../lib/context.js";
import { latencyQuestions } from "../lib/questions.js";
import { fmt, latency } from "../lib/stats.js";

const USERS = 50;
const TOKEN = "123456:bench-token";
const REPLY_TIMEOUT_MS = 30_000;
const MESSAGES = 10_000;
/** Seconds of load in the default run (10,000 messages do not fit the 10 minutes at the time of writing). */
const BUDGET_S = 90;
/** Messages from a single user first: reply latency without queueing behind 49 others. */
const SINGLE_MESSAGES = 40;

type TestApi = { default: typeof import("telegram-test-api").default };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Forks the bot child and resolves with it once it polls. */
function startBot(dataDir: string, apiRoot: string, corpus: string): Promise<{ child: ChildProcess; ready: BotChildMemory }> {
  return new Promise((resolve, reject) => {
    const child = fork(join(PROJECT, "bench", "child", "bot.ts"), [dataDir, apiRoot, TOKEN, corpus], {
      cwd: PROJECT, execArgv: ["--import", "tsx"], stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    child.once("exit", (code) => reject(new Error(`bot child exited ${code}: ${stderr.trim().split("\n").slice(-4).join(" / ")}`)));
    child.on("message", (m: { ready?: boolean; memory?: BotChildMemory }) => {
      if (m.ready) resolve({ child, ready: m.memory! });
    });
  });
}

function ask<T>(child: ChildProcess, message: string, key: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off("message", on);
        resolve(m[key] as T);
      }
    };
    child.on("message", on);
    child.send(message);
  });
}

export const botSection: Section = {
  name: "Bot under load",
  key: "bot",
  async run(ctx: BenchContext): Promise<SectionBody> {
    await importPiece("../../bot/bot.js", "bot/bot.ts (createBot)");
    await importPiece("../../bot/run.js", "bot/run.ts (startPolling)");
    const api = await importPiece<TestApi>("telegram-test-api", "telegram-test-api");
    const TelegramServer = api.default;
    if (typeof TelegramServer !== "function") throw new Skip("telegram-test-api exports no TelegramServer");
    const total = ctx.quick ? 1000 : MESSAGES;
    const { questions, source } = latencyQuestions(ctx, 200);
    const port = await freePort();
    const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 30 });
    await server.start();
    let bot: ChildProcess | undefined;
    try {
      const started = await startBot(workDir(ctx, "stores", "bot"), server.config.apiURL, join(PROJECT, "sample-corpus"));
      bot = started.child;
      const waiting = new Map<number, () => void>();
      server.on("AddedBotMessage", () => {
        const last = server.storage.botMessages[server.storage.botMessages.length - 1];
        const markup = last?.message.reply_markup as { inline_keyboard?: unknown } | undefined;
        if (last && markup?.inline_keyboard) waiting.get(Number(last.message.chat_id))?.();
      });

      /** `users` closed-loop users until `total` messages are sent or `end` passes. */
      const load = async (users: number, total: number, end: number) => {
        let sent = 0, timeouts = 0;
        const ms: number[] = [];
        const user = async (u: number) => {
          const id = 10_000 + u;
          const client = server.getClient(TOKEN, { userId: id, chatId: id, firstName: `U${u}`, userName: `user${u}`, type: "private" });
          while (sent < total && performance.now() < end) {
            const q = questions[sent++ % questions.length]!;
            const t0 = performance.now();
            const replied = new Promise<boolean>((resolve) => {
              const timer = setTimeout(() => resolve(false), REPLY_TIMEOUT_MS);
              waiting.set(id, () => { clearTimeout(timer); resolve(true); });
            });
            await client.sendMessage(client.makeMessage(q));
            if (await replied) ms.push(performance.now() - t0);
            else timeouts++;
            waiting.delete(id);
          }
        };
        const t0 = performance.now();
        await Promise.all(Array.from({ length: users }, (_, u) => user(u)));
        return { ms, timeouts, seconds: (performance.now() - t0) / 1000 };
      };

      ctx.log("bot: one user, unloaded latency");
      const single = await load(1, ctx.quick ? 10 : SINGLE_MESSAGES, Infinity);
      ctx.log(`bot: ${total} messages from ${USERS} users`);
      const { ms, timeouts, seconds } = await load(USERS, total, deadline(ctx, ctx.quick ? BUDGET_S / 4 : BUDGET_S));
      const after = await ask<BotChildMemory>(bot, "rss", "memory");
      const one = latency(single.ms);
      const lat = latency(ms);
      return {
        tables: [{
          title: `One user alone, ${single.ms.length} messages (reply latency without load)`,
          header: ["replies", "timeouts", "latency p50 ms", "p95 ms", "max ms"],
          rows: [[String(single.ms.length), String(single.timeouts), fmt(one.p50, 1), fmt(one.p95, 1), fmt(one.max, 0)]],
        }, {
          title: `${ms.length.toLocaleString("en-US")} messages from ${USERS} users through telegram-test-api (one run)`,
          header: ["replies", "timeouts", "msg/s", "latency p50 ms", "p95 ms", "max ms", "RSS at start MB", "RSS after MB", "peak RSS MB", "heap after MB"],
          rows: [[String(ms.length), String(timeouts), fmt(ms.length / seconds, 1), fmt(lat.p50, 1), fmt(lat.p95, 1), fmt(lat.max, 0),
            fmt(started.ready.rssMB, 0), fmt(after.rssMB, 0), fmt(after.peakRssMB, 0), fmt(after.heapUsedMB, 0)]],
        }],
        notes: [
          `Each user sends a question, waits for the complete reply (the message carrying the feedback keyboard) and sends the next: a closed loop, so msg/s is the bot's capacity at ${USERS} concurrent users and the loaded latency is mostly queueing (${USERS} users / ${fmt(ms.length / seconds, 1)} msg/s ≈ ${fmt((USERS / (ms.length / seconds)) * 1000, 0)} ms); the one-user table is the latency a user sees when the bot is idle. Questions: ${source}, cycled.`,
          "The bot runs in a child process (its RSS is reported) with the sample corpus ingested; long polling via @grammyjs/runner (timeout 0, up to 25 ms between empty polls, as tests/bot/emulator.ts). The outgoing throttler (Telegram's ~30 msg/s limit) and the per-user rate limit are off: the figure is the bot's own capacity, not Telegram's.",
          ms.length + timeouts >= total
            ? `One run of ${total.toLocaleString("en-US")} messages${total < MESSAGES ? " (quick variant)" : " (the memory test)"}; the latency percentiles are over all of them.`
            : `Time-boxed at ${ctx.quick ? BUDGET_S / 4 : BUDGET_S} s: ${(ms.length + timeouts).toLocaleString("en-US")} of the ${MESSAGES.toLocaleString("en-US")} messages, so "RSS after" is after that many; at ${fmt(ms.length / seconds, 1)} msg/s the 10,000 would take ${fmt(MESSAGES / (ms.length / seconds), 0)} s (BENCH_FULL=1 sends them all).`,
          "The emulator and the simulated users share this process, so latency includes their HTTP work.",
        ],
        goals: [],
      };
    } finally {
      if (bot && bot.exitCode === null) {
        bot.removeAllListeners("exit");
        await Promise.race([ask(bot, "stop", "stopped"), new Promise((r) => setTimeout(r, 5000))]);
        if (bot.exitCode === null) bot.kill();
      }
      await server.stop();
    }
  },
};
