/** /vanban [NUMBER] (alias /doc): the list of documents, or one document's card with its sections. */
import { Composer } from "grammy";
import { escapeHtml } from "../../core/text.js";
import type { BotContext, BotDeps } from "../context.js";
import { renderDocCard, renderDocList } from "../../present/docs.js";
import { replyItems } from "../send.js";

/** More matches than this are listed rather than shown as cards. */
const MAX_CARDS = 3;

export function docFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { store } = deps.app;
  c.command(["vanban", "doc"], async (ctx) => {
    const ref = ctx.match.trim();
    if (!ref) return void (await replyItems(ctx, renderDocList(await store.listDocuments()), { separator: "\n" }));
    const docs = await store.findDocuments(ref);
    if (docs.length === 0) {
      return void (await replyItems(ctx, [`Không tìm thấy văn bản “${escapeHtml(ref)}”. Gõ /vanban để xem danh sách.`]));
    }
    if (docs.length > MAX_CARDS) return void (await replyItems(ctx, renderDocList(docs), { separator: "\n" }));
    for (const doc of docs) {
      await replyItems(ctx, renderDocCard(doc, await store.getSections(doc.id)), { separator: "\n" });
    }
  });
  return c;
}
