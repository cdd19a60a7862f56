import type { Command } from "commander";
import { action, type CliContext } from "../context.js";
import { formatSummary } from "./ingest.js";

const EXAMPLES = [
  "Ban Tổ chức TW được giao những nhiệm vụ gì trong quý II/2026?",
  "Hạn chót tổ chức tập huấn, bồi dưỡng nghiệp vụ cho cấp uỷ viên là khi nào?",
  "What is Ban Tổ chức TW assigned in Q2/2026?",
];

export function registerDemo(program: Command, ctx: CliContext): void {
  program
    .command("demo")
    .description("ingest the sample corpus and answer example questions (offline, no token, no LLM)")
    .argument("[question...]", "ask this instead of the examples")
    .action(action(async (words: string[]) => {
      const { SAMPLE_CORPUS_DIR: SAMPLE_CORPUS } = await import("../base.js");
      const { answerText } = await import("../world.js");
      await ctx.withApp(async (app) => {
        ctx.out(`Ingesting the sample corpus (${SAMPLE_CORPUS}) into ${app.config.store.dataDir} ...`);
        ctx.out(formatSummary(await app.ingest([SAMPLE_CORPUS])));
        const questions = words.length > 0 ? [words.join(" ")] : EXAMPLES;
        for (const q of questions) {
          ctx.out(`\n? ${q}\n`);
          ctx.out(answerText(await app.answerer.ask(q)));
        }
        ctx.out("\nAsk your own: npm run --silent nhiemvu -- ask \"...\"   or chat: npm start (no BOT_TOKEN needed)");
      });
    }));
}
