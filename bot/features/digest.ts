/**
 * Placeholder so that bot/bot.ts can register digests now; the digest engineer replaces this file
 * (subscriptions: /theodoi, /huy_theodoi, ...).
 */
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";

export function digestFeature(_deps: BotDeps): Composer<BotContext> {
  return new Composer<BotContext>();
}
