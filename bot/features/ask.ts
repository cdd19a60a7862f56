/**
 * Questions: plain text in private chats, /hoi or /ask anywhere, a mention or a reply to the bot in groups;
 * and the buttons under an answer (📖 Nguyên văn, Xem thêm, 👍/👎).
 */
import { Composer } from "grammy";
import { escapeHtml } from "../../core/text.js";
import { answerAndReply } from "../answering.js";
import { isAddressed, questionText } from "../addressed.js";
import type { BotContext, BotDeps } from "../context.js";
import { docLabel, sectionPhrase } from "../../core/display.js";
import { replyItems } from "../send.js";

const ASK_USAGE = "Hãy gõ câu hỏi sau lệnh, ví dụ: /hoi Ban Tổ chức Trung ương được giao nhiệm vụ gì trong quý II/2026?";
const EXPIRED = "Câu trả lời này đã cũ, vui lòng hỏi lại.";

export function askFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { app } = deps;

  c.command(["hoi", "ask"], async (ctx) => {
    const question = ctx.match.trim();
    if (!question) return void (await ctx.reply(ASK_USAGE));
    await answerAndReply(ctx, deps, { question });
  });

  c.on("message:text", async (ctx, next) => {
    if (ctx.msg.text.startsWith("/")) return next();
    if (ctx.chat.type !== "private" && !isAddressed(ctx)) return next();
    const question = questionText(ctx);
    if (!question) return void (await ctx.reply(ASK_USAGE));
    await answerAndReply(ctx, deps, { question });
  });

  c.callbackQuery(/^more:([\w-]+)$/, async (ctx) => {
    const entry = await app.store.recallAnswer(ctx.match[1]!);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: EXPIRED }));
    await ctx.answerCallbackQuery();
    await answerAndReply(ctx, deps, { question: entry.question, offset: entry.offset + entry.limit, asTaskList: entry.tasks });
  });

  c.callbackQuery(/^fb:([\w-]+):([ud])$/, async (ctx) => {
    const key = ctx.match[1]!;
    const entry = await app.store.recallAnswer(key);
    if (!entry) return void (await ctx.answerCallbackQuery({ text: EXPIRED }));
    if (!(await app.store.noteVote(key, ctx.from.id))) return void (await ctx.answerCallbackQuery({ text: "Bạn đã góp ý cho câu trả lời này." }));
    const vote = ctx.match[2] === "u" ? 1 : -1;
    await app.store.addFeedback({ userId: ctx.from.id, chatId: ctx.chat?.id ?? ctx.from.id, question: entry.question, answer: entry.answer, vote });
    ctx.log.info({ vote }, "feedback");
    await ctx.answerCallbackQuery({ text: vote === 1 ? "Cảm ơn bạn đã góp ý! 👍" : "Cảm ơn bạn! Chúng tôi sẽ cải thiện câu trả lời. 👎" });
  });

  c.callbackQuery(/^src:(\d+):(\d+)$/, async (ctx) => {
    const docId = Number(ctx.match[1]);
    const index = Number(ctx.match[2]);
    const doc = await app.store.getDocument(docId);
    const section = doc ? (await app.store.getSections(docId)).find((s) => s.index === index) : undefined;
    if (!doc || !section) return void (await ctx.answerCallbackQuery({ text: "Văn bản này không còn trong hệ thống." }));
    await ctx.answerCallbackQuery();
    const head = `📖 <b>${escapeHtml(docLabel(doc.meta, doc.name))}</b> — <i>${escapeHtml(sectionPhrase(section.label))}</i> (nguyên văn)`;
    const paragraphs = doc.text.slice(section.start, section.end).split(/\n+/).map((p) => p.trim()).filter(Boolean);
    await replyItems(ctx, [head, ...paragraphs.map(escapeHtml)], { separator: "\n" });
  });

  return c;
}
