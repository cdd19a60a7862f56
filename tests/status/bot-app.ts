/** The bot over a real app (SQLite store) with outgoing calls recorded: for status tests. */
import type { Update } from "grammy/types";
import { InputFile } from "grammy";
import { openApp } from "../../app/open.js";
import type { App } from "../../app/types.js";
import { createBot } from "../../bot/bot.js";
import { loadConfig } from "../../core/config.js";
import { BOT_INFO } from "../bot/harness.js";

export const ADMIN = 100;

export interface Sent { method: string; payload: Record<string, any> }

export interface BotOverApp {
  app: App;
  sent: Sent[];
  texts(): string[];
  say(from: number, text: string, replyTo?: { text: string }): Promise<void>;
  press(from: number, data: string): Promise<void>;
  /** The bytes of a file sent with sendPhoto / sendDocument. */
  fileBytes(s: Sent, field: string): Promise<Buffer>;
  close(): Promise<void>;
}

export async function botOverApp(dataDir: string, now: () => Date): Promise<BotOverApp> {
  const config = loadConfig({ DATA_DIR: dataDir, BOT_TOKEN: "1:STATUS", BOT_ADMINS: String(ADMIN), LOG_LEVEL: "silent" });
  const app = await openApp(config, { now });
  const bot = createBot({ app, botInfo: BOT_INFO, throttle: false });
  const sent: Sent[] = [];
  let messageId = 1;
  bot.api.config.use(async (_prev, method, payload) => {
    sent.push({ method, payload: payload as Record<string, any> });
    const result = method.startsWith("send")
      ? { message_id: messageId++, date: 1, chat: { id: (payload as any).chat_id, type: "private" }, text: (payload as any).text ?? "" }
      : true;
    return { ok: true, result } as never;
  });
  let updateId = 1;
  const user = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });
  return {
    app, sent,
    texts: () => sent.filter((s) => s.method === "sendMessage").map((s) => String(s.payload.text)),
    async say(from, text, replyTo) {
      const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(" ")[0]!.length }] : undefined;
      const reply = replyTo ? { message_id: 5000, date: 1, chat: { id: from, type: "private" }, from: { id: BOT_INFO.id, is_bot: true, first_name: "bot" }, text: replyTo.text } : undefined;
      await bot.handleUpdate({
        update_id: updateId++,
        message: { message_id: messageId++, date: 1, chat: { id: from, type: "private", first_name: "X" }, from: user(from), text, entities, reply_to_message: reply },
      } as unknown as Update);
    },
    async press(from, data) {
      await bot.handleUpdate({
        update_id: updateId++,
        callback_query: { id: String(updateId), from: user(from), chat_instance: "ci", data,
          message: { message_id: 1, date: 1, chat: { id: from, type: "private", first_name: "X" }, from: { id: BOT_INFO.id, is_bot: true, first_name: "bot" }, text: "…" } },
      } as unknown as Update);
    },
    async fileBytes(s, field) {
      const file = s.payload[field] as InputFile;
      const data = (file as unknown as { fileData: unknown }).fileData;
      if (data instanceof Uint8Array) return Buffer.from(data);
      throw new Error(`${field} is not an in-memory file`);
    },
    close: () => app.close(),
  };
}

/** All buttons of the messages sent so far. */
export function allButtons(sent: Sent[]): Array<{ text: string; data: string }> {
  return sent.flatMap((s) => ((s.payload.reply_markup?.inline_keyboard ?? []) as Array<Array<{ text: string; callback_data?: string }>>)
    .flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" })));
}
