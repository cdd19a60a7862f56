/**
 * Task lists on the command line (issue 15), through the real `tasks` and `ask` commands in process over a
 * real store: the counts agree, a cut list names the command that shows all, each task is shown once, text
 * is cut at a word, documents are named by number and title, and quotes are shown without table bars or
 * the "date ..." line of a news page.
 */
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../app/types.js";
import { registerAsk } from "../../cli/commands/ask.js";
import { registerTasks } from "../../cli/commands/tasks.js";
import type { CliContext } from "../../cli/context.js";
import { openTempApp, removeDir } from "../helpers/app.js";
import { DISTINCT_TASKS, LONG_TASK, RECORDS, writeListsCorpus } from "../helpers/lists-corpus.js";

let app: App & { dir: string };

beforeAll(async () => {
  app = await openTempApp();
  const summary = await app.ingest([writeListsCorpus(join(app.dir, "corpus"))]);
  expect(summary.counts.failed).toBe(0);
});
afterAll(async () => {
  await app.close();
  removeDir(app.dir);
});

/** Runs `nhiemvu ARGS` with the commands' own code, printing into a string. */
async function nv(...args: string[]): Promise<string> {
  const out: string[] = [];
  const ctx: CliContext = {
    config: app.config, loadConfig: async () => app.config,
    withApp: (fn) => fn(app), withStore: (fn) => fn(app.store), out: (t) => void out.push(t),
  };
  const program = new Command("nhiemvu").exitOverride();
  registerTasks(program, ctx);
  registerAsk(program, ctx);
  await program.parseAsync(args, { from: "user" });
  expect(process.exitCode ?? 0, out.join("\n")).toBe(0);
  return out.join("\n");
}

describe("task lists on the command line", () => {
  it("ask and tasks state the same count: a task copied into two documents counts once", async () => {
    const records = JSON.parse(await nv("tasks", "--assignee", "Bộ Nội vụ", "--json")) as unknown[];
    expect(records).toHaveLength(RECORDS);
    const tasks = await nv("tasks", "--assignee", "Bộ Nội vụ");
    expect(tasks.split("\n")[0]).toBe(`${DISTINCT_TASKS} nhiệm vụ:`);
    expect(tasks.match(/^\d+\. /gm)).toHaveLength(DISTINCT_TASKS);
    const answer = await nv("ask", "Bộ Nội vụ có những nhiệm vụ gì?");
    expect(answer.split("\n")[0]).toBe(`Bộ Nội vụ có ${DISTINCT_TASKS} nhiệm vụ:`);
  });

  it("a cut answer says how many are left and names the tasks command that lists them all", async () => {
    const answer = await nv("ask", "Bộ Nội vụ có những nhiệm vụ gì?");
    const shown = answer.match(/^\d+\. /gm)!.length;
    expect(shown).toBeLessThan(DISTINCT_TASKS);
    expect(answer).toContain(`… còn ${DISTINCT_TASKS - shown} nhiệm vụ nữa; xem tất cả: nhiemvu tasks --assignee "Bộ Nội vụ"`);
  });

  it("each task of an answer is shown once, its verbatim quote under it without table bars, no list again under Nguồn", async () => {
    const answer = await nv("ask", "Bộ Nội vụ có những nhiệm vụ gì?");
    expect(answer).not.toContain("Nguồn:");
    expect(answer.match(/Hoàn thiện quy định số 2 về/g)).toHaveLength(2); // the task's line and its quote
    expect(answer).toContain("“2 Hoàn thiện quy định số 2 về quản lý cán bộ, công chức cấp xã · Bộ Nội vụ · Bộ Tư pháp · Nghị định · Tháng 2/2026”");
    expect(answer).not.toContain("|");
  });

  it("a question asked before a date lists first the task due on that date", async () => {
    const answer = await nv("ask", "Bộ Nội vụ phải hoàn thành gì trước ngày 30/11/2026?");
    const first = answer.split("\n").find((l) => /^1\. /.test(l));
    expect(first).toContain("Hoàn thiện quy định số 11");
    expect(answer).toContain("nhiemvu tasks --assignee \"Bộ Nội vụ\" --due-before 2026-11-30");
    const en = await nv("ask", "What must the Ministry of Home Affairs finish before 30 November 2026?");
    expect(en.split("\n")[0]).toBe("Bộ Nội vụ has 12 task(s) due by 30/11/2026:");
    expect(en.split("\n").find((l) => /^1\. /.test(l))).toContain("Hoàn thiện quy định số 11");
  });

  it("tasks cuts a long task at a word with … and names its document by number and title, not file name", async () => {
    const tasks = await nv("tasks", "--assignee", "Bộ Nội vụ");
    const block = tasks.split(/\n(?=\d+\. )/).find((b) => b.includes("Xây dựng, trình Chính phủ"))!;
    const [, text, source] = block.split("\n").map((l) => l.trim());
    expect(text!.endsWith("…")).toBe(true);
    expect(LONG_TASK.startsWith(text!.slice(0, -1))).toBe(true);
    expect(LONG_TASK[text!.length - 1]).toBe(" "); // cut where a word ends
    expect(source).toBe("Nghị quyết 99/NQ-CP, Phụ lục — Về chương trình cải cách chế độ công vụ năm 2026");
    expect(tasks).not.toContain("nq-99");
  });

  it("a passage from a news page is quoted without its date line; the stored quote keeps it", async () => {
    const question = "Buổi làm việc tổng kết công tác thi đua khen thưởng diễn ra ở đâu?";
    const json = JSON.parse(await nv("ask", question, "--json")) as { citations: Array<{ quote: string }> };
    expect(json.citations[0]!.quote.startsWith("date 2026-01-08\n")).toBe(true);
    const text = await nv("ask", question);
    expect(text).toContain("“Bộ Nội vụ chủ trì tổng kết công tác thi đua khen thưởng năm 2025");
    expect(text).not.toContain("date 2026-01-08");
  });
});
