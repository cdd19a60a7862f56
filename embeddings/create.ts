/** Builds the configured embedder and describes it (the store records the description). */
import { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../core/config.js";
import type { EmbedderInfo } from "../store/types.js";
import { LocalHashEmbeddings } from "./local.js";

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

export function createEmbeddings(cfg: Config["embeddings"]): CreatedEmbeddings {
  if (cfg.kind === "local") {
    return { embeddings: new LocalHashEmbeddings({ dimensions: cfg.dimensions }), info: { name: "local-hash-v1", dimensions: cfg.dimensions } };
  }
  const info: EmbedderInfo = { name: `openai:${cfg.model}`, dimensions: KNOWN_DIMENSIONS[cfg.model] ?? 0 };
  // The OpenAI client is loaded by the first request, only when it is configured.
  const inner = import("./openai.js").then((m) =>
    m.createOpenAIEmbeddings({ baseUrl: cfg.baseUrl, apiKey: cfg.apiKey, model: cfg.model, batchSize: cfg.batchSize }));
  inner.catch(() => undefined); // a failure is reported by the request that awaits it
  return { embeddings: new RecordingEmbeddings(inner, info), info };
}

/** The embedder's info with its dimensions known, asking the endpoint once if needed. */
export async function resolveEmbedderInfo(created: CreatedEmbeddings): Promise<EmbedderInfo> {
  if (created.info.dimensions <= 0) await created.embeddings.embedQuery("nhiệm vụ");
  return created.info;
}

/** Delegates, and records the real output size in `info` (it wins over the table). */
class RecordingEmbeddings extends Embeddings {
  constructor(private readonly inner: Promise<Embeddings>, private readonly info: EmbedderInfo) {
    super({});
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    const out = await (await this.inner).embedDocuments(texts);
    if (out[0]) this.info.dimensions = out[0].length;
    return out;
  }

  async embedQuery(text: string): Promise<number[]> {
    const out = await (await this.inner).embedQuery(text);
    this.info.dimensions = out.length;
    return out;
  }
}
