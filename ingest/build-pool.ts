/**
 * Worker threads that read files into drafts while the main thread writes the store. Profiled on 1,500
 * files of the scale corpus, writing (full-text and vector index) took 61 % of an ingest on one thread and
 * reading, cleaning, splitting and extracting 17 %: on a second core the two overlap.
 *
 * Files that may need OCR (PDFs and images) are read on the main thread: OCR runs its own worker pool,
 * reports pages as it goes and keeps a cache. Everything else goes to the pool.
 */
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { NhiemvuError } from "../core/errors.js";
import type { Logger } from "../core/logger.js";
import type { DocumentDraft } from "../core/types.js";
import { formatOf } from "./parse/read.js";

export interface BuildWorkerData {
  /** The organisation registry's extra file (core/orgs.ts `loadOrgRegistry`), as the app loads it. */
  registryFile?: string;
  maxBytes: number;
}
export interface BuildRequest {
  id: number;
  path: string;
}
export type BuildReply = { id: number; draft: DocumentDraft; error?: undefined } | { id: number; draft?: undefined; error: { code: string; message: string } };

/** The code of a file the pool gave back unread. */
export const WORKER_STOPPED = "worker_stopped";

/** Whether a worker reads this file: any but a PDF or an image (read as a PDF: ingest/parse/read.ts), which OCR may read. */
export function readsInWorker(path: string): boolean {
  return formatOf(path) !== "pdf";
}

/** Threads for an ingest on this machine: one per core beyond the main thread's, at most 3 (a bound on memory). */
export function defaultBuildThreads(): number {
  return Math.min(3, availableParallelism() - 1);
}

/**
 * How to start the worker: its bundled script in dist/ingest/ when this file is bundled into dist/chunks/
 * (or beside it, unbundled); from source (tests, the bench), a few lines that register tsx's loader in the
 * worker and import build-worker.ts (a worker does not take tsx from the parent's `--import`).
 */
function workerStart(): { script: string; eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith(".ts")) {
    const tsx = import.meta.resolve("tsx/esm/api");
    const worker = new URL("./build-worker.ts", here).href;
    return { script: `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`, eval: true };
  }
  const beside = fileURLToPath(new URL("./build-worker.js", here));
  return { script: existsSync(beside) ? beside : fileURLToPath(new URL("../ingest/build-worker.js", here)), eval: false };
}

export class BuildPool {
  private readonly workers: Array<{ worker: Worker; waiting: Map<number, (r: BuildReply) => void> }> = [];
  private next = 0;
  private failure: Error | undefined;
  private closing = false;

  constructor(threads: number, data: BuildWorkerData, private readonly logger: Logger) {
    const start = workerStart();
    logger.debug({ threads }, "reading files in worker threads");
    for (let i = 0; i < threads; i++) {
      const worker = new Worker(start.script, { workerData: data, eval: start.eval });
      const waiting = new Map<number, (r: BuildReply) => void>();
      worker.on("message", (reply: BuildReply) => {
        waiting.get(reply.id)?.(reply);
        waiting.delete(reply.id);
      });
      worker.on("error", (err) => this.fail(err));
      worker.on("exit", (code) => code !== 0 && !this.closing && this.fail(new Error(`a reader thread exited with code ${code}`)));
      this.workers.push({ worker, waiting });
    }
  }

  /**
   * The draft of one file, or the error reading it threw (as an NhiemvuError with its code); a file whose
   * worker stopped, or that came after, fails with WORKER_STOPPED (the caller reads it itself). The request
   * goes at once to the worker with the fewest waiting, which reads its requests in order: a worker never
   * waits for this thread to hand it the next file.
   */
  async build(path: string): Promise<DocumentDraft> {
    const reply = await new Promise<BuildReply>((settle) => {
      const id = this.next++;
      if (this.failure) return settle({ id, error: { code: WORKER_STOPPED, message: this.failure.message } });
      const least = this.workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
      least.waiting.set(id, settle);
      least.worker.postMessage({ id, path } satisfies BuildRequest);
    });
    if (reply.error) throw new NhiemvuError(reply.error.code, reply.error.message);
    return reply.draft;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }

  /** A worker that stops (it could not start, or died) stops the pool: what any worker held comes back unread. */
  private fail(err: Error): void {
    if (!this.failure) this.logger.warn({ err: err.message }, "a reader thread stopped; the rest of the files are read on the main thread");
    this.failure ??= err;
    for (const { waiting } of this.workers) {
      for (const [id, settle] of waiting) settle({ id, error: { code: WORKER_STOPPED, message: err.message } });
      waiting.clear();
    }
  }
}
