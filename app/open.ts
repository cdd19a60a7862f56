/**
 * Builds the running application from a Config: the one place where store, registry, embeddings and
 * answerer are wired together. The CLI and the bot both start here.
 */
import { join } from "node:path";
import type { Config } from "../core/config.js";
import { StoreError } from "../core/errors.js";
import { createLogger, type Logger } from "../core/logger.js";
import { loadOrgRegistry } from "../core/orgs.js";
import { deferEmbeddings } from "../embeddings/deferred.js";
import { resolveEmbedderInfo } from "../embeddings/info.js";
import { createAnswerer } from "../qa/answerer.js";
import { openStore } from "../store/open.js";
import type { App } from "./types.js";

export interface OpenAppOptions {
  now?: () => Date;
  logger?: Logger;
  /** Skip the embedder check (only `reindex`, which is how a mismatch is fixed). */
  allowEmbedderMismatch?: boolean;
}

export async function openApp(config: Config, options: OpenAppOptions = {}): Promise<App> {
  const logger = options.logger ?? createLogger(config.logLevel, config.logFormat);
  const now = options.now ?? (() => new Date());
  const registry = loadOrgRegistry({ extraFile: config.store.orgRegistryFile });
  // Loaded by the first embedding (ingest, a vector-ranked search), not by every command.
  const created = deferEmbeddings(config.embeddings);
  const { embeddings } = created;
  const store = await openStore(config.store, { logger, now });
  try {
    const stored = await store.embedderInfo();
    // A remote model of unknown size is asked once (one embedding) only when the store has no record of it.
    const info = stored && stored.name === created.info.name && created.info.dimensions <= 0 ? stored : await resolveEmbedderInfo(created);
    if (!stored) await store.setEmbedderInfo(info);
    else if ((stored.name !== info.name || stored.dimensions !== info.dimensions) && !options.allowEmbedderMismatch) {
      throw new StoreError(
        "embedder_mismatch",
        `${config.store.databaseUrl ? "The store" : `The store in ${config.store.dataDir}`} was embedded with ${stored.name} (${stored.dimensions} dimensions) ` +
          `but the configuration asks for ${info.name} (${info.dimensions}). ` +
          "Run `npm run nhiemvu -- reindex` to re-embed every chunk with the configured embedder, or restore the old settings.",
      );
    }
  } catch (err) {
    await store.close();
    throw err;
  }
  const answerer = createAnswerer({ store, registry, embeddings, config, logger, now });
  const ingestDeps = {
    store, registry, embeddings, maxBytes: config.store.maxFileBytes, logger,
    ocr: { cacheDir: join(config.store.dataDir, "ocr-cache") },
    threads: { count: config.store.ingestThreads, registryFile: config.store.orgRegistryFile },
  };
  return {
    config, logger, store, registry, embeddings, answerer, now,
    // The parsers (PDF, DOCX, HTML) are loaded by the first ingest, not by every command.
    ingest: async (paths, opts) => (await import("../ingest/pipeline.js")).ingestPaths(paths, ingestDeps, opts),
    close: () => store.close(),
  };
}
