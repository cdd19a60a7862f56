/** Who may use the bot: admins, users and group chats granted in the store, or everyone with open access. */
import type { BotContext, BotDeps } from "./context.js";

/** Computes ctx.access for an update; a group counts when the chat itself was granted. */
export async function computeAccess(ctx: BotContext, deps: BotDeps): Promise<BotContext["access"]> {
  const userId = ctx.from?.id;
  const admin = deps.isAdmin(userId);
  if (admin || deps.config.bot.openAccess) return { admin, allowed: true };
  if (userId !== undefined && (await deps.app.store.isAllowed(userId))) return { admin, allowed: true };
  const chat = ctx.chat;
  if (chat && (chat.type === "group" || chat.type === "supergroup") && (await deps.app.store.isAllowed(chat.id))) {
    return { admin, allowed: true };
  }
  return { admin, allowed: false };
}
