/**
 * createBot: one grammY Bot built from one Composer per feature, behind one error boundary, with the
 * API transformers (auto-retry, throttling) and per-user rate limiting.
 */
import { randomBytes } from "node:crypto";
import { Bot, BotError, type Middleware, type Transformer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { autoRetry, type AutoRetryOptions } from "@grammyjs/auto-retry";
import { limit } from "@grammyjs/ratelimiter";
import { sequentialize } from "@grammyjs/runner";
import { apiThrottler, type APIThrottlerOptions } from "@grammyjs/transformer-throttler";
import type { App } from "../app/types.js";
import type { Config } from "../core/config.js";
import { ConfigError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import { computeAccess } from "./access.js";
import type { BotContext, BotDeps } from "./context.js";
import { accessFeature } from "./features/access.js";
import { adminFeature } from "./features/admin.js";
import { askFeature } from "./features/ask.js";
import { deadlinesFeature } from "./features/deadlines.js";
import { digestFeature } from "./features/digest.js";
import { evidenceFeature } from "./features/evidence.js";
import { exportFeature } from "./features/export.js";
import { docFeature } from "./features/doc.js";
import { inlineFeature } from "./features/inline.js";
import { progressFeature } from "./features/progress.js";
import { startFeature, BOT_COMMANDS } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { tasksFeature } from "./features/tasks.js";
import { unhandledFeature } from "./features/unhandled.js";

export const DEFAULT_API_ROOT = "https://api.telegram.org";

export interface CreateBotOptions {
  app: App;
  /** Defaults to config.bot.token. */
  token?: string;
  /** Given in tests and the terminal chat, so that no getMe call is made. */
  botInfo?: UserFromGetMe;
  /** Defaults to config.bot.apiRoot, then Telegram's. */
  apiRoot?: string;
  /** Defaults to app.config (the terminal chat passes a copy with itself as admin). */
  config?: Config;
  /** Outgoing-message throttling (transformer-throttler options), or false to turn it off. */
  throttle?: APIThrottlerOptions | false;
  autoRetry?: Partial<AutoRetryOptions>;
  /** Skip updates the store has already seen handled (default: in webhook mode). See `dedupeUpdates`. */
  dedupe?: boolean;
}

/** Methods that are not messages a user sees: never delayed by the throttler (a typing indicator must be prompt). */
const UNTHROTTLED = new Set(["sendChatAction", "answerCallbackQuery", "answerInlineQuery", "getFile", "getMe", "getUpdates", "setMyCommands", "deleteWebhook", "setWebhook"]);

/** Builds the bot. Throws ConfigError when nobody could ever be let in (no admins and no open access). */
export function createBot(opts: CreateBotOptions): Bot<BotContext> {
  const { app } = opts;
  const config = opts.config ?? app.config;
  const token = opts.token ?? config.bot.token;
  if (!token) throw new ConfigError("bot_token_missing", "BOT_TOKEN is not set / Chưa đặt BOT_TOKEN.");
  if (config.bot.admins.length === 0 && !config.bot.openAccess) {
    throw new ConfigError(
      "bot_no_admins",
      "Chưa có quản trị viên: đặt BOT_ADMINS=<id Telegram của bạn> (hoặc BOT_OPEN_ACCESS=true để ai cũng dùng được). " +
        "/ No bot admins: set BOT_ADMINS to your numeric Telegram user id (or BOT_OPEN_ACCESS=true to let everyone in).",
    );
  }
  const apiRoot = opts.apiRoot ?? config.bot.apiRoot ?? DEFAULT_API_ROOT;
  const bot = new Bot<BotContext>(token, { botInfo: opts.botInfo, client: { apiRoot } });

  if (opts.throttle !== false) {
    const throttled = apiThrottler(opts.throttle ?? {});
    const selective: Transformer = (prev, method, payload, signal) =>
      UNTHROTTLED.has(method) ? prev(method, payload, signal) : throttled(prev, method, payload, signal);
    bot.api.config.use(selective);
  }
  // Installed last, so it runs first: a 429 waits retry_after and goes through the throttler again.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60, ...opts.autoRetry }));

  const admins = new Set(config.bot.admins);
  const deps: BotDeps = {
    app,
    config,
    apiRoot,
    isAdmin: (id) => id !== undefined && admins.has(id),
  };
  const onError = errorHandler(app.logger, token);

  // Under the runner, updates from one chat are handled in order; other chats run concurrently.
  bot.use(sequentialize((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? "")));
  bot.use(async (ctx, next) => {
    ctx.log = app.logger.child({ update: ctx.update.update_id, chat: ctx.chat?.id, user: ctx.from?.id });
    await next();
  });
  if (opts.dedupe ?? config.bot.mode === "webhook") bot.use(dedupeUpdates(app));
  bot.catch(onError);
  const guarded = bot.errorBoundary(onError);
  guarded.use(async (ctx, next) => {
    ctx.access = await computeAccess(ctx, deps);
    await next();
  });
  guarded.use(
    limit<BotContext, never>({
      timeFrame: 60_000,
      limit: config.bot.rateLimitPerMinute,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        ctx.log.warn({}, "rate limited");
        const notice = "Bạn gửi quá nhiều yêu cầu. Vui lòng chờ một phút rồi thử lại.";
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: notice }).catch(() => undefined);
        else if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, notice).catch(() => undefined);
      },
    }),
  );
  guarded.use(accessFeature(deps));
  guarded.use(startFeature(deps));
  guarded.use(statusFeature(deps)); // before ask: a reply to its note prompt is not a question
  guarded.use(askFeature(deps));
  guarded.use(tasksFeature(deps));
  guarded.use(deadlinesFeature(deps));
  guarded.use(docFeature(deps));
  guarded.use(inlineFeature(deps));
  guarded.use(adminFeature(deps));
  guarded.use(digestFeature(deps));
  guarded.use(progressFeature(deps));
  guarded.use(exportFeature(deps));
  guarded.use(evidenceFeature(deps));
  guarded.use(unhandledFeature(deps));
  return bot;
}

