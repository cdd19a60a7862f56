/**
 * Soak: 1,000 questions from 50 simulated users through the Bot API emulator. Every question must be
 * answered exactly once; throughput, latency and heap are printed (no timing assertions).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeApp, testConfig, type FakeApp } from "./fakes.js";
import { startEmulated, TOKEN, type Emulated } from "./emulator.js";

const USERS = 50;
const PER_USER = 20;
let emu: Emulated;
let app: FakeApp;

beforeAll(async () => {
  app = fakeApp(testConfig({ BOT_ADMINS: "1", BOT_OPEN_ACCESS: "true", BOT_RATE_LIMIT_PER_MINUTE: "1000" }));
  // Telegram's real pacing (1 message/s per chat, 30/s overall) would make this a 35 s test of the throttler;
  // it stays in the path but with room, so that the numbers measure the bot.
  emu = await startEmulated(app, {
    throttle: { global: { reservoir: 5000, reservoirRefreshAmount: 5000, reservoirRefreshInterval: 1000 }, out: { maxConcurrent: 4 }, group: { maxConcurrent: 4 } },
  });
});
afterAll(async () => emu?.stop());

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe("soak", () => {
  it(`answers ${USERS * PER_USER} questions from ${USERS} users, each exactly once`, async () => {
    const answers = new Map<string, number>();
    const waiting = new Map<string, () => void>();
    const server = emu.server;
    let seen = 0;
    server.on("AddedBotMessage", () => {
      const stored = server.storage.botMessages;
      for (; seen < stored.length; seen++) {
        const text = String(stored[seen]!.message.text);
        const tag = /«(Q\d+-\d+) /.exec(text)?.[1];
        if (!tag) continue;
        answers.set(tag, (answers.get(tag) ?? 0) + 1);
        waiting.get(tag)?.();
      }
    });
    const latencies: number[] = [];
    const heap: number[] = [process.memoryUsage().heapUsed];
    let done = 0;
    const started = performance.now();

    const user = async (u: number) => {
      const client = server.getClient(TOKEN, { userId: 10_000 + u, chatId: 10_000 + u, firstName: `U${u}` });
      for (let i = 0; i < PER_USER; i++) {
        const tag = `Q${u}-${i}`;
        const answered = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${tag} not answered in 15 s`)), 15_000);
          waiting.set(tag, () => {
            clearTimeout(timer);
            waiting.delete(tag);
            resolve();
          });
        });
        const t0 = performance.now();
        await client.sendMessage(client.makeMessage(`${tag} Ban Tổ chức Trung ương được giao gì trong quý ${(i % 4) + 1}/2026?`));
        await answered;
        latencies.push(performance.now() - t0);
        if (++done % 250 === 0) heap.push(process.memoryUsage().heapUsed);
      }
    };
    await Promise.all(Array.from({ length: USERS }, (_, u) => user(u)));
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 300)); // let any duplicate arrive before counting

    const sorted = [...latencies].sort((a, b) => a - b);
    const mb = heap.map((h) => (h / 1024 / 1024).toFixed(1));
    console.log(
      `soak: ${done} questions from ${USERS} users in ${seconds.toFixed(1)} s = ${(done / seconds).toFixed(0)} answers/s; ` +
        `reply latency p50 ${pct(sorted, 50).toFixed(0)} ms, p95 ${pct(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms; ` +
        `heap MB at 0/250/500/750/1000: ${mb.join(" / ")}`,
    );
    expect(answers.size).toBe(USERS * PER_USER);
    expect([...answers.values()].every((n) => n === 1)).toBe(true);
    expect(app.fakeAnswerer.calls).toHaveLength(USERS * PER_USER);
    // Roughly flat: the bot keeps bounded maps only (the emulator itself stores every message).
    expect(heap.at(-1)! - heap[1]!).toBeLessThan(200 * 1024 * 1024);
  });
});
