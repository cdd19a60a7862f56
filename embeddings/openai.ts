import type { Embeddings } from "@langchain/core/embeddings";
import { OpenAIEmbeddings } from "@langchain/openai";

/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (OpenAI, Ollama, vLLM, LM Studio),
 * chosen by base URL (a bare host gets "/v1"). Texts go in batches of `batchSize`; a failed request (5xx, 429, network) is retried
 * up to `maxRetries` times with backoff by LangChain's AsyncCaller. Floats are requested explicitly:
 * the OpenAI SDK otherwise asks for base64, which several local servers do not implement.
 */
export function createOpenAIEmbeddings(opts: {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  batchSize: number;
  maxRetries?: number;
  timeoutMs?: number;
}): Embeddings {
  return new OpenAIEmbeddings({
    model: opts.model,
    batchSize: opts.batchSize,
    maxRetries: opts.maxRetries ?? 4,
    maxConcurrency: 2,
    encodingFormat: "float",
    timeout: opts.timeoutMs ?? 60_000,
    // Local servers need no key, but the SDK refuses to start without one.
    apiKey: opts.apiKey || "not-needed",
    configuration: opts.baseUrl ? { baseURL: apiBase(opts.baseUrl) } : {},
  });
}

/** "http://localhost:11434" -> "http://localhost:11434/v1"; a URL with a path is kept as given. */
export function apiBase(url: string): string {
  const u = new URL(url);
  if (u.pathname === "" || u.pathname === "/") u.pathname = "/v1";
  return u.toString().replace(/\/$/, "");
}
