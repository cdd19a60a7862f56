/**
 * Evidence from later documents (core/evidence.ts): after an admin's upload, and on /dexuat SỐ_HIỆU, the
 * bot proposes marking a task done when the document reports it done, quoting the passage; an admin
 * confirms with one button. A status never changes without that press.
 */
import { Composer, InlineKeyboard, type Api } from "grammy";
import { docLabel, formatDate, shorten } from "../../core/display.js";
import { findCompletionReports } from "../../core/evidence.js";
import { actorLabel, identityOf, statusRef, taskKey } from "../../core/status.js";
import { escapeHtml } from "../../core/text.js";
import { vnDate } from "../../core/time.js";
import type { StoredSection } from "../../store/types.js";
import type { BotContext, BotDeps } from "../context.js";
import { ADMIN_ONLY } from "./access.js";
import { taskOfButton } from "../status-view.js";
import { taskSource } from "../../present/tasks.js";

/** Most proposals sent for one document. */
export const MAX_PROPOSALS = 10;

/** ev:<task doc>:<task ref>:<evidence doc>:<start>:<end> (the passage's offsets in the evidence doc). */
const EVIDENCE_CALLBACK = /^ev:(\d+):([\w-]{12}):(\d+):(\d+):(\d+)$/;

function sectionAt(sections: StoredSection[], at: number): StoredSection | undefined {
  return sections.filter((s) => s.start <= at && at < s.end).sort((a, b) => b.depth - a.depth)[0];
}

/** Sends `chatId` one proposal per task the document reports done; returns how many were sent. */
export async function proposeEvidence(deps: BotDeps, api: Api, chatId: number, docId: number): Promise<number> {
  const { store, registry } = deps.app;
  const doc = await store.getDocument(docId);
  if (!doc) return 0;
  const candidates = (await store.findAssignments({})).filter((t) => t.docId !== docId && t.role !== "coordinate" && t.orgId);
  const statuses = await store.getTaskStatuses(candidates.map((t) => taskKey(identityOf(t))));
  const open = candidates.filter((t) => statuses.get(taskKey(identityOf(t)))?.state !== "done");
  const matches = findCompletionReports(doc.text, registry, open, doc.meta.seams).sort((a, b) => b.score - a.score).slice(0, MAX_PROPOSALS);
  const sections = await store.getSections(docId);
  for (const m of matches) {
    const t = m.task;
    const section = sectionAt(sections, m.span.start);
    const where = [docLabel(doc.meta, doc.name), section ? `mục ${section.label}` : ""].filter(Boolean).join(", ");
    const text = `🔎 <b>Đề xuất: đánh dấu đã hoàn thành</b>\n• <b>${escapeHtml(t.org)}</b>: ${escapeHtml(shorten(t.task, 300))}\n` +
      `   📄 ${escapeHtml(taskSource(t))}\n<b>Căn cứ</b> (${escapeHtml(where)}):\n` +
      `<blockquote>${escapeHtml(doc.text.slice(m.span.start, m.span.end))}</blockquote>`;
    const kb = new InlineKeyboard().text("✅ Xác nhận hoàn thành",
      `ev:${t.docId}:${statusRef(taskKey(identityOf(t)))}:${docId}:${m.span.start}:${m.span.end}`);
    await api.sendMessage(chatId, text, { parse_mode: "HTML", reply_markup: kb });
  }
  return matches.length;
}

export function evidenceFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { store } = deps.app;

  c.command("dexuat", async (ctx) => {
    if (!ctx.access.admin) return void (await ctx.reply(ADMIN_ONLY));
    const ref = ctx.match.trim();
    if (!ref) return void (await ctx.reply("Cú pháp: /dexuat SỐ_HIỆU: tìm trong văn bản các nhiệm vụ được báo cáo đã hoàn thành."));
    const docs = await store.findDocuments(ref);
    if (docs.length !== 1) return void (await ctx.reply(docs.length ? "Có nhiều văn bản khớp; hãy ghi rõ tên tệp." : `Không tìm thấy văn bản “${ref}”.`));
    const n = await proposeEvidence(deps, ctx.api, ctx.chat.id, docs[0]!.id);
    if (n === 0) await ctx.reply("Văn bản này không báo cáo nhiệm vụ nào đã hoàn thành (trong số các nhiệm vụ chưa xong).");
  });

  c.callbackQuery(EVIDENCE_CALLBACK, async (ctx) => {
    if (!ctx.access.admin) return void (await ctx.answerCallbackQuery({ text: ADMIN_ONLY, show_alert: true }));
    const [, taskDoc, ref, evDoc, start, end] = ctx.match;
    const task = await taskOfButton(store, Number(taskDoc), ref!);
    const doc = await store.getDocument(Number(evDoc));
    if (!task || !doc || Number(end) > doc.text.length) {
      return void (await ctx.answerCallbackQuery({ text: "Nhiệm vụ hoặc văn bản căn cứ không còn.", show_alert: true }));
    }
    const section = sectionAt(await store.getSections(doc.id), Number(start));
    const quote = doc.text.slice(Number(start), Number(end));
    const u = ctx.from;
    await store.setTaskStatus({
      identity: identityOf(task), to: "done", by: actorLabel("telegram", u.id, u.first_name),
      doneOn: doc.meta.date ?? vnDate(deps.app.now()),
      evidence: { doc: doc.name, section: section?.label, quote },
    });
    ctx.log.info({ task: task.id, evidence: doc.id }, "status confirmed from evidence");
    const done = `✅ Đã xác nhận: ${task.org} — ${taskSource(task)}: đã hoàn thành${doc.meta.date ? ` (${formatDate(doc.meta.date)})` : ""}.`;
    await ctx.answerCallbackQuery({ text: done });
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
    if (ctx.chat) await ctx.api.sendMessage(ctx.chat.id, done);
  });

  return c;
}
