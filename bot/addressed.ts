/** Whether a message is meant for the bot (groups: a command, a mention, or a reply to the bot). */
import type { BotContext } from "./context.js";

/** True for private chats, callbacks and inline queries; in groups only for a command to us, a mention or a reply to us. */
export function isAddressed(ctx: BotContext): boolean {
  if (ctx.callbackQuery || ctx.inlineQuery) return true;
  const msg = ctx.message;
  if (!msg) return false;
  if (msg.chat.type === "private") return true;
  const text = msg.text ?? msg.caption ?? "";
  const entities = msg.entities ?? msg.caption_entities ?? [];
  const me = ctx.me.username.toLowerCase();
  for (const e of entities) {
    const word = text.slice(e.offset, e.offset + e.length).toLowerCase();
    if (e.type === "bot_command" && e.offset === 0) {
      const at = word.indexOf("@");
      if (at < 0 || word.slice(at + 1) === me) return true;
    }
    if (e.type === "mention" && word === `@${me}`) return true;
  }
  return msg.reply_to_message?.from?.id === ctx.me.id;
}

/** The question in a message: the text without the bot's @mention. */
export function questionText(ctx: BotContext): string {
  const text = ctx.message?.text ?? "";
  const me = ctx.me.username;
  return text.replace(new RegExp(`@${me.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "gi"), " ").replace(/\s+/g, " ").trim();
}
