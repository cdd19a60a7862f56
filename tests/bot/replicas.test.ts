/**
 * Two bot processes in webhook mode behind nginx (round robin), sharing one store, fed by the Bot API
 * emulator: 1,000 questions from 50 users (on PostgreSQL) are each answered, one replica is killed with SIGKILL part way
 * through, and a digest slot owed when both start is delivered once. Runs on PostgreSQL (the deployment
 * this is for) and on one SQLite data directory; skips without nginx, and the PostgreSQL run without a
 * test server. Throughput, latency, nginx retries and the kill moment are printed (no timed assertions).
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../core/config.js";
import { vnTime } from "../../core/time.js";
import { openStore } from "../../store/open.js";
import { PROJECT, tempDir } from "../helpers/app.js";
import { createTestDatabase, pgAdminUrl, type TestDatabase } from "../helpers/pg.js";
import { nginxBin } from "../helpers/services.js";
import { freePort, TOKEN } from "./emulator.js";
import { runCli, startEmulator, startNginx, startReplica, waitFor, type Nginx, type Replica } from "./replicas-harness.js";

const SECRET = "replica-secret";
const DIGEST_CHAT = 7777;
const NGINX = nginxBin();

const QUESTIONS = [
  (i: number) => `Ban Tổ chức Trung ương được giao nhiệm vụ gì trong quý ${(i % 4) + 1}/2026?`,
  () => "Bộ Nội vụ chủ trì những nhiệm vụ nào?",
  (i: number) => `Những nhiệm vụ nào đến hạn trong tháng ${(i % 12) + 1}/2026?`,
  () => "Văn phòng Trung ương Đảng phối hợp thực hiện việc gì?",
  () => "Kết luận 229 giao những nhiệm vụ gì?",
];

interface Asked { user: number; i: number; t0: number; t1: number; answers: number; error?: string }

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Creates a daily digest due at the current minute (Vietnam time), so that it is owed when the replicas start. */
async function subscribeDueNow(env: Record<string, string>): Promise<{ id: number; slotTime: string }> {
  const store = await openStore(loadConfig(env).store);
  try {
    // Not in the last seconds of a minute: the slot and the subscription's own minute must be the same.
    while (new Date().getSeconds() > 55) await new Promise((r) => setTimeout(r, 500));
    const time = vnTime(new Date());
    const sub = await store.addSubscription({ chatId: DIGEST_CHAT, orgIds: [], cadence: "daily", time, lookaheadDays: 14, sendEmpty: true });
    return { id: sub.id, slotTime: time };
  } finally {
    await store.close();
  }
}

/** PostgreSQL at full size; SQLite (a single-host deployment) smaller, to keep the file near two minutes. */
const VARIANTS = [
  { name: "PostgreSQL", pg: true, users: 50, perUser: 20, killAfter: 300 },
  { name: "one SQLite data directory", pg: false, users: 10, perUser: 10, killAfter: 30 },
];

