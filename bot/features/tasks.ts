/** /nhiemvu ORG [PERIOD] (alias /tasks): an organisation's tasks, grouped by role. */
import { Composer } from "grammy";
import { escapeHtml } from "../../core/text.js";
import { answerAndReply } from "../answering.js";
import type { BotContext, BotDeps } from "../context.js";

const USAGE = "Cú pháp: /nhiemvu CƠ_QUAN [THỜI_KỲ], ví dụ: /nhiemvu btctw q2/2026 hoặc /nhiemvu Bộ Nội vụ năm 2026";

export function tasksFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.command(["nhiemvu", "tasks"], async (ctx) => {
    const query = ctx.match.trim().replace(/\s+/g, " ");
    if (!query) return void (await ctx.reply(USAGE));
    // The answerer's question understanding finds the organisation and the period in "btctw q2/2026".
    await answerAndReply(ctx, deps, { question: query, asTaskList: true, heading: `📋 <b>Nhiệm vụ: ${escapeHtml(query)}</b>` });
  });
  return c;
}
