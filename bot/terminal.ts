/**
 * The terminal chat (no BOT_TOKEN): every typed line goes through the same handlers as Telegram, as a
 * private-chat update from an admin; what the bot would send is printed as plain text instead.
 */
import { createInterface } from "node:readline";
import type { Bot } from "grammy";
import type { Message, Update, UserFromGetMe, InlineKeyboardMarkup, InlineKeyboardButton } from "grammy/types";
import type { App } from "../app/types.js";
import { createBot } from "./bot.js";
import type { BotContext } from "./context.js";
import { stripHtml } from "../present/split.js";

/**
 * The terminal chat's id, as user and as (private) chat. It is granted access in the store, so that the
 * CLI sees this chat as the bot does: `nhiemvu digest --chat 1 --dry-run` shows its /theodoi digests.
 */
export const TERMINAL_CHAT_ID = 1;

export const TERMINAL_BANNER =
  "Không có BOT_TOKEN: đang chạy chế độ trò chuyện trên terminal (No BOT_TOKEN: terminal chat mode). " +
  "Gõ câu hỏi hoặc /help; gõ số để bấm nút; Ctrl+D để thoát. " +
  `Mã chat của terminal (terminal chat id): ${TERMINAL_CHAT_ID} — xem bản tin: npm run nhiemvu -- digest --chat ${TERMINAL_CHAT_ID} --dry-run`;

const USER_ID = TERMINAL_CHAT_ID;
const BOT_INFO: UserFromGetMe = {
  id: 1_000_000, is_bot: true, first_name: "nhiemvu", username: "nhiemvu_terminal_bot",
  can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: true,
  can_connect_to_business: false, has_main_web_app: false, has_topics_enabled: false, allows_users_to_create_topics: false,
} as UserFromGetMe;

export interface TerminalOptions {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** Runs the chat until the input ends (EOF, or Ctrl+D), answering each line before reading the next. */
export async function runTerminal(app: App, opts: TerminalOptions = {}): Promise<void> {
  const out = opts.output ?? process.stdout;
  const print = (s: string) => void out.write(`${s}\n`);
  const config = { ...app.config, bot: { ...app.config.bot, admins: [...app.config.bot.admins, USER_ID] } };
  const bot = createBot({ app, config, token: "0:terminal", botInfo: BOT_INFO, throttle: false });
  let buttons: InlineKeyboardButton.CallbackButton[] = [];
  let messageId = 0;
  let updateId = 0;
  const chat = { id: USER_ID, type: "private" as const, first_name: "Terminal" };
  const from = { id: USER_ID, is_bot: false, first_name: "Terminal" };

  bot.api.config.use(async (_prev, method, payload) => {
    const p = payload as Record<string, unknown>;
    if (method === "sendMessage" || method === "editMessageText") {
      print(`\n${p.parse_mode === "HTML" ? stripHtml(String(p.text)) : String(p.text)}`);
      buttons = showButtons(p.reply_markup as InlineKeyboardMarkup | undefined, print) ?? (method === "sendMessage" ? [] : buttons);
      const result: Message.TextMessage = { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat, text: String(p.text) };
      return { ok: true, result } as never;
    }
    if (method === "answerCallbackQuery" && p.text) print(`(${String(p.text)})`);
    return { ok: true, result: true } as never;
  });

  // Recorded, not only in this process's config: the digest command and the scheduler read the store.
  if (!(await app.store.isAllowed(USER_ID))) await app.store.grant({ id: USER_ID, kind: "user", label: "terminal chat" });
  print(TERMINAL_BANNER);
  const rl = createInterface({ input: opts.input ?? process.stdin, terminal: false });
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) continue;
    const n = /^\d{1,2}$/.test(line) ? Number(line) : 0;
    let update: Update;
    if (n >= 1 && n <= buttons.length) {
      const b = buttons[n - 1]!;
      const message = { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, text: "" };
      update = { update_id: ++updateId, callback_query: { id: String(updateId), from, chat_instance: "terminal", data: b.callback_data, message } } as Update;
    } else {
      const entities = line.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: line.split(/\s/)[0]!.length }] : undefined;
      const message = { message_id: ++messageId, date: Math.floor(Date.now() / 1000), chat, from, text: line, entities } as Message.TextMessage;
      update = { update_id: ++updateId, message } as Update;
    }
    await handle(bot, update, print);
  }
}

async function handle(bot: Bot<BotContext>, update: Update, print: (s: string) => void): Promise<void> {
  try {
    await bot.handleUpdate(update);
  } catch (err) {
    print(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Prints "[1] 📖 Nguyên văn  [2] 👍 ..." and returns the callback buttons in that order. */
function showButtons(markup: InlineKeyboardMarkup | undefined, print: (s: string) => void): InlineKeyboardButton.CallbackButton[] | undefined {
  const flat = (markup?.inline_keyboard ?? []).flat().filter((b): b is InlineKeyboardButton.CallbackButton => "callback_data" in b);
  if (flat.length === 0) return undefined;
  print(flat.map((b, i) => `[${i + 1}] ${b.text}`).join("  "));
  return flat;
}
