/**
 * Access control: the gate that keeps every document away from anyone not allowed, the "Xin quyền truy cập"
 * request that admins approve or deny with a button, and /cap_quyen, /thu_hoi, /quyen for admins.
 */
import { Composer, InlineKeyboard } from "grammy";
import type { User } from "grammy/types";
import { escapeHtml } from "../../core/text.js";
import { isAddressed } from "../addressed.js";
import type { BotContext, BotDeps } from "../context.js";
import { formatDate } from "../../core/display.js";
import { replyItems } from "../send.js";

export const ACCESS_PROMPT =
  "Xin chào! Bot này trả lời câu hỏi về các nhiệm vụ được giao trong văn bản của Đảng và Nhà nước, " +
  "kèm trích dẫn nguyên văn. Bạn chưa có quyền sử dụng bot; hãy bấm nút dưới đây để gửi yêu cầu tới quản trị viên.";
export const NOT_ALLOWED = "Bạn chưa có quyền sử dụng bot này.";
export const ADMIN_ONLY = "Lệnh này chỉ dành cho quản trị viên.";

/** BotMemoryStore.noteOnce scopes: the access request sent to the admins (labelled with the user's name),
 *  and the "Xin quyền truy cập" prompt shown to a user or group. */
const REQUESTED = "access-request";
const PROMPTED = "access-prompt";

function displayName(u: User): string {
  return [u.first_name, u.last_name].filter(Boolean).join(" ") + (u.username ? ` (@${u.username})` : "");
}

