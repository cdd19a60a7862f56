/**
 * /vanban [NUMBER] (alias /doc): the list of documents, a page at a time (present/pages.ts: at most 10
 * documents and 3,500 characters a page, buttons to move between pages), or one document's card.
 */
import { Composer } from "grammy";
import { escapeHtml } from "../../core/text.js";
import type { Store } from "../../store/types.js";
import type { BotContext, BotDeps } from "../context.js";
import { docListLines, docListTitle, renderDocCard, renderDocList } from "../../present/docs.js";
import { pageKeyboard, paginate, renderPage } from "../../present/pages.js";
import { editHtml, replyItems } from "../send.js";

/** More matches than this are listed rather than shown as cards. */
const MAX_CARDS = 3;

export function docFeature(deps: BotDeps): Composer<BotContext> {
  const c = new Composer<BotContext>();
  const { store } = deps.app;
  c.command(["vanban", "doc"], async (ctx) => {
    const ref = ctx.match.trim();
    if (!ref) {
      const page = await docPage(store, 1);
      return void (await replyItems(ctx, [page.html], { keyboard: page.keyboard }));
    }
    const docs = await store.findDocuments(ref);
    if (docs.length === 0) {
      return void (await replyItems(ctx, [`Không tìm thấy văn bản “${escapeHtml(ref)}”. Gõ /vanban để xem danh sách.`]));
    }
    if (docs.length > MAX_CARDS) return void (await replyItems(ctx, renderDocList(docs), { separator: "\n" }));
    for (const doc of docs) {
      await replyItems(ctx, renderDocCard(doc, await store.getSections(doc.id)), { separator: "\n" });
    }
  });
  c.callbackQuery(/^vb:(\d+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const page = await docPage(store, Number(ctx.match[1]));
    await editHtml(ctx, page.html, page.keyboard);
  });
  return c;
}

/** Page n of the document list (the last page when the list has shrunk since the button was sent). */
async function docPage(store: Store, n: number) {
  const docs = await store.listDocuments();
  if (docs.length === 0) return { html: "Chưa có văn bản nào trong hệ thống.", keyboard: undefined };
  const pages = paginate(docListLines(docs));
  const k = Math.min(Math.max(1, n), pages.length);
  const after = (i: number) => pages.slice(i).reduce((sum, p) => sum + p.length, 0);
  return {
    html: renderPage(docListTitle(docs.length), pages, k, (i) => `còn ${after(i)} văn bản`),
    keyboard: pageKeyboard(k, pages.length, (p) => `vb:${p}`),
  };
}
