/** Builds the configured embedder and describes it (the store records the description). */
import { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../core/config.js";
import type { EmbedderInfo } from "../store/types.js";
import { embedderInfo, type CreatedEmbeddings } from "./info.js";
import { LocalHashEmbeddings } from "./local.js";

export { resolveEmbedderInfo, type CreatedEmbeddings } from "./info.js";

/** The embedder; `info` (default: embedderInfo(cfg)) is the object a remote embedder updates in place. */
export function createEmbeddings(cfg: Config["embeddings"], info: EmbedderInfo = embedderInfo(cfg)): CreatedEmbeddings {
  if (cfg.kind === "local") return { embeddings: new LocalHashEmbeddings({ dimensions: cfg.dimensions }), info };
  // The OpenAI client is loaded by the first request, only when it is configured.
  const inner = import("./openai.js").then((m) =>
    m.createOpenAIEmbeddings({ baseUrl: cfg.baseUrl, apiKey: cfg.apiKey, model: cfg.model, batchSize: cfg.batchSize }));
  inner.catch(() => undefined); // a failure is reported by the request that awaits it
  return { embeddings: new RecordingEmbeddings(inner, info), info };
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
