/**
 * `nhiemvu digest --chat ID [--at DATETIME] [--dry-run]`: what a chat's deadline digests hold at a given
 * time, for support and tests. With --dry-run nothing is sent or recorded; without it, the digests owed at
 * that time are delivered through the Bot API (needs BOT_TOKEN) and the same ledger as the bot, so a slot
 * the bot already sent is never sent again.
 */
import type { Command } from "commander";
import type { App } from "../../app/types.js";
import { ConfigError, NhiemvuError } from "../../core/errors.js";
import type { DeliveryDeps } from "../../digest/deliver.js";
import { action, type CliContext } from "../context.js";

interface DigestOptions { chat: string; at?: string; dryRun?: boolean }

/** A bad --chat or --at. */
class DigestArgError extends NhiemvuError {}

/**
 * Reads --at: "2025-09-20T07:30", "2025-09-20 07:30" or "2025-09-20" (at `defaultTime`) in Vietnam time;
 * a trailing "Z" or "+07:00" style offset is honoured.
 */
export function parseAt(text: string, defaultTime: string): Date {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) throw new DigestArgError("bad_datetime", `--at must be YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time), not "${text}"`);
  const time = (m[2] ?? defaultTime).padStart(5, "0");
  const zone = m[3] ? (m[3].toUpperCase() === "Z" ? "Z" : m[3].replace(/^([+-]\d{2})(\d{2})$/, "$1:$2")) : "+07:00";
  const d = new Date(`${m[1]}T${time.length === 5 ? `${time}:00` : time}${zone}`);
  if (Number.isNaN(d.getTime())) throw new DigestArgError("bad_datetime", `--at is not a valid date and time: "${text}"`);
  return d;
}

export function registerDigest(program: Command, ctx: CliContext): void {
  program
    .command("digest")
    .description("show (--dry-run) or send the deadline digests a chat's subscriptions hold at a given time")
    .requiredOption("--chat <id>", "Telegram chat id (groups are negative)")
    .option("--at <datetime>", "YYYY-MM-DD[THH:MM] in Vietnam time (default: now)")
    .option("--dry-run", "print the digests as plain text; send and record nothing")
    .action(action(async (opts: DigestOptions) => {
      const chatId = Number(opts.chat);
      if (!Number.isSafeInteger(chatId) || chatId === 0) throw new DigestArgError("bad_chat", `--chat must be a numeric Telegram chat id, not "${opts.chat}"`);
      if (!opts.dryRun && !ctx.config.bot.token) {
        throw new ConfigError("bot_token_missing", "sending digests needs BOT_TOKEN; use --dry-run to print them instead");
      }
      await ctx.withApp(async (app) => {
        const at = opts.at ? parseAt(opts.at, app.config.digest.time) : app.now();
        if (opts.dryRun) await dryRun(ctx, app, chatId, at);
        else await send(ctx, app, chatId, at);
      });
    }));
}

async function dryRun(ctx: CliContext, app: App, chatId: number, at: Date): Promise<void> {
  const [{ buildDigest }, { digestPlainText, followedNames }, { chatMayReceive, owedSlot }, { describeSchedule, isSlot, latestSlot }] =
    await Promise.all([import("../../digest/build.js"), import("../../present/digest.js"), import("../../digest/deliver.js"), import("../../digest/slots.js")]);
  const subs = await app.store.listSubscriptions(chatId);
  if (subs.length === 0) return ctx.out(`chat ${chatId} has no subscriptions`);
  const access = await chatMayReceive(app, chatId);
  for (const sub of subs) {
    const slot = latestSlot(sub, at);
    const last = await app.store.lastSlot(sub.id);
    const owed = await owedSlot(app.store, sub, at);
    const digest = await buildDigest(app, sub, at);
    const tasks = digest.overdue.length + digest.upcoming.length;
    let verdict: string;
    if (sub.paused) verdict = "paused (the chat blocked the bot or left): nothing is sent";
    else if (!access) verdict = "the chat no longer has access: nothing is sent";
    else if (!owed) verdict = last !== undefined && isSlot(last) && slot <= last ? `slot ${slot} already claimed (${last}): not sent again` : `slot ${slot} predates the subscription: nothing owed yet`;
    else if (tasks === 0 && !sub.sendEmpty) verdict = `slot ${slot} is owed, but the digest is empty and is not sent`;
    else verdict = `slot ${slot} is owed: would send`;
    ctx.out(`# subscription ${sub.id}: ${followedNames(app.registry, sub.orgIds)}, ${describeSchedule(sub)} (look-ahead ${sub.lookaheadDays} days)`);
    ctx.out(`# ${verdict}; ${digest.overdue.length} overdue, ${digest.upcoming.length} due soon`);
    ctx.out(digest.items.length ? digestPlainText(digest.items) : "(empty digest)");
    ctx.out("");
  }
}

async function send(ctx: CliContext, app: App, chatId: number, at: Date): Promise<void> {
  // grammY is loaded only to send: a dry run and every other command start without it.
  const [{ autoRetry }, { Api }, { sendItems }, { chatMayReceive, deliverSlot, owedSlot }] = await Promise.all([
    import("@grammyjs/auto-retry"), import("grammy"), import("../../bot/send.js"), import("../../digest/deliver.js"),
  ]);
  const api = new Api(app.config.bot.token!, { apiRoot: app.config.bot.apiRoot });
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  const deps: DeliveryDeps = {
    store: app.store, registry: app.registry, config: app.config, logger: app.logger, now: () => at,
    send: async (id, items) => void (await sendItems(api, id, items)),
  };
  const subs = await app.store.listSubscriptions(chatId);
  if (subs.length === 0) return ctx.out(`chat ${chatId} has no subscriptions`);
  if (!(await chatMayReceive(app, chatId))) return ctx.out(`chat ${chatId} has no access: nothing sent`);
  for (const sub of subs) {
    const slot = sub.paused ? undefined : await owedSlot(app.store, sub, at);
    if (!slot) {
      ctx.out(`subscription ${sub.id}: nothing owed at this time`);
      continue;
    }
    const outcome = await deliverSlot(deps, sub, slot, at);
    ctx.out(`subscription ${sub.id}: slot ${slot}: ${outcome.status}${outcome.tasks ? ` (${outcome.tasks} tasks)` : ""}`);
  }
}
