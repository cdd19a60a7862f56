/**
 * What the store records about the configured embedder (its name and output size), known from the
 * configuration alone: neither the embedder nor LangChain is loaded to say it.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../core/config.js";
import type { EmbedderInfo } from "../store/types.js";

/** Output sizes of well-known models, so the store can be checked before the first request. */
const KNOWN_DIMENSIONS: Record<string, number> = {
  "text-embedding-3-small": 1536,
  "text-embedding-3-large": 3072,
  "text-embedding-ada-002": 1536,
  "nomic-embed-text": 768,
  "mxbai-embed-large": 1024,
  "bge-m3": 1024,
};

export interface CreatedEmbeddings {
  embeddings: Embeddings;
  /**
   * `{ name: "local-hash-v1", dimensions }` or `{ name: "openai:<model>", dimensions }`. For a model not in
   * the table, dimensions is 0 until the first response (this object is updated in place) or until
   * `resolveEmbedderInfo` probes once.
   */
  info: EmbedderInfo;
}

/** The configured embedder's description; dimensions 0 for a remote model of unknown size. */
export function embedderInfo(cfg: Config["embeddings"]): EmbedderInfo {
  return cfg.kind === "local"
    ? { name: "local-hash-v1", dimensions: cfg.dimensions }
    : { name: `openai:${cfg.model}`, dimensions: KNOWN_DIMENSIONS[cfg.model] ?? 0 };
}

/** The embedder's info with its dimensions known, asking the endpoint once if needed. */
export async function resolveEmbedderInfo(created: CreatedEmbeddings): Promise<EmbedderInfo> {
  if (created.info.dimensions <= 0) await created.embeddings.embedQuery("nhiệm vụ");
  return created.info;
}
