/**
 * Deadline digests in the bot: /theodoi (/subscribe), /huytheodoi (/unsubscribe), /dangtheodoi
 * (/subscriptions) with buttons for the common choices; the scheduler over bot.api (startBotDigests); and
 * the new-assignment alert the upload handler calls after an ingest (alertSubscribers). The digests
 * themselves live in digest/.
 */
import { Composer, InlineKeyboard, type Api, type Bot } from "grammy";
import type { App } from "../../app/types.js";
import { escapeHtml } from "../../core/text.js";
import { notifyNewAssignments } from "../../digest/alerts.js";
import { followedNames } from "../../present/digest.js";
import { chatMayReceive, type DeliveryDeps } from "../../digest/deliver.js";
import { parseSubscribeArgs, type SubscribeRequest } from "../../digest/parse.js";
import { startDigestScheduler, type DigestScheduler } from "../../digest/scheduler.js";
import { describeSchedule, describeSlot, nextSlot } from "../../digest/slots.js";
import type { IngestSummary } from "../../ingest/types.js";
import type { Subscription } from "../../store/types.js";
import type { BotContext, BotDeps } from "../context.js";
import { replyItems, sendItems } from "../send.js";

const USAGE =
  "Cú pháp: /theodoi [CƠ_QUAN] [hằng ngày|hằng tuần] [THỨ] [HH:MM] [SỐ ngày] [cả khi trống]\n" +
  "Ví dụ: /theodoi btctw hằng ngày 07:30 · /theodoi Bộ Nội vụ hằng tuần thứ sáu 16:00 · /theodoi (mọi cơ quan)";
const MANAGE_ONLY = "Trong nhóm, chỉ quản trị viên của nhóm mới thay đổi được việc theo dõi.";
const GROUP_NOT_GRANTED =
  "Nhóm này chưa được cấp quyền nhận bản tin. Quản trị viên bot có thể cấp quyền cho cả nhóm bằng lệnh /cap_quyen trong nhóm.";

/** The DeliveryDeps of the bot: the app, and sending through an Api (throttled and auto-retried in createBot). */
export function digestDeps(app: App, api: Api): DeliveryDeps {
  return {
    store: app.store, registry: app.registry, config: app.config, logger: app.logger, now: () => app.now(),
    send: async (chatId, items, keyboard) => void (await sendItems(api, chatId, items, { keyboard })),
  };
}

/** Starts the digest scheduler on the bot's API (bot/main.ts). Stop it before closing the app. */
export function startBotDigests(bot: Bot<BotContext>, app: App): DigestScheduler {
  return startDigestScheduler(digestDeps(app, bot.api));
}

/** The hook for the upload handler: alerts followers of the organisations a freshly ingested document assigns. Never throws. */
export async function alertSubscribers(deps: BotDeps, api: Api, summary: IngestSummary): Promise<void> {
  try {
    await notifyNewAssignments(summary, digestDeps(deps.app, api));
  } catch (err) {
    deps.app.logger.warn({ err: err instanceof Error ? err.message : String(err) }, "new-assignment alerts failed");
  }
}

