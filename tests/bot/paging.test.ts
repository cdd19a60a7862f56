/**
 * "Xem thêm" goes on from where a page ended. A page of passages holds at most 3 while the bot asks for
 * 8 a page: paging by 8 skipped passages 4-8 (issue 16). Paged through with the real handlers, every
 * result of an answer is shown exactly once.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { openApp } from "../../app/open.js";
import { createBot } from "../../bot/bot.js";
import { loadConfig } from "../../core/config.js";
import { removeDir, SAMPLE_CORPUS, tempDir } from "../helpers/app.js";
import { BOT_INFO, buttons, type Call } from "./harness.js";

const USER = 200;
const dir = tempDir("nhiemvu-paging-");
let updateId = 1;
const from = { id: USER, is_bot: false, first_name: "U" };
const chat = { id: USER, type: "private", first_name: "U" };
const text = (t: string) => ({ update_id: updateId++, message: { message_id: updateId, date: 1, chat, from, text: t } }) as unknown as Update;
const press = (data: string) =>
  ({ update_id: updateId++, callback_query: { id: String(updateId), from, chat_instance: "c", data, message: { message_id: 1, date: 1, chat, text: "…" } } }) as unknown as Update;

describe("Xem thêm", () => {
  const app = openApp(loadConfig({ DATA_DIR: join(dir, "data"), BOT_TOKEN: "1:PAGING", BOT_ADMINS: "100", LOG_LEVEL: "silent" }));
  afterAll(async () => {
    await (await app).close();
    removeDir(dir);
  });

  it("shows every passage of an answer once, page after page, and then offers no more", async () => {
    const a = await app;
    await a.ingest([SAMPLE_CORPUS]);
    await a.store.grant({ id: USER, kind: "user" });
    const question = "đại hội đảng bộ các cấp";
    // What the answerer holds for the question, asked page by page with its own next offsets.
    const expected: string[] = [];
    for (let offset: number | undefined = 0; offset !== undefined;) {
      const page = await a.answerer.ask(question, { offset, limit: 8, llm: false });
      expected.push(...page.citations.map((c) => c.quote));
      offset = page.more ? page.nextOffset : undefined;
    }
    expect(expected.length, "the question has more than one page of passages").toBeGreaterThan(3);

    // The bot pages through the real answerer; what each page cited is recorded on the way.
    const cited: string[] = [];
    const ask = a.answerer.ask.bind(a.answerer);
    const answerer = { ask: async (q: string, o?: Parameters<typeof ask>[1]) => {
      const answer = await ask(q, o);
      cited.push(...answer.citations.map((c) => c.quote));
      return answer;
    } };
    const bot = createBot({ app: { ...a, answerer }, botInfo: BOT_INFO, throttle: false });
    const calls: Call[] = [];
    bot.api.config.use(async (_prev, method, payload) => {
      calls.push({ method, payload: payload as Record<string, any> });
      const result = method === "sendMessage" ? { message_id: calls.length, date: 1, chat, text: "" } : true;
      return { ok: true, result } as never;
    });
    await bot.handleUpdate(text(question));
    for (let pages = 0; pages < 10; pages++) {
      const reply = calls.filter((c) => c.method === "sendMessage").at(-1);
      calls.length = 0;
      const more = reply ? buttons(reply).find((x) => x.data.startsWith("more:")) : undefined;
      if (!more) break;
      await bot.handleUpdate(press(more.data));
    }
    expect(cited).toEqual(expected);
  });
});
