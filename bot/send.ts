/**
 * Sending rendered HTML: split into messages, buttons under the last one, and a plain-text resend when
 * Telegram rejects the formatting ("can't parse entities") so the user still gets the answer.
 */
import { GrammyError, type Api } from "grammy";
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import type { BotContext } from "./context.js";
import { splitMessages, stripHtml } from "../present/split.js";

export interface SendOptions {
  /** Buttons, attached to the last message. */
  keyboard?: InlineKeyboardMarkup;
  /** Reply to this message (groups, so that the answer sits under its question). */
  replyTo?: number;
  /** What joins items inside one message (default a blank line). */
  separator?: string;
}

/** True for Telegram's 400 "can't parse entities" (our HTML was not accepted). */
export function isParseError(err: unknown): boolean {
  return err instanceof GrammyError && err.error_code === 400 && /can't parse entities|unsupported start tag|can't find end/i.test(err.description);
}

/** Sends one HTML message, falling back to its plain text when the formatting is rejected. */
export async function sendHtml(api: Api, chatId: number, html: string, opts: SendOptions = {}): Promise<Message.TextMessage> {
  const common = {
    reply_markup: opts.keyboard,
    link_preview_options: { is_disabled: true },
    reply_parameters: opts.replyTo ? { message_id: opts.replyTo, allow_sending_without_reply: true } : undefined,
  };
  try {
    return await api.sendMessage(chatId, html, { ...common, parse_mode: "HTML" });
  } catch (err) {
    if (!isParseError(err)) throw err;
    return await api.sendMessage(chatId, stripHtml(html), common);
  }
}

/** Splits items into messages (render/split.ts) and sends them in order; buttons go under the last one. */
export async function sendItems(api: Api, chatId: number, items: string[], opts: SendOptions = {}): Promise<Message.TextMessage[]> {
  const parts = splitMessages(items, undefined, opts.separator);
  const sent: Message.TextMessage[] = [];
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    sent.push(await sendHtml(api, chatId, part, { keyboard: last ? opts.keyboard : undefined, replyTo: i === 0 ? opts.replyTo : undefined }));
  }
  return sent;
}

/** sendItems to the update's chat; in groups the first part replies to the user's message. */
export async function replyItems(
  ctx: BotContext,
  items: string[],
  opts: { keyboard?: InlineKeyboardMarkup; separator?: string } = {},
): Promise<Message.TextMessage[]> {
  const chat = ctx.chat;
  if (!chat) return [];
  const replyTo = chat.type !== "private" && ctx.message ? ctx.message.message_id : undefined;
  return sendItems(ctx.api, chat.id, items, { ...opts, replyTo });
}

/** Shows "typing…" while `work` runs (refreshed every 4.5 s); a failure to show it is ignored. */
export async function withTyping<T>(ctx: BotContext, work: () => Promise<T>): Promise<T> {
  const chatId = ctx.chat?.id;
  if (chatId === undefined) return work();
  const ping = () => {
    ctx.api.sendChatAction(chatId, "typing").catch(() => undefined);
  };
  ping();
  const timer = setInterval(ping, 4500);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

/**
 * Replaces the message under a pressed button with another page (one HTML message and its buttons), falling
 * back to plain text when the formatting is rejected; "message is not modified" (a double press) is ignored.
 */
export async function editHtml(ctx: BotContext, html: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  const common = { reply_markup: keyboard, link_preview_options: { is_disabled: true } };
  try {
    await ctx.editMessageText(html, { ...common, parse_mode: "HTML" });
  } catch (err) {
    if (err instanceof GrammyError && /message is not modified/i.test(err.description)) return;
    if (!isParseError(err)) throw err;
    await ctx.editMessageText(stripHtml(html), common);
  }
}
