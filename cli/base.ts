/**
 * What every command needs first, loaded with one import when a command runs (not for `--help` or argument
 * errors): the configuration and the store alone (`stats`, `docs`). The rest of what commands run on
 * (search, answering, presentation) is ./world.ts, one import more.
 */
export { loadConfig, SAMPLE_CORPUS_DIR } from "../core/config.js";
export { openStore, openSqliteStore, SQLITE_FILE } from "../store/open.js";
export { createLogger } from "../core/logger.js";
