/**
 * Asking the answerer for a user and replying with the rendered answer and its buttons. Shared by plain
 * questions, /hoi, the /start examples, "Xem thêm" and /nhiemvu.
 */
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { Answer } from "../qa/types.js";
import { newKey, type BotContext, type BotDeps } from "./context.js";
import { moreLine, renderAnswer } from "../present/answer.js";
import { taskGroupsWithStatus } from "./status-view.js";
import { vnDate } from "../core/time.js";
import { replyItems, withTyping } from "./send.js";

/** Results asked for per page; "Xem thêm" asks for the next page from where this one ended. */
export const PAGE = 8;

export interface AskRequest {
  question: string;
  offset?: number;
  /** Render the task groups (for /nhiemvu) instead of the answer's citations. */
  asTaskList?: boolean;
  /** HTML heading placed before the answer. */
  heading?: string;
}

/** Asks, renders and replies; returns the answer (tests and the terminal use it). */
export async function answerAndReply(ctx: BotContext, deps: BotDeps, req: AskRequest): Promise<Answer> {
  const offset = req.offset ?? 0;
  const answer = await withTyping(ctx, () => deps.app.answerer.ask(req.question, { offset, limit: PAGE }));
  ctx.log.info({ kind: answer.kind, found: answer.found, citations: answer.citations.length, offset }, "answered");
  let items: string[];
  let statusRows: InlineKeyboardButton.CallbackButton[][] = [];
  if (req.asTaskList && answer.groups && answer.groups.some((g) => g.tasks.length > 0)) {
    // Each task with its status and its buttons (bot/status-view.ts).
    const view = await taskGroupsWithStatus(deps.app.store, answer.groups, vnDate(deps.app.now()));
    items = [...(req.heading ? [req.heading] : []), ...view.items];
    const more = moreLine(answer);
    if (more) items.push(more);
    statusRows = view.rows;
  } else {
    items = renderAnswer(answer, req.heading);
  }
  const key = newKey();
  // "Xem thêm" goes on from where this page ended: a page of passages holds fewer than PAGE results.
  const shown = (answer.nextOffset ?? offset + PAGE) - offset;
  await deps.app.store.rememberAnswer(key, { question: req.question, answer: answer.answer, offset, limit: shown, tasks: !!req.asTaskList });
  const keyboard = new InlineKeyboard();
  const src = sourceOf(answer);
  if (src) keyboard.text("📖 Nguyên văn", `src:${src.docId}:${src.section}`);
  if (answer.more) keyboard.text("Xem thêm ▶", `more:${key}`);
  keyboard.row().text("👍", `fb:${key}:u`).text("👎", `fb:${key}:d`);
  for (const row of statusRows) keyboard.row(...row);
  await replyItems(ctx, items, { keyboard });
  return answer;
}

/**
 * The (document id, section index) of the answer's first citation, for the "📖 Nguyên văn" button, as the
 * answerer recorded it (no store read); the first task when there is no citation.
 */
export function sourceOf(answer: Answer): { docId: number; section: number } | undefined {
  const c = answer.citations[0];
  if (!c) {
    const t = answer.groups?.flatMap((g) => g.tasks)[0];
    return t ? { docId: t.docId, section: t.section } : undefined;
  }
  return c.docId !== undefined && c.sectionIndex !== undefined ? { docId: c.docId, section: c.sectionIndex } : undefined;
}
