/** /hanchot [DAYS] (alias /deadlines): tasks due in the next DAYS days, and those overdue. */
import { Composer } from "grammy";
import type { StoredAssignment } from "../../store/types.js";
import type { BotContext, BotDeps } from "../context.js";
import { formatDate } from "../../core/display.js";
import { findDueTasks } from "../../digest/build.js";
import { renderTaskList } from "../../present/tasks.js";
import { replyItems } from "../send.js";

/** Longest list shown per group; the rest is counted. */
const MAX_SHOWN = 100;

export function deadlinesFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command(["hanchot", "deadlines"], async (ctx) => {
    const arg = ctx.match.trim();
    const days = arg ? Number(arg) : deps.config.digest.lookaheadDays;
    if (!Number.isInteger(days) || days < 1 || days > 365) {
      return void (await ctx.reply("Cú pháp: /hanchot [SỐ_NGÀY], ví dụ /hanchot 30 (từ 1 đến 365 ngày)."));
    }
    const lookback = deps.config.digest.lookbackDays;
    const { today, until, overdue, upcoming } = await findDueTasks(
      deps.app.store, { orgIds: [], lookbackDays: lookback, lookaheadDays: days }, deps.app.now(),
    );
    const items = [`⏰ <b>Đến hạn trong ${days} ngày tới</b> (đến ${formatDate(until)}): ${upcoming.length}`];
    items.push(...(upcoming.length ? list(upcoming, today) : ["Không có nhiệm vụ nào đến hạn."]));
    items.push(`⚠️ <b>Đã quá hạn</b> (trong ${lookback} ngày qua): ${overdue.length}`);
    items.push(...(overdue.length ? list(overdue, today) : ["Không có nhiệm vụ nào quá hạn."]));
    await replyItems(ctx, items);
  });
  return c;
}

function list(tasks: StoredAssignment[], today: string): string[] {
  const items = renderTaskList(tasks.slice(0, MAX_SHOWN), { today });
  if (tasks.length > MAX_SHOWN) items.push(`… và ${tasks.length - MAX_SHOWN} nhiệm vụ khác.`);
  return items;
}