export function accessFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { app } = deps;
  const { store } = app;

  // A stranger may ask for access: this is the one thing they can do.
  c.callbackQuery("req", async (ctx) => {
    const user = ctx.from;
    if (ctx.access.allowed) return void (await ctx.answerCallbackQuery({ text: "Bạn đã có quyền sử dụng bot." }));
    const name = displayName(user);
    // Noted before the admins are told: two presses reaching two replicas send the request once.
    if (!(await store.noteOnce(REQUESTED, user.id, name))) {
      return void (await ctx.answerCallbackQuery({ text: "Yêu cầu đã được gửi, vui lòng chờ quản trị viên duyệt." }));
    }
    const text = `🔑 Yêu cầu truy cập từ <b>${escapeHtml(name)}</b>, id <code>${user.id}</code>.`;
    const kb = new InlineKeyboard().text("✅ Đồng ý", `acc:y:${user.id}`).text("❌ Từ chối", `acc:n:${user.id}`);
    let delivered = 0;
    for (const admin of deps.config.bot.admins) {
      try {
        await ctx.api.sendMessage(admin, text, { parse_mode: "HTML", reply_markup: kb });
        delivered++;
      } catch (err) {
        ctx.log.warn({ admin, err: String(err) }, "could not notify admin");
      }
    }
    ctx.log.info({ requester: user.id, delivered }, "access requested");
    await ctx.answerCallbackQuery({ text: "Đã gửi yêu cầu tới quản trị viên." });
    if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, "Đã gửi yêu cầu truy cập tới quản trị viên. Bạn sẽ nhận được tin nhắn khi được duyệt.");
  });

  // The gate: nothing below runs for someone not allowed.
  c.use(async (ctx, next) => {
    if (ctx.access.allowed) return next();
    ctx.log.info({ update: Object.keys(ctx.update).filter((k) => k !== "update_id") }, "stranger refused");
    if (ctx.inlineQuery) {
      await ctx.answerInlineQuery([], { cache_time: 0, is_personal: true, button: { text: "Xin quyền truy cập", start_parameter: "access" } });
      return;
    }
    if (ctx.callbackQuery) {
      await ctx.answerCallbackQuery({ text: NOT_ALLOWED, show_alert: true });
      return;
    }
    const chat = ctx.chat;
    if (!chat || !ctx.from || !isAddressed(ctx)) return;
    const key = chat.type === "private" ? ctx.from.id : chat.id;
    if (!(await store.noteOnce(PROMPTED, key))) return;
    const kb = new InlineKeyboard().text("Xin quyền truy cập", "req");
    const text = chat.type === "private"
      ? ACCESS_PROMPT
      : `${ACCESS_PROMPT}\nQuản trị viên có thể cấp quyền cho cả nhóm này bằng lệnh /cap_quyen ${chat.id}.`;
    await ctx.api.sendMessage(chat.id, text, { reply_markup: kb });
  });

  c.callbackQuery(/^acc:([yn]):(-?\d+)$/, async (ctx) => {
    if (!ctx.access.admin) return void (await ctx.answerCallbackQuery({ text: ADMIN_ONLY, show_alert: true }));
    const approve = ctx.match[1] === "y";
    const id = Number(ctx.match[2]);
    const label = await store.notedLabel(REQUESTED, id);
    if (approve) {
      await app.store.grant({ id, kind: id < 0 ? "chat" : "user", label, grantedBy: ctx.from.id });
      await ctx.api.sendMessage(id, "✅ Bạn đã được cấp quyền sử dụng bot. Gõ /help để xem hướng dẫn.").catch(() => undefined);
    } else {
      await ctx.api.sendMessage(id, "Yêu cầu truy cập của bạn chưa được chấp thuận.").catch(() => undefined);
    }
    // Decided: the user cannot send the request again (noted now when it came from another way).
    await store.noteOnce(REQUESTED, id, label ?? String(id));
    const verdict = approve ? `✅ Đã cấp quyền cho ${label ?? id}.` : `❌ Đã từ chối yêu cầu của ${label ?? id}.`;
    ctx.log.info({ target: id, approve }, "access decided");
    await ctx.answerCallbackQuery({ text: verdict });
    await ctx.editMessageText(verdict).catch(() => ctx.reply(verdict));
  });

  const adminOnly = async (ctx: BotContext, next: () => Promise<void>) => {
    if (ctx.access.admin) return next();
    await ctx.reply(ADMIN_ONLY);
  };

  c.command("cap_quyen", adminOnly, async (ctx) => {
    const [idText, ...rest] = ctx.match.trim().split(/\s+/).filter(Boolean);
    let id = idText !== undefined ? Number(idText) : NaN;
    if (idText === undefined && ctx.chat.type !== "private") id = ctx.chat.id;
    if (!Number.isSafeInteger(id) || id === 0) {
      return void (await ctx.reply("Cú pháp: /cap_quyen ID [ghi chú] (ID người dùng, hoặc ID nhóm bắt đầu bằng dấu -). Trong nhóm, gõ /cap_quyen để cấp quyền cho cả nhóm."));
    }
    const label = rest.join(" ") || (await store.notedLabel(REQUESTED, id)) || (id === ctx.chat.id ? ctx.chat.title : undefined);
    await app.store.grant({ id, kind: id < 0 ? "chat" : "user", label, grantedBy: ctx.from?.id });
    ctx.log.info({ target: id }, "access granted");
    await ctx.reply(`✅ Đã cấp quyền cho ${id < 0 ? "nhóm" : "người dùng"} ${id}${label ? ` (${label})` : ""}.`);
    if (id > 0) await ctx.api.sendMessage(id, "✅ Bạn đã được cấp quyền sử dụng bot. Gõ /help để xem hướng dẫn.").catch(() => undefined);
  });

  c.command("thu_hoi", adminOnly, async (ctx) => {
    const id = Number(ctx.match.trim());
    if (!ctx.match.trim() || !Number.isSafeInteger(id)) return void (await ctx.reply("Cú pháp: /thu_hoi ID"));
    const removed = await app.store.revoke(id);
    await store.noteOnce(PROMPTED, id);
    ctx.log.info({ target: id, removed }, "access revoked");
    await ctx.reply(removed ? `Đã thu hồi quyền của ${id}.` : `${id} không có trong danh sách được cấp quyền.`);
  });

  c.command("quyen", adminOnly, async (ctx) => {
    const entries = await app.store.listAccess();
    const lines = [`<b>Quản trị viên:</b> ${deps.config.bot.admins.map((a) => `<code>${a}</code>`).join(", ") || "(không có)"}`];
    if (deps.config.bot.openAccess) lines.push("Chế độ mở: mọi người đều dùng được bot (BOT_OPEN_ACCESS=true).");
    lines.push(`<b>Được cấp quyền (${entries.length}):</b>`);
    for (const e of entries) {
      const who = e.kind === "chat" ? "nhóm" : "người dùng";
      lines.push(`• <code>${e.id}</code> ${who}${e.label ? ` — ${escapeHtml(e.label)}` : ""} (từ ${formatDate(e.grantedAt.slice(0, 10))})`);
    }
    if (entries.length === 0) lines.push("(chưa có ai)");
    await replyItems(ctx, lines, { separator: "\n" });
  });

  return c;
}
