/**
 * `nhiemvu export FILE`, `nhiemvu import FILE` and `nhiemvu migrate [--from-sqlite DIR | --from URL]`:
 * moving a deployment between stores (SQLite files, PostgreSQL) without re-ingesting. The dump format
 * is described in store/dump-file.ts; the copy itself in store/portable.ts.
 */
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import type { App } from "../../app/types.js";
import { NhiemvuError, StoreError } from "../../core/errors.js";
import type { CopyCounts, DumpRecord, ImportCounts } from "../../store/portable.js";
import type { Store } from "../../store/types.js";
import { action, type CliContext } from "../context.js";

const FORMAT_HELP = `
A dump is a gzip'd JSON Lines file: a header line {"format":"nhiemvu-dump","version":1,"embedder":{name,dimensions},
"createdAt"}, one line per document {"draft","ingestedAt","vectors":[base64 float32 per chunk] or []}, and a closing
line {"botState":{access,subscriptions,deliveries,feedback},"documents":N}.`;

const IMPORT_HELP = `
Import reads the whole file first and refuses, changing nothing, a file that is not a dump, a newer version, or one
that is cut short or damaged (the error names the line). It then saves each document as ingest does (same path and
hash: skipped; another hash: replaced), re-embedding the chunks when the dump's embedder differs from the configured
one or a document has no vectors, then adds the bot's rows keeping their ids (rows already there are kept as they are:
a digest slot delivered before the move is not delivered again), then saves the vector index.`;

export function registerPortable(program: Command, ctx: CliContext): void {
  program
    .command("export")
    .description("write the configured store (DATA_DIR or DATABASE_URL) to a dump file")
    .argument("<file>", "the dump to write (replaced atomically), e.g. nhiemvu.jsonl.gz")
    .option("--json", "print the counts as JSON")
    .addHelpText("after", FORMAT_HELP)
    .action(action(async (file: string, opts: { json?: boolean }) => {
      const started = performance.now();
      checkWritable(resolve(file));
      const [{ writeDumpFile }, { countRecord, emptyCounts, readStore }] = await Promise.all([import("../../store/dump-file.js"), import("../../store/portable.js")]);
      const counts = await ctx.withApp(async (app) => {
        const counts = emptyCounts();
        await writeDumpFile(counting(readStore(app.store, app.now), counts, countRecord), resolve(file)).catch((err: NodeJS.ErrnoException) => {
          // A file-system error names the temporary file; say what it means for the file asked for.
          throw err.code ? new StoreError("export_failed", `Cannot write ${resolve(file)}: ${err.code} (${err.message.replace(/^\w+: /, "").replace(/,.*$/, "")})`, { cause: err }) : err;
        });
        return counts;
      }, { allowEmbedderMismatch: true });
      report(ctx, { file: resolve(file), ...counts, seconds: seconds(started) }, opts.json, `exported to ${resolve(file)}`);
    }));

  program
    .command("import")
    .description("load a dump file into the configured store (DATA_DIR or DATABASE_URL)")
    .argument("<file>", "a dump written by `nhiemvu export`")
    .option("--json", "print the counts as JSON")
    .addHelpText("after", `${IMPORT_HELP}\n${FORMAT_HELP}`)
    .action(action(async (file: string, opts: { json?: boolean }) => {
      const started = performance.now();
      const path = resolve(file);
      const { readDumpFile, verifyDumpFile } = await import("../../store/dump-file.js");
      await verifyDumpFile(path);
      const counts = await copyInto(ctx, readDumpFile(path));
      report(ctx, { file: path, ...counts, seconds: seconds(started) }, opts.json, `imported ${path}`);
    }));

  program
    .command("migrate")
    .description("bring the configured store's schema up to date; with --from-sqlite/--from, copy another store into it")
    .option("--from-sqlite <dir>", "copy the SQLite store in this DATA_DIR into the configured store")
    .option("--from <url>", "copy the PostgreSQL store at this postgres:// URL into the configured store")
    .option("--json", "print JSON")
    .addHelpText("after", `
Without --from-sqlite/--from: opens the configured store, which applies any pending schema migration, and prints
its schema version and counts. With them: the same as \`export\` from that store then \`import\` into the configured
one, without the file. Moving a SQLite deployment to PostgreSQL:
  DATABASE_URL=postgres://user@host/db npm run nhiemvu -- migrate --from-sqlite ./data
${IMPORT_HELP}`)
    .action(action(async (opts: { fromSqlite?: string; from?: string; json?: boolean }) => {
      const started = performance.now();
      if (!opts.fromSqlite && !opts.from) {
        const state = await ctx.withApp(async (app) => ({ schema: await schemaState(app), ...(await app.store.stats()) }));
        if (opts.json) return ctx.out(JSON.stringify(state));
        return ctx.out(`${state.schema.store}: schema version ${state.schema.version} (up to date)\n` +
          Object.entries(state).filter(([k]) => k !== "schema").map(([k, v]) => `${k}: ${v}`).join("\n"));
      }
      const source = await openSource(ctx, opts);
      const { readStore } = await import("../../store/portable.js");
      try {
        const counts = await copyInto(ctx, readStore(source.store));
        report(ctx, { from: source.label, ...counts, seconds: seconds(started) }, opts.json, `copied ${source.label}`);
      } finally {
        await source.store.close();
      }
    }));
}

