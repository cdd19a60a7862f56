/**
 * The configured embedder behind the same `Embeddings` interface, loaded (with LangChain, about 0.03 s)
 * by its first request: the answerer with the default ranking never embeds a question, so `ask` and
 * the bot answer without it. The description the store checks (`info`) is known without loading.
 */
import type { Embeddings } from "@langchain/core/embeddings";
import type { AsyncCaller } from "@langchain/core/utils/async_caller";
import type { Config } from "../core/config.js";
import { StoreError } from "../core/errors.js";
import { embedderInfo, type CreatedEmbeddings } from "./info.js";

export function deferEmbeddings(cfg: Config["embeddings"]): CreatedEmbeddings {
  const info = embedderInfo(cfg);
  let loaded: Promise<Embeddings> | undefined;
  // The same `info` object: a remote embedder records its real output size in it.
  const load = (): Promise<Embeddings> => (loaded ??= import("./create.js").then((m) => m.createEmbeddings(cfg, info).embeddings));
  return { embeddings: new DeferredEmbeddings(load), info };
}

class DeferredEmbeddings implements Embeddings {
  constructor(private readonly load: () => Promise<Embeddings>) {}

  /** LangChain's request queue, used by an embedder for its own requests; nothing outside one reads it. */
  get caller(): AsyncCaller {
    throw new StoreError("embedder_not_loaded", "internal: the request queue of an embedder that has not loaded was read");
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return (await this.load()).embedDocuments(texts);
  }

  async embedQuery(text: string): Promise<number[]> {
    return (await this.load()).embedQuery(text);
  }
}
