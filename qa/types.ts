/**
 * What answering returns, to the CLI (`ask --json`) and to the bot. The JSON shape of `AnswerJson` is the
 * `ask --jsonl` contract of ../shared/eval/README.md.
 */
import type { Citation, Role } from "../core/types.js";
import type { StoredAssignment } from "../store/types.js";

export type Language = "vi" | "en";

export type QuestionKind =
  | "assigned"   // what is X assigned [in P]
  | "who"        // who leads/coordinates T
  | "when"       // when is T due
  | "document"   // what does document D say
  | "other";

export interface AnswerJson {
  question: string;
  answer: string;
  found: boolean;
  citations: Citation[];
}

export interface Answer extends AnswerJson {
  language: Language;
  kind: QuestionKind;
  /** For assignment questions: the tasks, grouped by role in the order Chủ trì, Phối hợp, Thực hiện. */
  groups?: Array<{ role: Role; tasks: StoredAssignment[] }>;
  /** True when more results exist past this page (the bot's "Xem thêm" button). */
  more: boolean;
  /** The offset of the next page ("Xem thêm"): this page's offset plus the results it showed. */
  nextOffset?: number;
  /** For task lists: how many tasks in all, and the filters of `nhiemvu tasks` that list every one. */
  listing?: TaskListing;
}

export interface TaskListing {
  /** Tasks in the whole list (each body, role and wording once; see taskEntries in task-query.ts). */
  total: number;
  /** The body asked about, by its registry name. */
  assignee?: string;
  /** The period asked, as `tasks --period` reads it ("Q2/2026"). */
  period?: string;
  /** The date of a "before DATE" question (YYYY-MM-DD). */
  dueBefore?: string;
  /** The role the question asked ("chủ trì những việc gì"), when it narrowed the list. */
  role?: Role;
}

export interface AskOptions {
  /** Skip this many results (paging for "Xem thêm"). */
  offset?: number;
  /** At most this many citations (default 8). */
  limit?: number;
  /** Use the LLM when configured (default true); inline mode and benchmarks pass false. */
  llm?: boolean;
}

export interface Answerer {
  ask(question: string, options?: AskOptions): Promise<Answer>;
}
