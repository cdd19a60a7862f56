/**
 * Documents and their sections, as `getDocument` and `getSections` return them, kept while the database
 * does not change. An answer quotes from its passages' documents (qa/passages.ts docReader), and the same
 * documents recur from question to question: 200 CongBot and dev questions at 64k chunks read the sections
 * of 212 documents 339 times. A long document is slow to read: one of 1,858 sections (600 KB of headings)
 * takes 20-50 ms, its 600 KB text 7-11 ms.
 */
import type { Database } from "better-sqlite3";
import { changeStamp } from "./change-stamp.js";
import type { DocumentStore, StoredDocument, StoredSection } from "../types.js";

/** Cached characters (texts and headings) past which everything is dropped (a bound on memory, not a tuning). */
const CACHE_MAX_CHARS = 10_000_000;

type DocumentReads = Pick<DocumentStore, "getDocument" | "getSections">;

export class DocumentReadsCache {
  private readonly documents = new Map<number, StoredDocument | undefined>();
  private readonly sections = new Map<number, StoredSection[]>();
  private chars = 0;
  private stamp = "";
  private readonly version: () => string;

  constructor(db: Database, private readonly reads: DocumentReads) {
    this.version = changeStamp(db);
  }

  /** The same document as `getDocument`; a fresh object each call (callers may keep or change it). */
  async getDocument(id: number): Promise<StoredDocument | undefined> {
    const doc = await this.read(this.documents, id, () => this.reads.getDocument(id), (d) => d?.text.length ?? 0);
    return doc && { ...doc };
  }

  /** The same sections as `getSections`, fresh objects each call. */
  async getSections(docId: number): Promise<StoredSection[]> {
    const sections = await this.read(this.sections, docId, () => this.reads.getSections(docId), (list) => list.reduce((n, s) => n + s.heading.length, 0));
    return sections.map((s) => ({ ...s }));
  }

  /** What `map` holds for `id`, else what `load` reads, kept unless the database changed meanwhile. */
  private async read<T>(map: Map<number, T>, id: number, load: () => Promise<T>, size: (value: T) => number): Promise<T> {
    const stamp = this.current();
    if (map.has(id)) return map.get(id)!;
    const value = await load();
    // Another call may have run while this one waited; what was read then belongs to the stamp read before it.
    if (this.current() === stamp && !map.has(id)) {
      if (this.chars > CACHE_MAX_CHARS) this.clear();
      map.set(id, value);
      this.chars += size(value);
    }
    return value;
  }

  /** The database's stamp, every cached read dropped when it moved. */
  private current(): string {
    const stamp = this.version();
    if (stamp !== this.stamp) {
      this.clear();
      this.stamp = stamp;
    }
    return stamp;
  }

  private clear(): void {
    this.documents.clear();
    this.sections.clear();
    this.chars = 0;
  }
}
