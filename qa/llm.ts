/**
 * The optional LLM (loaded by qa/answerer.ts only when LLM_ENABLED): it rephrases the extractive answer,
 * given the question, that draft and the cited passages (prompts/answer.ts). The prompt asks for an [n]
 * marker after every claim; the check keeps a reply only when it holds at least one marker and every
 * marker names a passage. An empty reply, one with no or unknown markers, a timeout or an error falls back
 * to the extractive answer. Citations are always the extractive answer's own.
 */
import { ChatOpenAI } from "@langchain/openai";
import type { Config } from "../core/config.js";
import type { Logger } from "../core/logger.js";
import { answerPrompt } from "../prompts/answer.js";
import type { Answer } from "./types.js";

export interface LlmRewriter {
  rewrite(answer: Answer): Promise<Answer>;
}

export function createLlmRewriter(cfg: Config["llm"], logger: Logger): LlmRewriter {
  const model = new ChatOpenAI({
    model: cfg.model,
    apiKey: cfg.apiKey ?? "not-needed",
    configuration: cfg.baseUrl ? { baseURL: cfg.baseUrl } : undefined,
    temperature: 0,
    maxRetries: 1,
    timeout: cfg.timeoutMs,
  });
  return {
    async rewrite(answer) {
      try {
        const messages = await answerPrompt.formatMessages({
          language: answer.language === "en" ? "English" : "Vietnamese",
          question: answer.question,
          draft: answer.answer,
          passages: answer.citations.map((c, i) => `[${i + 1}] (${c.title}, mục ${c.section})\n${c.quote}`).join("\n\n"),
        });
        const reply = await withTimeout(model.invoke(messages), cfg.timeoutMs);
        const text = typeof reply.content === "string" ? reply.content.trim() : "";
        const problem = checkMarkers(text, answer.citations.length);
        if (problem) {
          logger.warn({ problem }, "LLM answer rejected; using the extractive answer");
          return answer;
        }
        return { ...answer, answer: text };
      } catch (err) {
        logger.warn({ err: err instanceof Error ? err.message : String(err) }, "LLM failed; using the extractive answer");
        return answer;
      }
    },
  };
}

/** Why an LLM answer can't be used, or undefined when every marker maps to a passage and there is one. */
export function checkMarkers(text: string, passages: number): string | undefined {
  if (!text) return "empty";
  const markers = [...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  if (markers.length === 0) return "no markers";
  const unknown = markers.filter((n) => n < 1 || n > passages);
  return unknown.length > 0 ? `unknown markers ${unknown.join(",")}` : undefined;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e); });
  });
}
