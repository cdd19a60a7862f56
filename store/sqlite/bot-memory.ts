/**
 * BotMemoryStore on SQLite: the answers kept for the buttons under them, one vote per user, and the
 * once-only notices ("told this user once"). In the store rather than in process memory, so that every
 * replica of the bot sees the same memory.
 */
import type { Database, Statement } from "better-sqlite3";
import type { RememberedAnswer } from "../types.js";

/** Remembered answers (and their votes) older than this are dropped: their buttons then say "hỏi lại". */
export const ANSWER_KEEP_MS = 30 * 24 * 3_600_000;
/** Old answers are pruned on one insert in this many. */
const PRUNE_EVERY = 500;

interface AnswerRow { question: string; answer: string; page_offset: number; lim: number; tasks: number }

export class SqliteBotMemory {
  private readonly s: Record<"remember" | "recall" | "vote" | "note" | "label" | "pruneVotes" | "pruneAnswers", Statement>;
  private inserts = 0;

  constructor(private readonly db: Database, private readonly now: () => Date) {
    this.s = {
      remember: db.prepare(`INSERT INTO answers (key, question, answer, page_offset, lim, tasks, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET question = excluded.question, answer = excluded.answer,
        page_offset = excluded.page_offset, lim = excluded.lim, tasks = excluded.tasks, created_at = excluded.created_at`),
      recall: db.prepare("SELECT question, answer, page_offset, lim, tasks FROM answers WHERE key = ?"),
      vote: db.prepare("INSERT INTO votes (key, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING"),
      note: db.prepare("INSERT INTO noted (scope, id, label, noted_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"),
      label: db.prepare("SELECT label FROM noted WHERE scope = ? AND id = ?").pluck(),
      pruneVotes: db.prepare("DELETE FROM votes WHERE key IN (SELECT key FROM answers WHERE created_at < ?)"),
      pruneAnswers: db.prepare("DELETE FROM answers WHERE created_at < ?"),
    };
  }

  async rememberAnswer(key: string, e: RememberedAnswer): Promise<void> {
    const at = this.now().getTime();
    if (++this.inserts % PRUNE_EVERY === 1) {
      this.db.transaction(() => {
        this.s.pruneVotes.run(at - ANSWER_KEEP_MS);
        this.s.pruneAnswers.run(at - ANSWER_KEEP_MS);
      })();
    }
    this.s.remember.run(key, e.question, e.answer, e.offset, e.limit, e.tasks ? 1 : 0, at);
  }

  async recallAnswer(key: string): Promise<RememberedAnswer | undefined> {
    const r = this.s.recall.get(key) as AnswerRow | undefined;
    return r && { question: r.question, answer: r.answer, offset: r.page_offset, limit: r.lim, tasks: r.tasks === 1 };
  }

  async noteVote(key: string, userId: number): Promise<boolean> {
    return this.s.vote.run(key, userId).changes === 1;
  }

  async noteOnce(scope: string, id: number, label?: string): Promise<boolean> {
    return this.s.note.run(scope, id, label ?? null, this.now().getTime()).changes === 1;
  }

  async notedLabel(scope: string, id: number): Promise<string | undefined> {
    return (this.s.label.get(scope, id) as string | null | undefined) ?? undefined;
  }
}
