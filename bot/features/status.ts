/**
 * Changing a task's status from the bot: the buttons under each task (✅ Hoàn thành, ⏳ Đang làm,
 * 📝 Ghi chú, the last answered by replying to the bot's prompt), and /phutrach for admins to name a
 * body's reporters. Admins and a body's reporters may change its tasks; everyone else with access sees
 * them; strangers never get here (the access gate stops them first).
 */
import { Composer } from "grammy";
import { formatDate } from "../../core/display.js";
import { actorLabel, identityOf, orgKeyOf, statusText, type TaskState } from "../../core/status.js";
import { escapeHtml, foldKey } from "../../core/text.js";
import { vnDate } from "../../core/time.js";
import type { BotContext, BotDeps } from "../context.js";
import { ADMIN_ONLY } from "./access.js";
import { mayChange, taskOfButton } from "../status-view.js";
import { STATUS_CALLBACK } from "../../present/status.js";

export const NOT_REPORTER = "Bạn không có quyền cập nhật trạng thái nhiệm vụ này (chỉ quản trị viên và người phụ trách của cơ quan).";
const GONE = "Nhiệm vụ này không còn trong văn bản (văn bản đã thay đổi). Hãy tra cứu lại.";
/** The marker in the note prompt that says which task a reply is for. */
const NOTE_MARK = /\[#st:(\d+):([\w-]{12})\]/;
const PHUTRACH_USAGE = "Cú pháp: /phutrach CƠ_QUAN USER_ID, ví dụ: /phutrach btctw 123456789. Gõ /phutrach để xem danh sách.";

function who(ctx: BotContext): string {
  const u = ctx.from!;
  return actorLabel("telegram", u.id, [u.first_name, u.last_name].filter(Boolean).join(" ") || undefined);
}

export function statusFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { store } = deps.app;

  c.callbackQuery(STATUS_CALLBACK, async (ctx) => {
    const [, action, docId, ref] = ctx.match;
    const task = await taskOfButton(store, Number(docId), ref!);
    if (!task) return void (await ctx.answerCallbackQuery({ text: GONE, show_alert: true }));
    if (!(await mayChange(store, ctx.access, ctx.from.id, task))) {
      ctx.log.info({ docId, ref }, "status change refused");
      return void (await ctx.answerCallbackQuery({ text: NOT_REPORTER, show_alert: true }));
    }
    if (action === "n") {
      await ctx.answerCallbackQuery();
      const text = `📝 Ghi chú cho nhiệm vụ của ${task.org} (mục ${task.sectionLabel}) [#st:${docId}:${ref}]\n` +
        "Hãy trả lời tin nhắn này bằng nội dung ghi chú (có thể nêu văn bản, mục hoặc tệp minh chứng).";
      if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, text, { reply_markup: { force_reply: true, selective: true } });
      return;
    }
    const to: TaskState = action === "d" ? "done" : "doing";
    const saved = await store.setTaskStatus({ identity: identityOf(task), to, by: who(ctx) });
    ctx.log.info({ docId, ref, to }, "status changed");
    const line = `${task.org} — mục ${task.sectionLabel}: ${statusText(saved, task.deadline?.due, vnDate(deps.app.now()), formatDate)}`;
    await ctx.answerCallbackQuery({ text: `Đã cập nhật: ${line}` });
    if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, `✅ Đã cập nhật trạng thái: ${escapeHtml(line)}`, { parse_mode: "HTML" });
  });

  // A reply to the note prompt: the note goes on the task the prompt names.
  c.on("message:text", async (ctx, next) => {
    const replied = ctx.message.reply_to_message;
    const mark = replied?.from?.id === ctx.me.id ? NOTE_MARK.exec(replied.text ?? "") : null;
    if (!mark) return next();
    const task = await taskOfButton(store, Number(mark[1]), mark[2]!);
    if (!task) return void (await ctx.reply(GONE));
    if (!(await mayChange(store, ctx.access, ctx.from.id, task))) return void (await ctx.reply(NOT_REPORTER));
    const note = ctx.message.text.trim();
    const saved = await store.setTaskStatus({ identity: identityOf(task), by: who(ctx), note });
    await ctx.reply(`📝 Đã ghi chú cho nhiệm vụ của ${task.org} (mục ${task.sectionLabel}): ${statusText(saved, task.deadline?.due, vnDate(deps.app.now()), formatDate)}.`);
  });

  c.command("phutrach", async (ctx) => {
    if (!ctx.access.admin) return void (await ctx.reply(ADMIN_ONLY));
    const words = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      const all = await store.listReporters();
      const lines = all.map((r) => `• ${escapeHtml(orgName(deps, r.orgKey))}: <code>${r.userId}</code>`);
      return void (await ctx.reply(lines.length ? `<b>Người phụ trách cập nhật tiến độ</b>\n${lines.join("\n")}` : PHUTRACH_USAGE, { parse_mode: "HTML" }));
    }
    const userId = Number(words.at(-1));
    const orgText = words.slice(0, -1).join(" ");
    if (!orgText || !Number.isSafeInteger(userId) || userId <= 0) return void (await ctx.reply(PHUTRACH_USAGE));
    const org = deps.app.registry.resolve(orgText);
    const orgKey = org ? orgKeyOf({ orgId: org.id, org: org.name }) : `?${foldKey(orgText)}`;
    await store.addReporter({ orgKey, userId, grantedBy: ctx.from?.id });
    // A reporter must be able to reach the bot at all.
    if (!(await store.isAllowed(userId))) await store.grant({ id: userId, kind: "user", label: `phụ trách ${org?.name ?? orgText}`, grantedBy: ctx.from?.id });
    ctx.log.info({ orgKey, userId }, "reporter named");
    await ctx.reply(`✅ Người dùng ${userId} được cập nhật tiến độ nhiệm vụ của ${org?.name ?? orgText}.`);
  });

  return c;
}

function orgName(deps: BotDeps, orgKey: string): string {
  return orgKey.startsWith("?") ? orgKey.slice(1) : deps.app.registry.get(orgKey)?.name ?? orgKey;
}
