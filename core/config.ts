/**
 * Configuration: read once from the environment, validated with zod, and passed in. Nothing else in
 * the project reads process.env.
 *
 * The schema uses zod's "zod/v3" API (shipped in the zod 4 package and kept there for good): every
 * command reads the configuration before its first output, and "zod" (or "zod/mini", which loads the
 * same core) is about 95 modules with every error locale, about 0.13 s of each start; "zod/v3" is 11
 * modules, about 0.02 s. Schemas read after start-up (store/dump-file.ts) use "zod".
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod/v3";
import { ConfigError } from "./errors.js";

// A default is an input here (zod/v3 runs the transform on it): "false" reads as false, "" as no ids.
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");
const ids = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(/[\s,;]+/).filter(Boolean);
    const out = parts.map(Number);
    if (out.some((n) => !Number.isSafeInteger(n))) {
      ctx.addIssue({ code: "custom", message: "must be a comma-separated list of numeric Telegram ids" });
      return z.NEVER;
    }
    return out;
  });
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:MM");
// Surrounding spaces are not part of a URL (zod 4's check trimmed them too).
const url = () => z.string().trim().url();

const VECTOR_WEIGHT_RULE = "must be a number of 0 or more (the weight of the vector list in ranking; the word list weighs 1)";

const EnvSchema = z.object({
  DATA_DIR: z.string().default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
  LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
  MAX_FILE_MB: z.coerce.number().positive().default(20),
  ORG_REGISTRY_FILE: z.string().optional(),
  // Worker threads reading files during an ingest: "auto" is one per core beyond the first, at most 3.
  INGEST_THREADS: z
    .string()
    .default("auto")
    .transform((v, ctx) => {
      if (v === "auto" || v === "") return "auto" as const;
      const n = Number(v);
      if (Number.isInteger(n) && n >= 0 && n <= 16) return n;
      ctx.addIssue({ code: "custom", message: "must be auto or a whole number from 0 to 16" });
      return z.NEVER;
    }),

  EMBEDDER: z.enum(["local", "openai"]).default("local"),
  LOCAL_EMBEDDING_DIM: z.coerce.number().int().min(64).max(4096).default(512),
  EMBEDDING_BASE_URL: url().optional(),
  EMBEDDING_API_KEY: z.string().optional(),
  EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
  EMBEDDING_BATCH: z.coerce.number().int().positive().default(64),
  // The lexical list weighs 1; a weight above 1 lets a model with meaning outrank the words.
  VECTOR_WEIGHT: z.coerce
    .number({ invalid_type_error: VECTOR_WEIGHT_RULE })
    .finite(VECTOR_WEIGHT_RULE)
    .min(0, VECTOR_WEIGHT_RULE)
    .default(0),

  LLM_ENABLED: bool.default("false"),
  LLM_BASE_URL: url().optional(),
  LLM_API_KEY: z.string().optional(),
  LLM_MODEL: z.string().default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(15000),

  BOT_TOKEN: z.string().optional(),
  BOT_API_ROOT: url().optional(),
  BOT_ADMINS: ids.default(""),
  BOT_OPEN_ACCESS: bool.default("false"),
  BOT_MODE: z.enum(["polling", "webhook"]).default("polling"),
  WEBHOOK_URL: url().optional(),
  WEBHOOK_PORT: z.coerce.number().int().positive().default(8080),
  WEBHOOK_SECRET: z.string().optional(),
  BOT_MAX_UPLOAD_MB: z.coerce.number().positive().default(20),
  BOT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),

  DIGEST_TIME: hhmm.default("07:30"),
  DIGEST_LOOKAHEAD_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  DIGEST_LOOKBACK_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
});

export type Env = z.input<typeof EnvSchema>;

export interface Config {
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  /** "auto" (default): readable lines when stderr is a terminal, JSON lines otherwise (services). */
  logFormat: z.infer<typeof EnvSchema>["LOG_FORMAT"];
  /** `databaseUrl` selects PostgreSQL; without it the store is SQLite + hnswlib files in `dataDir`. */
  /** `ingestThreads`: worker threads reading files during an ingest (ingest/build-pool.ts); 0 reads on the main thread. */
  store: { dataDir: string; databaseUrl?: string; maxFileBytes: number; orgRegistryFile?: string; ingestThreads: number | "auto" };
  embeddings:
    | { kind: "local"; dimensions: number }
    | { kind: "openai"; baseUrl?: string; apiKey?: string; model: string; batchSize: number };
  /**
   * `vectorWeight`: the vector list's weight in ranking's fusion (the lexical list weighs 1); 0 fuses no
   * vectors, embeds no question and never loads the vector index (qa/policy.ts says why 0 is the default).
   */
  ranking: { vectorWeight: number };
  llm: { enabled: boolean; baseUrl?: string; apiKey?: string; model: string; timeoutMs: number };
  bot: {
    token?: string;
    apiRoot?: string;
    admins: number[];
    openAccess: boolean;
    mode: "polling" | "webhook";
    webhookUrl?: string;
    webhookPort: number;
    webhookSecret?: string;
    maxUploadBytes: number;
    rateLimitPerMinute: number;
  };
  digest: { time: string; lookaheadDays: number; lookbackDays: number; timeZone: "Asia/Ho_Chi_Minh" };
}

