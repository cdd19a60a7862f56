/**
 * How many store calls a question costs, over the real SQLite store and the sample corpus: the answerer
 * alone, and the whole bot path (access check, answer, remembered answer, the 📖 Nguyên văn button). Each
 * bound is the count measured when it was set (2026-12-06), so a change that adds calls per hit or looks a
 * document up again fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import type { App } from "../../app/types.js";
import { createBot } from "../../bot/bot.js";
import { createAnswerer } from "../../qa/answerer.js";
import { resolveScope } from "../../qa/scope.js";
import type { Store } from "../../store/types.js";
import { BOT_INFO } from "../bot/harness.js";
import { openTempApp, removeDir, SAMPLE_CORPUS } from "../helpers/app.js";

/** The store with every method call recorded by name, in order. */
function counting(store: Store): { store: Store; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, prop, recv) {
      const value = Reflect.get(target, prop, recv);
      if (typeof value !== "function" || typeof prop !== "string") return value;
      return (...args: unknown[]) => {
        calls.push(prop);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

const QUESTIONS = {
  passage: "Hạn chót tổ chức tập huấn, bồi dưỡng nghiệp vụ cho cấp uỷ viên là khi nào?",
  assignment: "Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?",
  // The sample texts carry no number: "Kết luận 229" is found through the news that mentions it.
  document: "Kết luận 229 giao nhiệm vụ gì về cấp thẻ đảng viên?",
} as const;

/** Upper bounds: the answerer alone, and the bot path from the message to the reply with its buttons. */
const BOUNDS: Record<keyof typeof QUESTIONS, { qa: number; bot: number }> = {
  // Before citations carried their ids, the bot added findDocuments and getSections (and getDocument when
  // the label did not match) to each: passage 6 / 9, assignment 1 / 4, document 8 / 11.
  passage: { qa: 6, bot: 7 },
  assignment: { qa: 1, bot: 2 },
  document: { qa: 8, bot: 9 },
};

let app: App & { dir: string };
beforeAll(async () => {
  app = await openTempApp({ BOT_TOKEN: "1:COUNT", BOT_ADMINS: "100" });
  expect((await app.ingest([SAMPLE_CORPUS])).counts.failed).toBe(0);
});
afterAll(async () => {
  await app.close();
  removeDir(app.dir);
});

function countingApp(): { app: App; calls: string[] } {
  const { store, calls } = counting(app.store);
  const answerer = createAnswerer({ store, registry: app.registry, embeddings: app.embeddings, config: app.config, logger: app.logger, now: app.now });
  return { app: { ...app, store, answerer }, calls };
}

describe("store calls per question", () => {
  for (const [kind, question] of Object.entries(QUESTIONS) as Array<[keyof typeof QUESTIONS, string]>) {
    it(`${kind}: the answerer and the bot stay within their bounds, and the 📖 button needs no lookup by name`, async () => {
      const qa = countingApp();
      const answer = await qa.app.answerer.ask(question, { llm: false });
      expect(answer.found).toBe(true);

      const viaBot = countingApp();
      const bot = createBot({ app: viaBot.app, botInfo: BOT_INFO });
      const sent: Array<Record<string, any>> = [];
      bot.api.config.use(async (_p, method, payload) => {
        if (method === "sendMessage") sent.push(payload as Record<string, any>);
        return { ok: true, result: method === "sendMessage" ? { message_id: sent.length, date: 1, chat: { id: 100, type: "private" }, text: "" } : true } as never;
      });
      await bot.handleUpdate({
        update_id: 1,
        message: { message_id: 1, date: 1, chat: { id: 100, type: "private", first_name: "A" }, from: { id: 100, is_bot: false, first_name: "A" }, text: question },
      } as Update);
      const source = sent.flatMap((s) => s.reply_markup?.inline_keyboard.flat() ?? []).find((b: { text: string }) => b.text === "📖 Nguyên văn");
      // The button opens the first citation's document and section, as the answerer recorded them.
      const [, docId, index] = /^src:(\d+):(\d+)$/.exec(String(source?.callback_data))!.map(Number);
      const first = answer.citations[0]!;
      expect((await app.store.getDocument(docId!))?.name).toBe(first.doc);
      expect((await app.store.getSections(docId!)).find((s) => s.index === index)?.label).toBe(first.section);

      console.log(`${kind}: answerer ${qa.calls.length} [${qa.calls.join(" ")}]; bot ${viaBot.calls.length} [${viaBot.calls.join(" ")}]`);
      expect(qa.calls.length).toBeLessThanOrEqual(BOUNDS[kind].qa);
      expect(viaBot.calls.length).toBeLessThanOrEqual(BOUNDS[kind].bot);
    });
  }
});

describe("scope", () => {
  it("finds the documents that mention a reference with one search and one read of all its hits", async () => {
    // "Chỉ thị số 45-CT/TW" is written in two sample documents: two hits, one read.
    const { store, calls } = counting(app.store);
    const scope = await resolveScope([{ ref: "45", kind: "chi_thi" }], store);
    expect(scope.via).toBe("mention");
    const hits = await app.store.searchLexical({ column: "folded", terms: [], pairs: [], phrases: ["chi thi so 45", "chi thi 45"] }, {}, 50);
    expect(hits.length).toBeGreaterThan(1);
    const docs = (await app.store.getChunks(hits.map((h) => h.chunkId))).map((c) => c.docId);
    expect(new Set(scope.docIds)).toEqual(new Set(docs));
    expect(calls).toEqual(["findDocuments", "searchLexical", "getChunks"]);
  });
});
