/**
 * The running application as the CLI and the bot see it: config, logger, store, organisation registry,
 * embeddings, the answerer and the ingest entry point. Built once by `openApp` (app/open.ts).
 */
import type { Embeddings } from "@langchain/core/embeddings";
import type { Config } from "../core/config.js";
import type { Logger } from "../core/logger.js";
import type { OrgRegistry } from "../core/orgs.js";
import type { IngestOptions, IngestSummary } from "../ingest/types.js";
import type { Answerer } from "../qa/types.js";
import type { Store } from "../store/types.js";

export interface App {
  config: Config;
  logger: Logger;
  store: Store;
  registry: OrgRegistry;
  embeddings: Embeddings;
  answerer: Answerer;
  /** Ingest files and folders (recursive) through the whole pipeline. Never throws for a bad file. */
  ingest(paths: string[], options?: IngestOptions): Promise<IngestSummary>;
  /** Current time; injected so that tests and digests can move the clock. */
  now(): Date;
  close(): Promise<void>;
}
