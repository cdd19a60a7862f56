/**
 * The ingest run: every file through buildDocument, embedded and saved one document per transaction.
 * On a run of many files, worker threads read the files ahead (ingest/build-pool.ts) while this thread
 * embeds and saves them, in the files' order.
 * A bad file is reported and skipped; nothing already stored is touched by it. The run starts by
 * repairing what an interrupted run may have left (rows without vectors, vectors without rows).
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, dirname, extname, join, sep } from "node:path";
import type { Embeddings } from "@langchain/core/embeddings";
import { NhiemvuError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { DocumentDraft } from "../core/types.js";
import type { OrgRegistry } from "../core/orgs.js";
import type { Store } from "../store/types.js";
import { BuildPool, WORKER_STOPPED, defaultBuildThreads, readsInWorker } from "./build-pool.js";
import { buildDocument, embeddingText } from "./document.js";
import type { OcrOptions } from "./ocr/ocr.js";
import type { FileResult, FileStatus, IngestOptions, IngestSummary } from "./types.js";
import { listInputFiles, missingPathError } from "./walk.js";

export interface IngestDeps {
  store: Store;
  registry: OrgRegistry;
  embeddings: Embeddings;
  maxBytes: number;
  logger: Logger;
  /** OCR of scans and images: the cache folder (DATA_DIR/ocr-cache), workers, limits. */
  ocr?: OcrOptions;
  /**
   * Worker threads that read files into drafts while this thread writes the store (ingest/build-pool.ts);
   * each loads the registry from `registryFile`, as `registry` was. "auto": ingest/build-pool.ts
   * `defaultBuildThreads`; absent or 0: files are read on this thread.
   */
  threads?: { count: number | "auto"; registryFile?: string };
}

/**
 * Save the vector index at most this often during a run. Every save rewrites the whole index file (hundreds
 * of MB at 100k chunks); a crash between saves loses no rows, only vectors that the next run re-embeds.
 */
const FLUSH_INTERVAL_MS = 60_000;

/**
 * Files read ahead of the one being saved when worker threads read them: enough to keep the threads busy
 * while a long document is written, few enough that the drafts waiting stay small.
 */
const READ_AHEAD = 32;
/**
 * Fewer files than this are read on this thread: a worker took about 0.5 s from its start to its first
 * draft (loading the readers and the registry), the time this thread reads some 50 text files in.
 */
const POOL_MIN_FILES = 50;

export async function ingestPaths(paths: string[], deps: IngestDeps, options: IngestOptions = {}): Promise<IngestSummary> {
  const started = performance.now();
  const repaired = await repairStore(deps);
  if (repaired.reembedded > 0 || repaired.dropped > 0) {
    deps.logger.warn(repaired, "repaired the vector index after an interrupted run");
  }
  const { files, folders, missing } = await listInputFiles(paths);
  const results: FileResult[] = missing.map((p) => failed(p, missingPathError(p)));
  const threads = deps.threads?.count === "auto" ? defaultBuildThreads() : deps.threads?.count ?? 0;
  const pool = threads > 0 && files.filter(readsInWorker).length >= POOL_MIN_FILES
    ? new BuildPool(threads, { registryFile: deps.threads?.registryFile, maxBytes: deps.maxBytes }, deps.logger)
    : undefined;
  try {
    // The files being prepared, in order; each leaves the queue when its turn comes, so no draft outlives its save.
    const ahead: Array<Promise<Prepared>> = [];
    let prepared = 0;
    let lastFlush = performance.now();
    for (let i = 0; i < files.length; i++) {
      for (; prepared < Math.min(files.length, i + (pool ? READ_AHEAD : 1)); prepared++) ahead.push(prepareFile(files[prepared]!, deps, pool));
      // Lets the files read ahead go on (their file reads, the workers' replies) between two saves.
      if (pool) await new Promise(setImmediate);
      const result = await ingestFile(await ahead.shift()!, deps, options);
      results.push(result);
      if ((result.status === "new" || result.status === "updated") && performance.now() - lastFlush > FLUSH_INTERVAL_MS) {
        await deps.store.flush();
        lastFlush = performance.now();
      }
      options.onFile?.(i + 1, files.length, result.name);
    }
  } finally {
    await pool?.close();
  }
  if (options.prune) results.push(...(await pruneMissing(deps.store, folders, new Set(files))));
  await deps.store.flush();
  return summarise(results, (performance.now() - started) / 1000);
}