export function digestFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { app } = deps;

  /** Private chats: the user. Groups: group admins (getChatMember) and bot admins; tells the user when not. */
  const mayManage = async (ctx: BotContext): Promise<boolean> => {
    const chat = ctx.chat;
    const user = ctx.from;
    if (!chat || !user) return false;
    let ok = chat.type === "private" || ctx.access.admin;
    if (!ok) {
      const member = await ctx.api.getChatMember(chat.id, user.id).catch(() => undefined);
      ok = member?.status === "creator" || member?.status === "administrator";
    }
    if (!ok) await notify(ctx, MANAGE_ONLY);
    return ok;
  };

  const subscribe = async (ctx: BotContext, req: SubscribeRequest): Promise<void> => {
    const chat = ctx.chat!;
    if (!(await mayManage(ctx))) return;
    if (!(await chatMayReceive({ store: app.store, config: deps.config }, chat.id))) return void (await notify(ctx, GROUP_NOT_GRANTED));
    // One subscription per set of organisations: subscribing again changes its schedule.
    const sameOrgs = (s: Subscription) => [...s.orgIds].sort().join(",") === [...req.orgIds].sort().join(",");
    const existing = (await app.store.listSubscriptions(chat.id)).filter(sameOrgs);
    for (const s of existing) await app.store.removeSubscriptions(chat.id, s.id);
    const sub = await app.store.addSubscription({
      chatId: chat.id, orgIds: req.orgIds, cadence: req.cadence, time: req.time, weekday: req.weekday,
      lookaheadDays: req.lookaheadDays ?? deps.config.digest.lookaheadDays, sendEmpty: req.sendEmpty,
    });
    // Subscribing again is also how a chat paused after blocking the bot resumes.
    await app.store.setPaused(chat.id, false);
    ctx.log.info({ subscription: sub.id, orgs: sub.orgIds, cadence: sub.cadence, time: sub.time, replaced: existing.length }, "subscribed");
    const lines = [
      `✅ ${existing.length ? "Đã cập nhật" : "Đã đăng ký"} bản tin hạn nhiệm vụ <b>${escapeHtml(describeSchedule(sub))}</b>`,
      `Theo dõi: ${escapeHtml(followedNames(app.registry, sub.orgIds))}`,
      `Nội dung: nhiệm vụ đã quá hạn (trong ${deps.config.digest.lookbackDays} ngày qua) và sắp đến hạn trong ${sub.lookaheadDays} ngày tới; ` +
        "thông báo ngay khi có văn bản mới giao nhiệm vụ.",
      sub.sendEmpty ? "Bản tin được gửi cả khi không có nhiệm vụ nào." : "Không gửi khi không có nhiệm vụ nào (thêm “cả khi trống” để luôn nhận).",
      `Bản tin tiếp theo: ${describeSlot(nextSlot(sub, app.now()))}.`,
    ];
    const kb = new InlineKeyboard().text("Hủy theo dõi", `dg:x:${sub.id}`);
    await replyItems(ctx, [lines.join("\n")], { keyboard: kb });
  };

  c.command(["theodoi", "subscribe"], async (ctx) => {
    const args = ctx.match.trim();
    if (!args) {
      const t = deps.config.digest.time;
      const kb = new InlineKeyboard().text(`Hằng ngày ${t}`, "dg:s:d").row().text(`Hằng tuần thứ Hai ${t}`, "dg:s:w");
      const text = "Chọn lịch nhận bản tin hạn nhiệm vụ (mọi cơ quan), hoặc gõ lệnh kèm cơ quan và lịch.\n" + USAGE;
      return void (await ctx.reply(text, { reply_markup: kb }));
    }
    const parsed = parseSubscribeArgs(args, app.registry, { time: deps.config.digest.time });
    if (!parsed.ok) return void (await ctx.reply(`${parsed.error}\n${USAGE}`));
    await subscribe(ctx, parsed.request);
  });

  c.callbackQuery(/^dg:s:([dw])$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const weekly = ctx.match[1] === "w";
    await subscribe(ctx, {
      orgIds: [], cadence: weekly ? "weekly" : "daily", weekday: weekly ? 1 : undefined,
      time: deps.config.digest.time, sendEmpty: false, explicitSchedule: true,
    });
  });

  c.command(["dangtheodoi", "subscriptions"], async (ctx) => {
    const subs = await app.store.listSubscriptions(ctx.chat.id);
    if (subs.length === 0) return void (await ctx.reply("Cuộc trò chuyện này chưa theo dõi bản tin nào. Gõ /theodoi để đăng ký."));
    const now = app.now();
    const lines = [`📋 <b>Bản tin đang theo dõi</b> (${subs.length})`];
    const kb = new InlineKeyboard();
    for (const s of subs) {
      const state = s.paused ? " — <i>tạm dừng</i> (gõ /theodoi để tiếp tục)" : ` — tiếp theo: ${describeSlot(nextSlot(s, now))}`;
      lines.push(`• #${s.id} ${escapeHtml(followedNames(app.registry, s.orgIds))}: ${escapeHtml(describeSchedule(s))}` +
        `${s.sendEmpty ? ", gửi cả khi trống" : ""}${state}`);
      kb.text(`Hủy #${s.id}`, `dg:x:${s.id}`).row();
    }
    if (subs.length > 1) kb.text("Hủy tất cả", "dg:x:all");
    await replyItems(ctx, [lines.join("\n")], { keyboard: kb });
  });

  const unsubscribe = async (ctx: BotContext, which: number | "all"): Promise<void> => {
    if (!(await mayManage(ctx))) return;
    const n = await app.store.removeSubscriptions(ctx.chat!.id, which === "all" ? undefined : which);
    ctx.log.info({ which, removed: n }, "unsubscribed");
    const text = n === 0
      ? "Không tìm thấy bản tin này (có thể đã hủy trước đó)."
      : which === "all" ? `Đã hủy ${n} bản tin.` : `Đã hủy bản tin #${which}.`;
    await notify(ctx, text);
  };

  c.command(["huytheodoi", "unsubscribe"], async (ctx) => {
    const arg = ctx.match.trim().replace(/^#/, "");
    const subs = await app.store.listSubscriptions(ctx.chat.id);
    if (subs.length === 0) return void (await ctx.reply("Cuộc trò chuyện này chưa theo dõi bản tin nào."));
    if (/^(all|tat ca|tất cả)$/i.test(arg) || (!arg && subs.length === 1)) return unsubscribe(ctx, arg ? "all" : subs[0]!.id);
    if (/^\d+$/.test(arg)) return unsubscribe(ctx, Number(arg));
    const kb = new InlineKeyboard();
    for (const s of subs) kb.text(`#${s.id} ${followedNames(app.registry, s.orgIds).slice(0, 40)}, ${describeSchedule(s)}`, `dg:x:${s.id}`).row();
    kb.text("Hủy tất cả", "dg:x:all");
    await ctx.reply("Chọn bản tin cần hủy:", { reply_markup: kb });
  });

  c.callbackQuery(/^dg:x:(\d+|all)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    await unsubscribe(ctx, ctx.match[1] === "all" ? "all" : Number(ctx.match[1]));
  });

  return c;
}

/** A short reply in the update's chat (commands and buttons alike). */
async function notify(ctx: BotContext, text: string): Promise<void> {
  if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, text);
}
