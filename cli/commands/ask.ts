import type { Command } from "commander";
import type { App } from "../../app/types.js";
import { plainMessage } from "../../core/errors.js";
import type { Answer, AnswerJson } from "../../qa/types.js";
import { action, type CliContext } from "../context.js";

export function registerAsk(program: Command, ctx: CliContext): void {
  program
    .command("ask")
    .description("answer a question with citations (or questions on stdin with --jsonl)")
    .argument("[question...]", "the question")
    .option("--json", "print one JSON object")
    .option("--jsonl", "read questions from stdin, one per line; print one JSON object per line")
    .option("--no-llm", "never use the LLM, even when configured")
    .action(action(async (words: string[], opts: { json?: boolean; jsonl?: boolean; llm: boolean }) => {
      await ctx.withApp(async (app) => {
        if (opts.jsonl) return askLines(app, ctx, opts.llm);
        const question = words.join(" ").trim();
        if (!question) throw new Error('give a question: nhiemvu ask "Ban Tổ chức TW được giao gì trong quý II/2026?"');
        const answer = await app.answerer.ask(question, { llm: opts.llm });
        ctx.out(opts.json ? JSON.stringify(toJson(answer)) : (await import("../world.js")).answerText(answer));
      });
    }));
}

/** The `ask --jsonl` contract: exactly one JSON object per input line, in order, nothing else on stdout. */
async function askLines(app: App, ctx: CliContext, llm: boolean): Promise<void> {
  const { createInterface } = await import("node:readline");
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const question = line.trim();
    let out: AnswerJson;
    try {
      out = question ? toJson(await app.answerer.ask(question, { llm })) : { question, answer: "", found: false, citations: [] };
    } catch (err) {
      app.logger.error({ question, err: plainMessage(err) }, "ask failed");
      out = { question, answer: `error: ${plainMessage(err)}`, found: false, citations: [] };
    }
    ctx.out(JSON.stringify(out));
  }
}

/** The contract's fields; a citation's store ids (docId, sectionIndex) are internal and left out. */
export function toJson(a: Answer): AnswerJson {
  return { question: a.question, answer: a.answer, found: a.found, citations: a.citations.map(({ docId: _id, sectionIndex: _index, ...c }) => c) };
}