/** A file checked against the store: unchanged (its result), or to be saved, its draft perhaps already being read. */
type Prepared =
  | { path: string; result: FileResult }
  | { path: string; result?: undefined; fingerprint: string | undefined; reading?: Promise<DocumentDraft | { error: unknown }> };

async function prepareFile(path: string, deps: IngestDeps, pool: BuildPool | undefined): Promise<Prepared> {
  const name = basename(path);
  try {
    const fingerprint = await fingerprintFile(path, deps.maxBytes);
    const stored = await deps.store.getDocumentByPath(path);
    if (stored && fingerprint && stored.hash === fingerprint) {
      return { path, result: { path, name, status: "unchanged", docId: stored.id, sections: stored.sections, chunks: stored.chunks, assignments: stored.assignments } };
    }
    // Caught here, so that a file failing in a worker before its turn is no unhandled rejection.
    const reading = pool && readsInWorker(path) ? pool.build(path).catch((error: unknown) => ({ error })) : undefined;
    return { path, fingerprint, reading };
  } catch (err) {
    return { path, result: reportFailure(path, deps, err) };
  }
}

async function ingestFile(file: Prepared, deps: IngestDeps, options: IngestOptions): Promise<FileResult> {
  if (file.result) return file.result;
  const { path } = file;
  const name = basename(path);
  try {
    let read = file.reading && (await file.reading);
    if (read && "error" in read) {
      // A stopped worker's files are read here: the run loses none of them.
      if (!(read.error instanceof NhiemvuError && read.error.code === WORKER_STOPPED)) throw read.error;
      read = undefined;
    }
    const draft = read ?? (await buildDocument(path, { ...deps, ocr: ocrOptions(deps, options, name) }));
    if (file.fingerprint) draft.hash = file.fingerprint;
    const vectors = await embedChunks(deps.embeddings, draft.chunks);
    const { id, status } = await deps.store.saveDocument(draft, vectors);
    deps.logger.debug({ doc: name, status, sections: draft.sections.length, chunks: draft.chunks.length }, "ingested");
    return {
      path, name, status, docId: id,
      sections: draft.sections.length, chunks: draft.chunks.length, assignments: draft.assignments.length,
    };
  } catch (err) {
    return reportFailure(path, deps, err);
  }
}

function ocrOptions(deps: IngestDeps, options: IngestOptions, name: string): OcrOptions {
  return {
    ...deps.ocr,
    onPage: options.onPage && ((done, total) => options.onPage!(done, total, name)),
    onWarning: (message) => deps.logger.warn({ doc: name }, message),
  };
}

function reportFailure(path: string, deps: IngestDeps, err: unknown): FileResult {
  deps.logger.warn({ doc: basename(path), err: err instanceof Error ? err.message : String(err) }, "ingest failed");
  return failed(path, err);
}

/**
 * What a kind of file is read with besides its bytes, bumped when reading it starts keeping something new,
 * so that the next ingest reads the files stored before again (1: a PDF's page starts, a spreadsheet's
 * sheets and row numbers).
 */
const READER_VERSIONS: Record<string, number> = { ".pdf": 1, ".xlsx": 1, ".xls": 1, ".csv": 1 };
/**
 * The same for cleaning and reading metadata, which every kind of file goes through (1: the seams,
 * DocumentMeta.seams; 2: the kinds Nghị định, Thông tư, Thông tư liên tịch and Luật, Unicode text with
 * check-box signs no longer read as TCVN3, a capital heading of hard-wrapped text apart from the line after it).
 */
