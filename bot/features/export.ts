/**
 * /xuat [CƠ_QUAN] [THỜI_KỲ]: the task table with statuses as an Excel file, and the deadlines as an
 * iCalendar file to import into (or subscribe from) Outlook or Google Calendar.
 */
import { Composer, InputFile } from "grammy";
import { vnDate } from "../../core/time.js";
import type { BotContext, BotDeps } from "../context.js";
import { selectionTitle, selectTasks } from "./progress.js";

export function exportFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command(["xuat", "export"], async (ctx) => {
    const sel = await selectTasks(deps, ctx.match);
    const title = selectionTitle(sel);
    if (sel.tasks.length === 0) return void (await ctx.reply(`Không tìm thấy nhiệm vụ nào (${title}).`));
    const now = deps.app.now();
    const [{ taskRows }, { tasksXlsx }, { tasksIcs }] = await Promise.all([
      import("../../export/table.js"), import("../../export/xlsx.js"), import("../../export/ics.js"),
    ]);
    const rows = await taskRows(deps.app.store, sel.tasks, vnDate(now));
    const chatId = ctx.chat!.id;
    const stamp = vnDate(now);
    await ctx.api.sendDocument(chatId, new InputFile(await tasksXlsx(rows, now), `nhiem-vu-${stamp}.xlsx`),
      { caption: `📊 Bảng nhiệm vụ: ${title} (${rows.length} dòng)` });
    await ctx.api.sendDocument(chatId, new InputFile(Buffer.from(tasksIcs(rows, now, `Hạn nhiệm vụ: ${title}`), "utf8"), `han-nhiem-vu-${stamp}.ics`),
      { caption: "📅 Lịch hạn nhiệm vụ (mở bằng Outlook hoặc Google Calendar)" });
  });
  return c;
}
