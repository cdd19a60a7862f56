/** Inline mode: "@bot btctw q2/2026" lists matching tasks and passages, without the LLM. */
import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { BotContext, BotDeps } from "../context.js";
import { renderCitation } from "../../present/answer.js";
import { citationPlace, docLabel, shorten } from "../../core/display.js";
import { renderTask, taskSource } from "../../present/tasks.js";

const MAX_TASKS = 30;
const MAX_PASSAGES = 10;
/** Inline messages are single messages: long passages are shortened (with "…"). */
const MAX_MESSAGE = 3500;

export function inlineFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.on("inline_query", async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    if (query.length < 2) return void (await ctx.answerInlineQuery([], { cache_time: 5, is_personal: true }));
    const answer = await deps.app.answerer.ask(query, { llm: false, limit: MAX_PASSAGES });
    const results: InlineQueryResultArticle[] = [];
    const tasks = (answer.groups ?? []).flatMap((g) => g.tasks).slice(0, MAX_TASKS);
    for (const t of tasks) {
      const due = t.deadline ? `Hạn: ${t.deadline.text} · ` : "";
      results.push({
        type: "article",
        id: `t${t.id}`,
        title: shorten(t.task, 80),
        description: `${due}${taskSource(t)}`,
        input_message_content: { message_text: renderTask(t), parse_mode: "HTML", link_preview_options: { is_disabled: true } },
      });
    }
    answer.citations.slice(0, MAX_PASSAGES).forEach((cit, i) => {
      const quote = cit.quote.length > MAX_MESSAGE ? shorten(cit.quote, MAX_MESSAGE) : cit.quote;
      results.push({
        type: "article",
        id: `c${i}`,
        title: shorten(cit.quote, 80),
        description: [docLabel({ kind: cit.kind, number: cit.number }, cit.doc), citationPlace(cit)].filter(Boolean).join(", "),
        input_message_content: { message_text: renderCitation({ ...cit, quote }), parse_mode: "HTML", link_preview_options: { is_disabled: true } },
      });
    });
    ctx.log.info({ results: results.length }, "inline answered");
    await ctx.answerInlineQuery(results, { cache_time: 10, is_personal: true });
  });
  return c;
}