/** Imports records into the configured store, opened with a clock that keeps each document's ingestion time. */
async function copyInto(ctx: CliContext, records: AsyncIterable<DumpRecord>): Promise<ImportCounts> {
  const [{ embedChunks }, { ImportClock, importRecords }] = await Promise.all([import("../../ingest/pipeline.js"), import("../../store/portable.js")]);
  const clock = new ImportClock();
  return ctx.withApp(async (app) => {
    const embedder = await app.store.embedderInfo();
    if (!embedder) throw new StoreError("no_embedder", "The configured store has no embedder recorded.");
    const tty = process.stderr.isTTY;
    const counts = await importRecords(app.store, records, {
      embedder,
      embed: (chunks) => embedChunks(app.embeddings, chunks),
      clock,
      onDocument: tty ? (done, name) => process.stderr.write(`\r${done} ${name.slice(0, 60).padEnd(60)}`) : undefined,
    });
    if (tty) process.stderr.write("\n");
    return counts;
  }, { now: clock.now });
}

async function openSource(ctx: CliContext, opts: { fromSqlite?: string; from?: string }): Promise<{ store: Store; label: string }> {
  if (opts.fromSqlite && opts.from) throw new NhiemvuError("bad_option", "Give --from-sqlite or --from, not both.");
  if (opts.from) {
    if (!/^postgres(ql)?:\/\//.test(opts.from)) throw new NhiemvuError("bad_option", "--from takes a postgres:// URL; for a folder use --from-sqlite.");
    if (opts.from === ctx.config.store.databaseUrl) {
      throw new StoreError("same_store", "--from names the configured store itself; set DATABASE_URL or DATA_DIR to the target.");
    }
    const { openPgStore } = await import("../../store/pg/open.js");
    return { store: await openPgStore({ url: opts.from }), label: redact(opts.from) };
  }
  const { SQLITE_FILE, openSqliteStore } = await import("../base.js");
  const dir = resolve(opts.fromSqlite!);
  if (!existsSync(join(dir, SQLITE_FILE))) {
    throw new StoreError("no_source", `There is no nhiemvu store in ${dir} (no ${SQLITE_FILE}).`);
  }
  if (!ctx.config.store.databaseUrl && resolve(ctx.config.store.dataDir) === dir) {
    throw new StoreError("same_store", `${dir} is the configured store itself; set DATABASE_URL or DATA_DIR to the target.`);
  }
  return { store: await openSqliteStore({ dataDir: dir }), label: dir };
}

async function schemaState(app: App): Promise<{ store: string; version: number }> {
  const url = app.config.store.databaseUrl;
  if (url) return { store: `PostgreSQL ${redact(url)}`, version: (await import("../../store/pg/schema.js")).SCHEMA_VERSION };
  return { store: `SQLite ${app.config.store.dataDir}`, version: (await import("../../store/sqlite/schema.js")).SCHEMA_VERSION };
}

/** The dump's folder exists and can be written, and the path is not a folder; else StoreError "export_failed". */
function checkWritable(path: string): void {
  const dir = dirname(path);
  if (!existsSync(dir)) throw new StoreError("export_failed", `Cannot write ${path}: the folder ${dir} does not exist`);
  if (!statSync(dir).isDirectory()) throw new StoreError("export_failed", `Cannot write ${path}: ${dir} is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new StoreError("export_failed", `Cannot write ${path}: the folder ${dir} is not writable`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw new StoreError("export_failed", `Cannot write ${path}: it is a folder; give a file name`);
}

async function* counting(records: AsyncIterable<DumpRecord>, counts: CopyCounts, countRecord: (c: CopyCounts, r: DumpRecord) => void): AsyncGenerator<DumpRecord> {
  for await (const r of records) {
    countRecord(counts, r);
    yield r;
  }
}

function report(ctx: CliContext, result: Partial<ImportCounts> & CopyCounts & Record<string, unknown>, json: boolean | undefined, title: string): void {
  if (json) return ctx.out(JSON.stringify(result));
  const r = result;
  const lines = [
    title,
    `documents ${r.documents}, chunks ${r.chunks}, vectors ${r.vectors}, subscriptions ${r.subscriptions}, ` +
      `access entries ${r.access}, deliveries ${r.deliveries}, feedback ${r.feedback} | ${r.seconds}s`,
  ];
  if (r.new !== undefined) lines.push(`new ${r.new}, updated ${r.updated}, unchanged ${r.unchanged}, chunks re-embedded ${r.reembedded}`);
  ctx.out(lines.join("\n"));
}

function seconds(started: number): number {
  return Math.round((performance.now() - started) / 10) / 100;
}

/** A URL without its password, for printing. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}
