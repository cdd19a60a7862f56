/**
 * Moving a store's content to another store without re-ingesting: `nhiemvu export`, `import` and
 * `migrate --from-...`. Store-agnostic: it reads and writes only through `Store`.
 *
 * A copy is a stream of records (a header, one record per document, the bot's rows last), read either
 * from a live store (`readStore`) or from a dump file (`readDumpFile`, store/dump-file.ts) and written
 * either to a dump file or into a store (`importRecords`). Nothing holds more than one document at a time.
 */
import type { ChunkDraft, DocumentDraft } from "../core/types.js";
import { NhiemvuError, StoreError, plainMessage } from "../core/errors.js";
import type { BotState, EmbedderInfo, Store } from "./types.js";

export const DUMP_FORMAT = "nhiemvu-dump";
export const DUMP_VERSION = 1;

export interface DumpHeader {
  format: typeof DUMP_FORMAT;
  version: number;
  /** The embedder the vectors were made with; null for a store that never recorded one. */
  embedder: EmbedderInfo | null;
  createdAt: string;
}

export interface DumpDocument {
  draft: DocumentDraft;
  ingestedAt: string;
  /** In chunk order; empty when the source lacked some vector (the importer re-embeds). */
  vectors: Float32Array[];
}

/** Where a record came from, for error messages: a dump's line number, or a source document. */
export type DumpRecord =
  | { kind: "header"; header: DumpHeader }
  | { kind: "document"; doc: DumpDocument; line?: number }
  | { kind: "bot"; state: BotState; documents: number; line?: number };

/** What a copy moved. `access` etc. count the rows offered; rows already in the target are left as they were. */
export interface CopyCounts {
  documents: number;
  chunks: number;
  vectors: number;
  subscriptions: number;
  access: number;
  deliveries: number;
  feedback: number;
}

export interface ImportCounts extends CopyCounts {
  new: number;
  updated: number;
  /** Same path and hash already stored: skipped, as ingest skips an unchanged file. */
  unchanged: number;
  /** Chunks embedded with the target's embedder (the dump's embedder differed or its vectors were missing). */
  reembedded: number;
}

export function emptyCounts(): CopyCounts {
  return { documents: 0, chunks: 0, vectors: 0, subscriptions: 0, access: 0, deliveries: 0, feedback: 0 };
}

/** Reads a live store as copy records: header, documents in id order, bot rows. */
export async function* readStore(store: Store, now: () => Date = () => new Date()): AsyncGenerator<DumpRecord> {
  const embedder = (await store.embedderInfo()) ?? null;
  yield { kind: "header", header: { format: DUMP_FORMAT, version: DUMP_VERSION, embedder, createdAt: now().toISOString() } };
  const ids = (await store.listDocuments()).map((d) => d.id).sort((a, b) => a - b);
  let documents = 0;
  for (const id of ids) {
    const doc = await store.exportDocument(id);
    if (!doc) continue; // removed while we were reading
    documents++;
    yield { kind: "document", doc };
  }
  yield { kind: "bot", state: await store.exportBotState(), documents };
}

/** Adds a record's contribution to export counts (the same numbers whichever side counts them). */
export function countRecord(counts: CopyCounts, record: DumpRecord): void {
  if (record.kind === "document") {
    counts.documents++;
    counts.chunks += record.doc.draft.chunks.length;
    counts.vectors += record.doc.vectors.length;
  } else if (record.kind === "bot") {
    counts.subscriptions += record.state.subscriptions.length;
    counts.access += record.state.access.length;
    counts.deliveries += record.state.deliveries.length;
    counts.feedback += record.state.feedback.length;
  }
}

/**
 * A clock to open the target store with: while a document is saved it reads that document's original
 * ingestion time, so an import keeps "ingested at" (stores stamp saves with their `now`).
 */
export class ImportClock {
  private at: Date | undefined;
  readonly now = (): Date => this.at ?? new Date();
  set(iso: string | undefined): void {
    this.at = iso === undefined ? undefined : new Date(iso);
  }
}

export interface ImportDeps {
  /** The target's embedder: dump vectors are kept only when the dump was made with the same one. */
  embedder: EmbedderInfo;
  /** Embeds chunks with the target's embedder (as ingest does: context + text). */
  embed(chunks: ChunkDraft[]): Promise<Float32Array[]>;
  clock?: ImportClock;
  /** Called after each document (progress). */
  onDocument?(done: number, name: string): void;
}

/**
 * Writes the records into `target`: each document through `saveDocument` (its own transaction; a stored
 * document with the same path and hash is skipped, another hash replaced), then the bot's rows, then a
 * flush. On failure the documents already written stay (and are flushed); the error says how many, at
 * which line or document it stopped, and that the bot's rows were not imported.
 */
export async function importRecords(target: Store, records: AsyncIterable<DumpRecord>, deps: ImportDeps): Promise<ImportCounts> {
  const counts: ImportCounts = { ...emptyCounts(), new: 0, updated: 0, unchanged: 0, reembedded: 0 };
  let header: DumpHeader | undefined;
  let where = "at the start";
  let botDone = false;
  try {
    for await (const record of records) {
      if (record.kind === "header") {
        header = record.header;
        continue;
      }
      if (!header) throw new StoreError("not_a_dump", "The copy does not start with an nhiemvu-dump header.");
      if (record.kind === "bot") {
        where = `at ${record.line !== undefined ? `line ${record.line} (the bot's rows)` : "the bot's rows"}`;
        await target.importBotState(record.state);
        botDone = true;
        countRecord(counts, record);
        continue;
      }
      const { name } = record.doc.draft;
      const label = record.line !== undefined ? `line ${record.line} (${name})` : name;
      where = `at ${label}`;
      await importDocument(target, record.doc, header, deps, counts);
      where = `after ${label}`;
      countRecord(counts, record);
      deps.clock?.set(undefined);
      deps.onDocument?.(counts.documents, name);
    }
  } catch (err) {
    deps.clock?.set(undefined);
    await target.flush().catch(() => undefined);
    throw new StoreError(
      err instanceof NhiemvuError ? err.code : "import_failed",
      `Import stopped ${where}: ${plainMessage(err)}. Written before it: ${counts.new} new and ${counts.updated} ` +
        `updated documents (${counts.unchanged} unchanged); nothing after it was written` +
        (botDone ? "." : ", and the bot's rows (access, subscriptions, deliveries, feedback) were not imported."),
      { cause: err },
    );
  }
  await target.flush();
  return counts;
}

async function importDocument(target: Store, doc: DumpDocument, header: DumpHeader, deps: ImportDeps, counts: ImportCounts): Promise<void> {
  const { draft } = doc;
  const stored = await target.getDocumentByPath(draft.path);
  if (stored && stored.hash === draft.hash) {
    counts.unchanged++;
    return;
  }
  const sameEmbedder = header.embedder !== null && header.embedder.name === deps.embedder.name &&
    header.embedder.dimensions === deps.embedder.dimensions;
  let vectors = doc.vectors;
  if (!sameEmbedder || vectors.length !== draft.chunks.length) {
    vectors = draft.chunks.length ? await deps.embed(draft.chunks) : [];
    counts.reembedded += vectors.length;
  }
  deps.clock?.set(doc.ingestedAt);
  const { status } = await target.saveDocument(draft, vectors);
  counts[status]++;
}