describe.skipIf(!NGINX)("two bot replicas behind nginx", () => {
  for (const variant of VARIANTS) {
    it.skipIf(variant.pg && !pgAdminUrl())(`on ${variant.name}: ${variant.users * variant.perUser} questions from ${variant.users} users each answered, nothing lost when a replica is killed, a digest slot sent once`, async () => {
      const { users: USERS, perUser: PER_USER, killAfter: KILL_AFTER } = variant;
      const dir = tempDir("nhiemvu-replicas-");
      let db: TestDatabase | undefined;
      const server = await startEmulator();
      let nginx: Nginx | undefined;
      const replicas: Replica[] = [];
      try {
        if (variant.pg) db = await createTestDatabase();
        const ports = [await freePort(), await freePort()];
        nginx = await startNginx(NGINX!, join(dir, "nginx"), ports, SECRET);
        const env: Record<string, string> = {
          BOT_TOKEN: TOKEN, BOT_API_ROOT: server.config.apiURL, BOT_MODE: "webhook", WEBHOOK_URL: `http://127.0.0.1:${nginx.port}/`,
          WEBHOOK_SECRET: SECRET, BOT_OPEN_ACCESS: "true", BOT_RATE_LIMIT_PER_MINUTE: "100000",
          DATA_DIR: join(dir, "data"), LOG_LEVEL: "warn", ...(db ? { DATABASE_URL: db.url } : {}),
        };
        await runCli(["ingest", join(PROJECT, "sample-corpus")], env);
        const sub = await subscribeDueNow(env);

        // What the bot sends: answers carry the 👍/👎 keyboard (once per answer, on its last message).
        const answersIn = new Map<number, number>();
        const digests: string[] = [];
        let seen = 0;
        server.on("AddedBotMessage", () => {
          const stored = server.storage.botMessages;
          for (; seen < stored.length; seen++) {
            const m = stored[seen]!.message as { chat_id: number | string; text?: string; reply_markup?: { inline_keyboard?: Array<Array<{ callback_data?: string }>> } };
            const chat = Number(m.chat_id);
            if (chat === DIGEST_CHAT && String(m.text).includes("Bản tin hạn nhiệm vụ")) digests.push(String(m.text));
            if (m.reply_markup?.inline_keyboard?.flat().some((b) => b.callback_data?.startsWith("fb:"))) answersIn.set(chat, (answersIn.get(chat) ?? 0) + 1);
          }
        });

        // Both start at once: both catch-up passes race for the digest owed now.
        replicas.push(...(await Promise.all(ports.map((port, k) => startReplica(`replica-${k + 1}`, { ...env, WEBHOOK_PORT: String(port) })))));

        const asked: Asked[] = [];
        let answered = 0;
        let killAt: number | undefined;
        let killedAfter = 0;
        const started = performance.now();
        const user = async (u: number) => {
          const chat = 20_000 + u;
          const client = server.getClient(TOKEN, { userId: chat, chatId: chat, firstName: `U${u}` });
          for (let i = 0; i < PER_USER; i++) {
            const before = answersIn.get(chat) ?? 0;
            const t0 = performance.now();
            let error: string | undefined;
            // Resolves when the webhook request through nginx has been answered (the bot has replied by then).
            await server.addUserMessage(client.makeMessage(QUESTIONS[(u + i) % QUESTIONS.length]!(i))).catch((err: unknown) => {
              error = err instanceof Error ? err.message : String(err);
            });
            const t1 = performance.now();
            asked.push({ user: u, i, t0, t1, answers: (answersIn.get(chat) ?? 0) - before, error });
            if (++answered === KILL_AFTER) {
              replicas[0]!.proc.kill("SIGKILL");
              killAt = performance.now();
              killedAfter = answered;
            }
          }
        };
        await Promise.all(Array.from({ length: USERS }, (_, u) => user(u)));
        const seconds = (performance.now() - started) / 1000;
        await waitFor(() => digests.length > 0, 30_000, "the digest");
        await new Promise((r) => setTimeout(r, 1_000)); // a duplicate, if any, has time to arrive

        const inFlight = (a: Asked) => killAt !== undefined && a.t0 < killAt && a.t1 > killAt;
        const lost = asked.filter((a) => a.error || a.answers === 0);
        const twice = asked.filter((a) => a.answers > 1);
        const log = nginx.accessLog();
        const retried = log.filter((l) => l.split(" ")[1]?.includes(","));
        const perReplica = ports.map((p) => log.filter((l) => l.includes(`127.0.0.1:${p}`)).length);
        const sorted = asked.map((a) => a.t1 - a.t0).sort((a, b) => a - b);
        console.log(
          `replicas (${variant.name}): ${asked.length} questions from ${USERS} users in ${seconds.toFixed(1)} s = ${(asked.length / seconds).toFixed(0)} answers/s; ` +
            `latency p50 ${pct(sorted, 50).toFixed(0)} ms, p95 ${pct(sorted, 95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms; ` +
            `replica-1 SIGKILLed after ${killedAfter} answers at ${((killAt! - started) / 1000).toFixed(1)} s with ${asked.filter(inFlight).length} questions in flight; ` +
            `nginx requests per upstream ${perReplica.join("/")}, retried on the other replica ${retried.length}; ` +
            `answered twice ${twice.length}; digest messages ${digests.length}`,
        );

        expect(replicas[0]!.proc.signalCode).toBe("SIGKILL");
        expect(replicas[1]!.proc.exitCode).toBeNull();
        expect(asked).toHaveLength(USERS * PER_USER);
        expect(lost).toEqual([]);
        // Exactly once, except a question whose first replica died between replying and recording the update
        // (bot/bot.ts dedupeUpdates): answered again by the other one, never lost.
        expect(twice.filter((a) => !inFlight(a))).toEqual([]);
        expect(twice.every((a) => a.answers === 2)).toBe(true);
        // Round robin: both replicas served, and requests to the dead one went to the other.
        expect(perReplica.every((n) => n > 0)).toBe(true);
        expect(digests).toHaveLength(1);
        const store = await openStore(loadConfig(env).store);
        try {
          const ledger = (await store.exportBotState()).deliveries.filter((d) => d.subscriptionId === sub.id);
          expect(ledger.map((d) => [d.slot.slice(11, 16), d.status])).toEqual([[sub.slotTime, "sent"]]);
        } finally {
          await store.close();
        }
      } finally {
        for (const r of replicas) await r.stop();
        await nginx?.stop();
        await server.stop();
        await db?.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    }, 240_000);
  }
});
