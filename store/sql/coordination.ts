/**
 * What the bot must remember between updates, and which updates it has answered, one SQL text for both
 * stores (the locks differ: store/sqlite/coordination.ts leases a row, store/pg/coordination.ts holds an
 * advisory lock). In the store rather than in process memory, so that every replica sees the same rows.
 */
import type { BotMemoryStore, CoordinationStore, RememberedAnswer } from "../types.js";
import type { Query } from "./query.js";

/** Handled update ids are kept this long: Telegram gives up redelivering a webhook update well before. */
export const HANDLED_KEEP_MS = 3 * 24 * 3_600_000;
/** Remembered answers (and their votes) older than this are dropped: their buttons then say "hỏi lại". */
export const ANSWER_KEEP_MS = 30 * 24 * 3_600_000;
/** Old rows are pruned on one insert in this many (cheap, and keeps the tables bounded). */
export const PRUNE_EVERY = 500;

export function handledUpdates(q: Query, now: () => Date): Pick<CoordinationStore, "markUpdateHandled" | "isUpdateHandled"> {
  let inserts = 0;
  return {
    async markUpdateHandled(updateId) {
      const at = now().getTime();
      if (++inserts % PRUNE_EVERY === 1) await q.run("DELETE FROM handled_updates WHERE handled_at < ?", [at - HANDLED_KEEP_MS]);
      return (await q.run("INSERT INTO handled_updates (update_id, handled_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        [updateId, at])) === 1;
    },

    async isUpdateHandled(updateId) {
      return (await q.all("SELECT 1 AS yes FROM handled_updates WHERE update_id = ?", [updateId])).length > 0;
    },
  };
}

/** The answers kept for the buttons under them, one vote per user, and the once-only notices. */
export function botMemory(q: Query, now: () => Date): BotMemoryStore {
  let inserts = 0;
  return {
    async rememberAnswer(key, e) {
      const at = now().getTime();
      if (++inserts % PRUNE_EVERY === 1) {
        await q.batch([
          ["DELETE FROM votes WHERE key IN (SELECT key FROM answers WHERE created_at < ?)", [at - ANSWER_KEEP_MS]],
          ["DELETE FROM answers WHERE created_at < ?", [at - ANSWER_KEEP_MS]],
        ]);
      }
      await q.run(`INSERT INTO answers (key, question, answer, page_offset, lim, tasks, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET question = excluded.question,
        answer = excluded.answer, page_offset = excluded.page_offset, lim = excluded.lim, tasks = excluded.tasks,
        created_at = excluded.created_at`, [key, e.question, e.answer, e.offset, e.limit, e.tasks, at]);
    },

    async recallAnswer(key): Promise<RememberedAnswer | undefined> {
      const [r] = await q.all<{ question: string; answer: string; page_offset: number; lim: number; tasks: number | boolean }>(
        "SELECT question, answer, page_offset, lim, tasks FROM answers WHERE key = ?", [key]);
      return r && { question: r.question, answer: r.answer, offset: r.page_offset, limit: r.lim, tasks: Boolean(r.tasks) };
    },

    async noteVote(key, userId) {
      return (await q.run("INSERT INTO votes (key, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING", [key, userId])) === 1;
    },

    async noteOnce(scope, id, label) {
      return (await q.run("INSERT INTO noted (scope, id, label, noted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        [scope, id, label ?? null, now().getTime()])) === 1;
    },

    async notedLabel(scope, id) {
      const [r] = await q.all<{ label: string | null }>("SELECT label FROM noted WHERE scope = ? AND id = ?", [scope, id]);
      return r?.label ?? undefined;
    },
  };
}
