/** Drives createBot with handleUpdate and records outgoing API calls (no network). */
import type { Bot } from "grammy";
import type { Message, Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../bot/bot.js";
import type { BotContext } from "../../bot/context.js";
import type { Config } from "../../core/config.js";
import { fakeApp, testConfig, type FakeApp } from "./fakes.js";

export const BOT_INFO = {
  id: 999, is_bot: true, first_name: "Nhiệm vụ", username: "nhiemvu_test_bot",
  can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: true,
  can_connect_to_business: false, has_main_web_app: false,
} as UserFromGetMe;

export const ADMIN = 100;
export const USER = 200; // granted in the store by harness({ allowUser: true })
export const STRANGER = 300;

export interface Call { method: string; payload: Record<string, any> }

export interface Harness {
  app: FakeApp;
  bot: Bot<BotContext>;
  calls: Call[];
  /** Replaces the fake API's answer for one call (return undefined to use the default). */
  override?: (c: Call) => unknown;
  sent(): Call[];
  texts(): string[];
  clear(): void;
  text(from: number, text: string, chat?: { id: number; type: "private" | "group" | "supergroup" }, extra?: Partial<Message.TextMessage>): Promise<void>;
  press(from: number, data: string, chatId?: number, messageId?: number): Promise<void>;
  inline(from: number, query: string): Promise<void>;
  upload(from: number, doc: { file_name: string; file_size: number }): Promise<void>;
}

let updateId = 1;
let messageId = 1;

export function harness(opts: { env?: Record<string, string>; allowUser?: boolean; apiRoot?: string; config?: Config } = {}): Harness {
  const config = opts.config ?? testConfig(opts.env);
  const app = fakeApp(config);
  if (opts.allowUser !== false) app.state.access.push({ id: USER, kind: "user", label: "Người dùng", grantedAt: "2026-01-01T00:00:00Z" });
  const bot = createBot({ app, botInfo: BOT_INFO, apiRoot: opts.apiRoot });
  const calls: Call[] = [];
  const h: Harness = {
    app, bot, calls,
    sent: () => calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText"),
    texts: () => h.sent().map((c) => String(c.payload.text)),
    clear: () => void calls.splice(0),
    async text(from, text, chat, extra) {
      const c = chat ?? { id: from, type: "private" as const };
      const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]!.length }] : [];
      const mention = `@${BOT_INFO.username}`;
      const at = text.indexOf(mention);
      if (at >= 0) entities.push({ type: "mention" as any, offset: at, length: mention.length });
      const message = {
        message_id: messageId++, date: 1, chat: { ...c, first_name: "X", title: "Nhóm" }, from: { id: from, is_bot: false, first_name: `U${from}` },
        text, entities, ...extra,
      };
      await bot.handleUpdate({ update_id: updateId++, message } as unknown as Update);
    },
    async press(from, data, chatId, mid) {
      const message = { message_id: mid ?? 1, date: 1, chat: { id: chatId ?? from, type: (chatId ?? from) < 0 ? "group" : "private", first_name: "X", title: "Nhóm" }, from: { id: BOT_INFO.id, is_bot: true, first_name: "bot" }, text: "…" };
      await bot.handleUpdate({ update_id: updateId++, callback_query: { id: String(updateId), from: { id: from, is_bot: false, first_name: `U${from}` }, chat_instance: "ci", data, message } } as unknown as Update);
    },
    async inline(from, query) {
      await bot.handleUpdate({ update_id: updateId++, inline_query: { id: String(updateId), from: { id: from, is_bot: false, first_name: `U${from}` }, query, offset: "" } } as unknown as Update);
    },
    async upload(from, doc) {
      const message = {
        message_id: messageId++, date: 1, chat: { id: from, type: "private", first_name: "X" }, from: { id: from, is_bot: false, first_name: `U${from}` },
        document: { file_id: `fid-${doc.file_name}`, file_unique_id: `u${messageId}`, ...doc },
      };
      await bot.handleUpdate({ update_id: updateId++, message } as unknown as Update);
    },
  };
  bot.api.config.use(async (_prev, method, payload) => {
    const call = { method, payload: payload as Record<string, any> };
    calls.push(call);
    const custom = h.override?.(call);
    if (custom !== undefined) return custom as never;
    if (method === "sendMessage") {
      return { ok: true, result: { message_id: messageId++, date: 1, chat: { id: call.payload.chat_id, type: "private" }, text: call.payload.text } } as never;
    }
    if (method === "getFile") {
      return { ok: true, result: { file_id: call.payload.file_id, file_unique_id: "u", file_path: `documents/${String(call.payload.file_id).slice(4)}` } } as never;
    }
    return { ok: true, result: true } as never;
  });
  return h;
}

/** All callback_data of a call's inline keyboard. */
export function buttons(c: Call | undefined): Array<{ text: string; data: string }> {
  const rows = (c?.payload.reply_markup?.inline_keyboard ?? []) as Array<Array<{ text: string; callback_data?: string }>>;
  return rows.flat().map((b) => ({ text: b.text, data: b.callback_data ?? "" }));
}
