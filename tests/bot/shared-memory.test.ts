/**
 * Two bots on two apps opened on one data directory (two replicas sharing a SQLite store): what one
 * replica remembers, the other acts on. Buttons under an answer work on either replica, a user votes once,
 * and an access request reaches the admins once, whichever replica each press lands on.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { openApp } from "../../app/open.js";
import type { App } from "../../app/types.js";
import { createBot } from "../../bot/bot.js";
import { loadConfig } from "../../core/config.js";
import { removeDir, SAMPLE_CORPUS, tempDir } from "../helpers/app.js";
import { BOT_INFO, buttons, type Call } from "./harness.js";

const ADMIN = 100;
const USER = 200;
const STRANGER = 300;
const dir = tempDir("nhiemvu-shared-memory-");
const apps: App[] = [];
afterAll(async () => {
  for (const a of apps) await a.close();
  removeDir(dir);
});

/** A replica: a bot over its own app (own connection) on the shared data dir, with its API calls recorded. */
async function replica() {
  const app = await openApp(loadConfig({ DATA_DIR: join(dir, "data"), BOT_TOKEN: "1:SHARED", BOT_ADMINS: String(ADMIN), LOG_LEVEL: "silent" }));
  apps.push(app);
  const bot = createBot({ app, botInfo: BOT_INFO, throttle: false });
  const calls: Call[] = [];
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, any> });
    const result = method === "sendMessage" ? { message_id: calls.length, date: 1, chat: { id: USER, type: "private" }, text: "" } : true;
    return { ok: true, result } as never;
  });
  return { app, bot, calls };
}

let updateId = 1;
const from = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });
const text = (user: number, t: string) =>
  ({ update_id: updateId++, message: { message_id: updateId, date: 1, chat: { id: user, type: "private", first_name: "U" }, from: from(user), text: t } }) as unknown as Update;
const press = (user: number, data: string) =>
  ({ update_id: updateId++, callback_query: { id: String(updateId), from: from(user), chat_instance: "c", data,
    message: { message_id: 1, date: 1, chat: { id: user, type: "private", first_name: "U" }, text: "…" } } }) as unknown as Update;

describe("replicas share the bot's memory through the store", () => {
  it("Xem thêm, 👍 and the access request work on whichever replica a press lands", async () => {
    const a = await replica();
    const b = await replica();
    await a.app.ingest([SAMPLE_CORPUS]);
    await a.app.store.grant({ id: USER, kind: "user" });

    await a.bot.handleUpdate(text(USER, "Những nhiệm vụ nào đến hạn trong năm 2026?"));
    const answer = a.calls.filter((c) => c.method === "sendMessage").at(-1);
    const more = buttons(answer).find((x) => x.data.startsWith("more:"));
    const up = buttons(answer).find((x) => x.data.endsWith(":u"))!;
    expect(more, "the answer has a next page").toBeDefined();

    // The next page, asked on the other replica, continues the same question.
    await b.bot.handleUpdate(press(USER, more!.data));
    expect(b.calls.some((c) => c.method === "answerCallbackQuery" && /cũ/.test(String(c.payload.text)))).toBe(false);
    expect(b.calls.filter((c) => c.method === "sendMessage").length).toBeGreaterThan(0);

    // One vote per user, across replicas.
    await b.bot.handleUpdate(press(USER, up.data));
    await a.bot.handleUpdate(press(USER, up.data));
    const feedback = await a.app.store.exportBotState();
    expect(feedback.feedback).toHaveLength(1);
    expect(a.calls.filter((c) => c.method === "answerCallbackQuery").at(-1)?.payload.text).toBe("Bạn đã góp ý cho câu trả lời này.");

    // A stranger is shown the prompt once, and the admins get the request once.
    await a.bot.handleUpdate(text(STRANGER, "xin chào"));
    await b.bot.handleUpdate(text(STRANGER, "xin chào lần nữa"));
    const prompts = [...a.calls, ...b.calls].filter((c) => c.method === "sendMessage" && c.payload.chat_id === STRANGER);
    expect(prompts).toHaveLength(1);
    await a.bot.handleUpdate(press(STRANGER, "req"));
    await b.bot.handleUpdate(press(STRANGER, "req"));
    const toAdmin = [...a.calls, ...b.calls].filter((c) => c.method === "sendMessage" && c.payload.chat_id === ADMIN);
    expect(toAdmin).toHaveLength(1);
    expect(String(toAdmin[0]!.payload.text)).toContain("U300");
    // The admin approves on the other replica: the grant carries the name the request was noted with.
    await b.bot.handleUpdate(press(ADMIN, `acc:y:${STRANGER}`));
    expect((await b.app.store.listAccess()).find((e) => e.id === STRANGER)?.label).toBe("U300");
  });
});