/**
 * Answers each Telegram update once across replicas. Behind a load balancer, a webhook request whose replica
 * died mid-request is retried on another replica (nginx proxy_next_upstream), and Telegram itself redelivers
 * an update it got no 200 for. The update is marked handled after the handlers finish (errors included: the
 * error boundary has apologised by then), so a redelivery after that is skipped. What remains is the window
 * between the reply going out and the mark: a replica killed inside it has its update answered again by the
 * other one (a duplicate answer, never a lost one). Not used in polling mode or the terminal chat, whose
 * update ids are not Telegram's.
 */
export function dedupeUpdates(app: App): Middleware<BotContext> {
  return async (ctx, next) => {
    const id = ctx.update.update_id;
    if (await app.store.isUpdateHandled(id)) {
      ctx.log.info({}, "update already handled: skipped");
      return;
    }
    await next();
    await app.store.markUpdateHandled(id);
  };
}

/** Publishes the command menu. Failure is logged and ignored (the emulator answers 500 for it). */
export async function registerCommands(bot: Bot<BotContext>, logger: Logger): Promise<void> {
  try {
    await bot.api.setMyCommands(BOT_COMMANDS);
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "setMyCommands failed");
  }
}

/** A short id the user can quote to an admin, e.g. "E3F9A1C". */
function errorId(): string {
  return `E${randomBytes(3).toString("hex").toUpperCase()}`;
}

/**
 * The error boundary: logs the error with an id (token scrubbed), and tells the user a short apology with
 * that id. Never sends a stack trace or an error message to users.
 */
function errorHandler(logger: Logger, token: string) {
  const scrub = (s: string) => s.split(token).join("[redacted]").replace(/bot\d+:[\w-]+/g, "bot[redacted]");
  return async (err: BotError<BotContext>) => {
    const ctx = err.ctx;
    const id = errorId();
    const e = err.error;
    const detail = e instanceof Error ? { name: e.name, message: scrub(e.message), stack: scrub(e.stack ?? ""), code: (e as { code?: unknown }).code } : { value: scrub(String(e)) };
    (ctx.log ?? logger).error({ errorId: id, error: detail, update: ctx.update.update_id }, "update failed");
    const text = `Xin lỗi, đã có lỗi khi xử lý yêu cầu của bạn. Vui lòng thử lại sau. (Mã lỗi: ${id})`;
    const attempt = (p: Promise<unknown>) =>
      p.catch((sendErr: unknown) => (ctx.log ?? logger).warn({ errorId: id, err: scrub(String(sendErr)) }, "could not send the apology"));
    // Each separately: a callback query may already have been answered, the message must still go out.
    if (ctx.inlineQuery) await attempt(ctx.answerInlineQuery([], { cache_time: 0, is_personal: true }));
    if (ctx.callbackQuery) await attempt(ctx.answerCallbackQuery({ text, show_alert: true }));
    if (ctx.chat && !ctx.inlineQuery) await attempt(ctx.api.sendMessage(ctx.chat.id, text));
  };
}
