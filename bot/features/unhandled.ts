/** Last in the chain: unknown commands and anything else the features did not handle. */
import { Composer } from "grammy";
import { isAddressed } from "../addressed.js";
import type { BotContext, BotDeps } from "../context.js";

export function unhandledFeature(_deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.on("message", async (ctx) => {
    if (!isAddressed(ctx)) return;
    const text = ctx.msg.text ?? "";
    if (text.startsWith("/")) {
      const cmd = text.split(/\s/)[0]!.split("@")[0];
      await ctx.reply(`Không có lệnh ${cmd}. Gõ /help để xem các lệnh: /hoi, /nhiemvu, /hanchot, /vanban.`);
    } else if (ctx.chat.type === "private") {
      await ctx.reply("Tôi chỉ hiểu câu hỏi bằng chữ. Gõ /help để xem hướng dẫn.");
    }
  });
  c.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: "Nút này không còn hiệu lực." });
  });
  return c;
}
