/**
 * Delivering digests through the ledger. For each subscription the slot owed at `now` (digest/slots.ts) is
 * claimed in the store before anything is sent; the claim is a unique (subscription, slot) row, so one
 * slot yields at most one message however many processes share the store and however often they restart.
 *
 * A claimed slot is never retried, even when the process died between the claim and markDelivered: the
 * message may well have reached Telegram already, and nothing in the Bot API tells us whether it did, so
 * retrying would risk the double digest the ledger exists to prevent. A missed digest is followed by the
 * next slot's one, which covers the same overdue tasks; a duplicate would teach users to ignore the bot.
 */
import type { Config } from "../core/config.js";
import type { Logger } from "../core/logger.js";
import type { OrgRegistry } from "../core/orgs.js";
import type { Store, Subscription } from "../store/types.js";
import { buildDigest } from "./build.js";
import { dueSlot } from "./slots.js";
import { formatDate } from "../core/display.js";
import type { InlineKeyboardMarkup } from "grammy/types";

/** Sends rendered HTML items to a chat (the bot: bot/send.ts sendItems over bot.api), with buttons under the
 *  last message when given (the digest's status buttons). Throws what the API throws. */
export type SendItems = (chatId: number, items: string[], keyboard?: InlineKeyboardMarkup) => Promise<void>;

export interface DeliveryDeps {
  store: Store;
  registry: OrgRegistry;
  config: Config;
  logger: Logger;
  now: () => Date;
  send: SendItems;
}

export type DeliveryStatus = "sent" | "empty" | "failed" | "blocked" | "taken";

export interface DeliveryOutcome {
  subscriptionId: number;
  chatId: number;
  /** The slot, or for alerts the ledger key. */
  slot: string;
  status: DeliveryStatus;
  /** Tasks listed (0 for empty or skipped). */
  tasks: number;
}

/**
 * True when Telegram says the chat will never accept our messages: the user blocked the bot (403), the
 * bot was removed from the group, or the chat is gone. Retrying such a chat only burns the rate limit.
 */
export function isChatUnreachable(err: unknown): boolean {
  const e = err as { error_code?: unknown; description?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (e.error_code === 403) return true;
  return e.error_code === 400 && typeof e.description === "string" && /chat not found|user is deactivated|group chat was deleted/i.test(e.description);
}

/** Whether a chat may receive digests now: open access, a bot admin's private chat, or a granted user or group. */
export async function chatMayReceive(deps: Pick<DeliveryDeps, "store" | "config">, chatId: number): Promise<boolean> {
  if (deps.config.bot.openAccess || deps.config.bot.admins.includes(chatId)) return true;
  return deps.store.isAllowed(chatId);
}

/** The slot a subscription is owed at `at` (the latest one not yet in the ledger), if any. */
export async function owedSlot(store: Pick<DeliveryDeps["store"], "lastSlot">, sub: Subscription, at: Date): Promise<string | undefined> {
  return dueSlot(sub, at, { last: await store.lastSlot(sub.id), since: new Date(sub.createdAt) });
}

/** Delivers every digest owed at `at` (default deps.now()), one subscription after the other. */
export async function deliverDue(deps: DeliveryDeps, at: Date = deps.now()): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  const subs = await deps.store.listSubscriptions();
  const allowed = new Map<number, boolean>();
  const unreachable = new Set<number>();
  for (const sub of subs) {
    if (sub.paused || unreachable.has(sub.chatId)) continue;
    const slot = await owedSlot(deps.store, sub, at);
    if (!slot) continue;
    if (!allowed.has(sub.chatId)) allowed.set(sub.chatId, await chatMayReceive(deps, sub.chatId));
    if (!allowed.get(sub.chatId)) {
      // Not claimed: if access is granted again, the next slot is delivered as usual.
      deps.logger.info({ subscription: sub.id, chat: sub.chatId, slot }, "digest skipped: chat no longer has access");
      continue;
    }
    const outcome = await deliverSlot(deps, sub, slot, at);
    // The chat is paused in the store now; its other subscriptions in this pass must not try again.
    if (outcome.status === "blocked") unreachable.add(sub.chatId);
    outcomes.push(outcome);
  }
  return outcomes;
}

/** Claims one slot of one subscription and, when the claim is ours, builds and sends its digest. */
export async function deliverSlot(deps: DeliveryDeps, sub: Subscription, slot: string, at: Date): Promise<DeliveryOutcome> {
  const base = { subscriptionId: sub.id, chatId: sub.chatId, slot, tasks: 0 };
  if (!(await deps.store.claimDelivery(sub.id, slot))) return { ...base, status: "taken" };
  const digest = await buildDigest(deps, sub, at);
  const tasks = digest.overdue.length + digest.upcoming.length;
  let items = digest.items;
  if (items.length === 0) {
    if (!sub.sendEmpty) {
      await deps.store.markDelivered(sub.id, slot, "empty");
      return { ...base, status: "empty" };
    }
    items = [`📬 <b>Bản tin hạn nhiệm vụ</b> — ${formatDate(digest.today)}\nKhông có nhiệm vụ nào quá hạn hoặc đến hạn trong ${sub.lookaheadDays} ngày tới.`];
  }
  return sendClaimed(deps, sub, slot, items, tasks, digest.keyboard);
}

/**
 * Sends items for a claimed ledger key and records the outcome. A chat that cannot be reached has all its
 * subscriptions paused (store.setPaused) instead of being retried every slot; /theodoi resumes them.
 */
export async function sendClaimed(
  deps: DeliveryDeps, sub: Subscription, key: string, items: string[], tasks: number, keyboard?: InlineKeyboardMarkup,
): Promise<DeliveryOutcome> {
  const base = { subscriptionId: sub.id, chatId: sub.chatId, slot: key, tasks };
  try {
    await (keyboard ? deps.send(sub.chatId, items, keyboard) : deps.send(sub.chatId, items));
  } catch (err) {
    const description = err instanceof Error ? err.message : String(err);
    await deps.store.markDelivered(sub.id, key, "failed");
    if (isChatUnreachable(err)) {
      await deps.store.setPaused(sub.chatId, true);
      deps.logger.warn({ subscription: sub.id, chat: sub.chatId, slot: key, err: description }, "chat unreachable: subscriptions paused");
      return { ...base, status: "blocked" };
    }
    deps.logger.error({ subscription: sub.id, chat: sub.chatId, slot: key, err: description }, "digest delivery failed");
    return { ...base, status: "failed" };
  }
  await deps.store.markDelivered(sub.id, key, "sent");
  deps.logger.info({ subscription: sub.id, chat: sub.chatId, slot: key, tasks }, "digest sent");
  return { ...base, status: "sent" };
}
