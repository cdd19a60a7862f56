/**
 * /hanchot [DAYS] (alias /deadlines): tasks due in the next DAYS days, then those overdue, each task once
 * with all its bodies, a page at a time (present/pages.ts: at most 10 tasks and 3,500 characters a page,
 * buttons to move between pages).
 */
import { Composer } from "grammy";
import type { BotContext, BotDeps } from "../context.js";
import { formatDate } from "../../core/display.js";
import { findDueTasks } from "../../digest/build.js";
import { taskEntries } from "../../qa/task-query.js";
import { pageKeyboard, paginate, renderPage, type ListLine } from "../../present/pages.js";
import { renderTaskEntry } from "../../present/tasks.js";
import { editHtml, replyItems } from "../send.js";

/** Longest task text on a page (cut at a word with "…"); the whole task is one /nhiemvu or 📖 away. */
const TASK_CHARS = 300;

export function deadlinesFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command(["hanchot", "deadlines"], async (ctx) => {
    const arg = ctx.match.trim();
    const days = arg ? Number(arg) : deps.config.digest.lookaheadDays;
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      return void (await ctx.reply("Cú pháp: /hanchot [SỐ_NGÀY], ví dụ /hanchot 30 (từ 1 đến 365 ngày)."));
    }
    const page = await deadlinePage(deps, days, 1);
    await replyItems(ctx, [page.html], { keyboard: page.keyboard });
  });
  c.callbackQuery(/^hc:(\d+):(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const page = await deadlinePage(deps, Number(ctx.match[1]), Number(ctx.match[2]));
    await editHtml(ctx, page.html, page.keyboard);
  });
  return c;
}

/** Page n of the deadlines due within `days` (recomputed at each press, relative to now in Vietnam). */
async function deadlinePage(deps: BotDeps, days: number, n: number) {
  const lookback = deps.config.digest.lookbackDays;
  const { today, until, overdue, upcoming } = await findDueTasks(
    deps.app.store, { orgIds: [], lookbackDays: lookback, lookaheadDays: days }, deps.app.now(),
  );
  const soon = taskEntries(upcoming, false, deps.app.registry);
  const late = taskEntries(overdue, false, deps.app.registry);
  const entry = (records: typeof upcoming) => ({ html: renderTaskEntry(records, { today, maxTaskChars: TASK_CHARS }) });
  const lines: ListLine[] = [
    { html: `⏰ <b>Đến hạn trong ${days} ngày tới</b> (đến ${formatDate(until)}): ${soon.length}`, heading: true },
    ...(soon.length ? soon.map(entry) : [{ html: "Không có nhiệm vụ nào đến hạn." }]),
    { html: `⚠️ <b>Đã quá hạn</b> (trong ${lookback} ngày qua): ${late.length}`, heading: true },
    ...(late.length ? late.map(entry) : [{ html: "Không có nhiệm vụ nào quá hạn." }]),
  ];
  const pages = paginate(lines);
  const k = Math.min(Math.max(1, n), pages.length);
  const tasksAfter = (i: number) => pages.slice(i).flat().filter((l) => !l.heading && l.html.startsWith("•")).length;
  return {
    html: renderPage(`📅 <b>Hạn chót</b> — ${formatDate(today)}`, pages, k, (i) => `còn ${tasksAfter(i)} nhiệm vụ`),
    keyboard: pageKeyboard(k, pages.length, (p) => `hc:${days}:${p}`),
  };
}