/**
 * The project folder (the one holding package.json), found from this file whether it runs as TypeScript
 * (core/config.ts) or compiled (dist/core/config.js), and the sample corpus in it.
 */
export const PROJECT_DIR = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
export const SAMPLE_CORPUS_DIR = join(PROJECT_DIR, "sample-corpus") + "/";

/** Parses the environment (process.env at the entry point, a literal in tests) into a Config. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError("config_invalid", `Invalid configuration:\n${describeIssues(parsed.error.issues)}`);
  }
  const e = parsed.data;
  if (e.EMBEDDER === "openai" && !e.EMBEDDING_BASE_URL && !e.EMBEDDING_API_KEY) {
    throw new ConfigError("config_invalid", "EMBEDDER=openai needs EMBEDDING_BASE_URL or EMBEDDING_API_KEY");
  }
  if (e.LLM_ENABLED && !e.LLM_BASE_URL && !e.LLM_API_KEY) {
    throw new ConfigError("config_invalid", "LLM_ENABLED=true needs LLM_BASE_URL or LLM_API_KEY");
  }
  return {
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    store: { dataDir: resolve(e.DATA_DIR), databaseUrl: e.DATABASE_URL, maxFileBytes: e.MAX_FILE_MB * 1024 * 1024, orgRegistryFile: e.ORG_REGISTRY_FILE,
      ingestThreads: e.INGEST_THREADS },
    embeddings:
      e.EMBEDDER === "local"
        ? { kind: "local", dimensions: e.LOCAL_EMBEDDING_DIM }
        : { kind: "openai", baseUrl: e.EMBEDDING_BASE_URL, apiKey: e.EMBEDDING_API_KEY, model: e.EMBEDDING_MODEL, batchSize: e.EMBEDDING_BATCH },
    ranking: { vectorWeight: e.VECTOR_WEIGHT },
    llm: { enabled: e.LLM_ENABLED, baseUrl: e.LLM_BASE_URL, apiKey: e.LLM_API_KEY, model: e.LLM_MODEL, timeoutMs: e.LLM_TIMEOUT_MS },
    bot: {
      token: e.BOT_TOKEN || undefined,
      apiRoot: e.BOT_API_ROOT,
      admins: e.BOT_ADMINS,
      openAccess: e.BOT_OPEN_ACCESS,
      mode: e.BOT_MODE,
      webhookUrl: e.WEBHOOK_URL,
      webhookPort: e.WEBHOOK_PORT,
      webhookSecret: e.WEBHOOK_SECRET,
      maxUploadBytes: e.BOT_MAX_UPLOAD_MB * 1024 * 1024,
      rateLimitPerMinute: e.BOT_RATE_LIMIT_PER_MINUTE,
    },
    digest: { time: e.DIGEST_TIME, lookaheadDays: e.DIGEST_LOOKAHEAD_DAYS, lookbackDays: e.DIGEST_LOOKBACK_DAYS, timeZone: "Asia/Ho_Chi_Minh" },
  };
}

/** One "✖ message" line per problem, each followed by "  → at VARIABLE" (as zod 4's prettifyError writes them). */
function describeIssues(issues: z.ZodIssue[]): string {
  return issues.map((i) => `✖ ${i.message}${i.path.length > 0 ? `\n  → at ${i.path.join(".")}` : ""}`).join("\n");
}
