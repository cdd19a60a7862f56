/**
 * The answerer: understands a question, scopes it, answers from the assignment table or from passages,
 * and optionally lets an LLM rephrase the answer (never the citations, which stay the retrieved ones).
 */
import type { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../core/config.js";
import type { Logger } from "../core/logger.js";
import type { OrgRegistry } from "../core/orgs.js";
import type { Store } from "../store/types.js";
import { answerAbout } from "./about.js";
import { answerAssigned } from "./assigned.js";
import type { LlmRewriter } from "./llm.js";
import { answerFromPassages } from "./passages.js";
import { POLICY } from "./policy.js";
import { resolveScope } from "./scope.js";
import type { Answer, Answerer, AskOptions } from "./types.js";
import { understandQuestion } from "./understand.js";

export interface AnswererDeps {
  store: Store;
  registry: OrgRegistry;
  embeddings: Embeddings;
  config: Config;
  logger: Logger;
  now: () => Date;
  /** Replaces the configured LLM (tests). */
  llm?: LlmRewriter;
}

export function createAnswerer(deps: AnswererDeps): Answerer {
  // The LLM client (@langchain/openai, about 0.5 s to load) is imported only when one is configured.
  let llm: Promise<LlmRewriter | undefined> | undefined;
  const rewriter = () => (llm ??= deps.llm ? Promise.resolve(deps.llm)
    : deps.config.llm.enabled ? import("./llm.js").then((m) => m.createLlmRewriter(deps.config.llm, deps.logger)) : Promise.resolve(undefined));
  // The vector list's weight is the deployment's (VECTOR_WEIGHT: it depends on the embedder); the rest is POLICY's.
  const passageDeps = { ...deps, ranking: { ...POLICY.ranking, vectorWeight: deps.config.ranking.vectorWeight } };
  return {
    async ask(question: string, options: AskOptions = {}): Promise<Answer> {
      const u = understandQuestion(question, { registry: deps.registry, now: deps.now() });
      const scope = await resolveScope(u.docRefs, deps.store);
      let answer = u.kind === "assigned" ? await answerAssigned(u, scope, deps.store, deps.registry, options) : undefined;
      // An assignment question that names a matter besides the body and period ("... sau buổi làm việc
      // với tỉnh X") may be answered by the text when the table holds nothing on it.
      if (!answer || (!answer.found && u.subject.length > 0 && !options.offset)) {
        answer = await answerFromPassages(u, scope, passageDeps, options);
      }
      // "Công văn X về việc gì?": the document's subject line first, then what the document says.
      const about = u.asksAbout ? await answerAbout(u, scope, deps.store) : undefined;
      if (about) answer = withAbout(about, answer);
      deps.logger.debug({ kind: u.kind, orgs: u.orgs.map((m) => m.org.id), period: u.period?.label, found: answer.found }, "answered");
      if (options.llm === false || !answer.found) return answer;
      const r = await rewriter();
      return r ? r.rewrite(answer) : answer;
    },
  };
}

/** The subject line of the documents asked about, followed by the answer found otherwise, if any. */
function withAbout(about: Answer, answer: Answer): Answer {
  if (!answer.found) return about;
  return { ...answer, kind: about.kind, answer: `${about.answer}\n${answer.answer}`, citations: [...about.citations, ...answer.citations] };
}