const CLEANER_VERSION = 2;
/**
 * The same for reading assignments out of the text (1: a part on powers alone, "Quyền hạn của ...", and a
 * procedure's internal workflow table assign nothing; 2: nor does a list a lead-in announces as powers, "...
 * có quyền hạn:"; 3: "Thuế tỉnh", "Thanh tra tỉnh" are bodies; 4: names a hyphen joins, "Vụ Tổ chức - Biên
 * chế", and "Phòng ..." are bodies; a body's make-up, a sentence that only announces items and a status sentence
 * opening an owner's item assign nothing; "Một là, ...", "Thứ nhất, ..." open items; "a) Chủ trì, ..." over an
 * owner's items makes it lead them; a day of the year in a periodic duty recurs): a store's records follow the
 * extractor it has.
 */
const EXTRACTION_VERSION = 4;

/**
 * sha256 of the file, plus its sidecar when there is one (a corrected sidecar must re-ingest the file)
 * and its reader's, the cleaner's and the extractor's versions. Undefined for files over the limit: parsing then reports them with a clear error.
 */
async function fingerprintFile(path: string, maxBytes: number): Promise<string | undefined> {
  const info = await stat(path);
  if (info.size > maxBytes) return undefined;
  const hash = createHash("sha256").update(await readFile(path));
  const reader = READER_VERSIONS[extname(path).toLowerCase()];
  if (reader) hash.update(`\0reader\0${reader}`);
  hash.update(`\0cleaner\0${CLEANER_VERSION}\0extraction\0${EXTRACTION_VERSION}`);
  for (const side of sidecarCandidates(path)) {
    const bytes = await readFile(side).catch(() => undefined);
    if (bytes) hash.update("\0sidecar\0").update(bytes);
  }
  return hash.digest("hex");
}

function sidecarCandidates(path: string): string[] {
  const stem = join(dirname(path), basename(path, extname(path)));
  return [`${path}.meta.json`, `${stem}.meta.json`];
}

/** Embeds chunks the way the index holds them (context, then text): ingest, repair and import all use this. */
export async function embedChunks(embeddings: Embeddings, chunks: Array<{ context: string; text: string }>): Promise<Float32Array[]> {
  if (chunks.length === 0) return [];
  const vectors = await embeddings.embedDocuments(chunks.map(embeddingText));
  return vectors.map((v) => Float32Array.from(v));
}

/** Re-embeds chunks whose vectors were lost and drops vectors whose rows are gone. */
export async function repairStore(deps: Pick<IngestDeps, "store" | "embeddings">): Promise<{ reembedded: number; dropped: number }> {
  const dropped = await deps.store.dropOrphanVectors();
  const missing = await deps.store.chunksMissingVectors();
  if (missing.length > 0) {
    const vectors = await embedChunks(deps.embeddings, missing);
    await deps.store.addVectors(missing.map((c) => c.id), vectors);
  }
  if (dropped > 0 || missing.length > 0) await deps.store.flush();
  return { reembedded: missing.length, dropped };
}

async function pruneMissing(store: Store, folders: string[], seen: Set<string>): Promise<FileResult[]> {
  if (folders.length === 0) return [];
  const out: FileResult[] = [];
  for (const doc of await store.listDocuments()) {
    const inFolder = folders.some((f) => doc.path.startsWith(f.endsWith(sep) ? f : f + sep));
    if (inFolder && !seen.has(doc.path)) {
      await store.removeDocument(doc.id);
      out.push({ path: doc.path, name: doc.name, status: "removed", docId: doc.id });
    }
  }
  return out;
}

function failed(path: string, err: unknown): FileResult {
  const code = err instanceof NhiemvuError ? err.code : "internal_error";
  const message = err instanceof Error ? err.message : String(err);
  return { path, name: basename(path), status: "failed", error: { code, message } };
}

function summarise(files: FileResult[], seconds: number): IngestSummary {
  const counts: Record<FileStatus, number> = { new: 0, updated: 0, unchanged: 0, failed: 0, removed: 0 };
  let sections = 0, chunks = 0, assignments = 0;
  for (const f of files) {
    counts[f.status]++;
    if (f.status === "removed") continue;
    sections += f.sections ?? 0;
    chunks += f.chunks ?? 0;
    assignments += f.assignments ?? 0;
  }
  return { files, counts, sections, chunks, assignments, seconds: Math.round(seconds * 100) / 100 };
}
