/**
 * /quahan [CƠ_QUAN]: tasks past their deadline and not done, oldest first. /tiendo [CƠ_QUAN] [THỜI_KỲ]:
 * per body, the tasks it leads or carries out, how many are done (and done late), overdue, and the
 * completion rate, as text and as a chart (PNG drawn on the server).
 */
import { Composer, InputFile } from "grammy";
import type { Org } from "../../core/orgs.js";
import { parsePeriod } from "../../core/periods.js";
import { identityOf, isOverdue, orgKeyOf, progressByOrg, taskKey } from "../../core/status.js";
import { escapeHtml } from "../../core/text.js";
import { addDays, vnDate } from "../../core/time.js";
import type { Period } from "../../core/types.js";
import { bodyRecords, dueInPeriod, periodFilter } from "../../qa/task-query.js";
import type { AssignmentFilter, StoredAssignment } from "../../store/types.js";
import type { BotContext, BotDeps } from "../context.js";
import { replyItems } from "../send.js";
import { statusesOf } from "../status-view.js";
import { renderTaskWithStatus, statusButtons, MAX_STATUS_BUTTONS } from "../../present/status.js";

/** What "[CƠ_QUAN] [THỜI_KỲ]" selects. */
export interface Selection {
  org?: Org;
  /** Words naming no registered body, matched against bodies as written. */
  orgText?: string;
  period?: Period;
  tasks: StoredAssignment[];
}

/** Reads "btctw q2/2026", "Bộ Nội vụ", "quý II/2026" or nothing, and finds the tasks it names. */
export async function selectTasks(deps: BotDeps, text: string, extra: AssignmentFilter = {}): Promise<Selection> {
  const { registry, store } = deps.app;
  const query = text.trim();
  const mention = query ? registry.findAll(query, { loose: true })[0] : undefined;
  const rest = mention ? (query.slice(0, mention.index) + " " + query.slice(mention.index + mention.length)).trim() : query;
  const period = rest ? parsePeriod(rest, { now: deps.app.now() }) : undefined;
  const orgText = !mention && rest && !period ? rest : undefined;
  const filter: AssignmentFilter = { ...extra, ...(period ? periodFilter(period) : {}) };
  const bodies = bodyRecords(mention ? [mention.org] : [], registry);
  if (mention) filter.orgIds = bodies.orgIds;
  else if (orgText) filter.orgText = orgText;
  const tasks = (await store.findAssignments(filter)).filter((t) => dueInPeriod(t, period) && bodies.keep(t));
  return { org: mention?.org, orgText, period, tasks };
}

/** "Ban Tổ chức Trung ương, quý II/2026" or "tất cả cơ quan". */
export function selectionTitle(s: Selection): string {
  return [s.org?.name ?? s.orgText ?? "tất cả cơ quan", s.period?.text].filter(Boolean).join(", ");
}

export function progressFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { store } = deps.app;

  c.command(["quahan", "overdue"], async (ctx) => {
    const today = vnDate(deps.app.now());
    const sel = await selectTasks(deps, ctx.match, { dueBefore: addDays(today, -1) });
    const statuses = await statusesOf(store, sel.tasks);
    const overdue = sel.tasks
      .filter((t) => isOverdue(t.deadline?.due, statuses.get(taskKey(identityOf(t))), today))
      .sort((a, b) => a.deadline!.due!.localeCompare(b.deadline!.due!) || a.docId - b.docId || a.quoteStart - b.quoteStart);
    const heading = `⚠️ <b>Nhiệm vụ quá hạn: ${escapeHtml(selectionTitle(sel))}</b> (${overdue.length})`;
    if (overdue.length === 0) return void (await ctx.reply(`${heading}\nKhông có nhiệm vụ nào quá hạn.`, { parse_mode: "HTML" }));
    const items = overdue.map((t, i) => renderTaskWithStatus(t, i + 1, statuses.get(taskKey(identityOf(t))), today));
    const rows = overdue.slice(0, MAX_STATUS_BUTTONS).map((t, i) => statusButtons(t, i + 1));
    await replyItems(ctx, [heading, ...items], { keyboard: { inline_keyboard: rows } });
  });

  c.command(["tiendo", "progress"], async (ctx) => {
    const today = vnDate(deps.app.now());
    const sel = await selectTasks(deps, ctx.match);
    const statuses = await statusesOf(store, sel.tasks);
    const rows = progressByOrg(sel.tasks.map((t) => ({
      org: t.org, orgKey: orgKeyOf(t), role: t.role, due: t.deadline?.due, status: statuses.get(taskKey(identityOf(t))),
    })), today).sort((a, b) => b.total - a.total);
    const title = `Tiến độ: ${selectionTitle(sel)}`;
    if (rows.length === 0) return void (await ctx.reply(`📊 ${title}\nKhông tìm thấy nhiệm vụ nào.`));
    const items = [`📊 <b>${escapeHtml(title)}</b>`, ...rows.map((r) =>
      `🏛 <b>${escapeHtml(r.org)}</b>: ${r.total} nhiệm vụ chủ trì/thực hiện · ✅ ${r.done} hoàn thành` +
      `${r.doneLate ? ` (${r.doneLate} trễ hạn)` : ""} · ⚠️ ${r.overdue} quá hạn · tỉ lệ hoàn thành ${Math.round(r.rate * 100)}%`)];
    await replyItems(ctx, items, { separator: "\n" });
    const { progressChartPng } = await import("../../export/chart.js");
    const png = progressChartPng(rows.slice(0, 15), { title });
    if (ctx.chat) await ctx.api.sendPhoto(ctx.chat.id, new InputFile(png, "tien-do.png"), { caption: title });
  });

  return c;
}
