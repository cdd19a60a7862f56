/**
 * The chunk vector index: an hnswlib HierarchicalNSW (cosine) whose labels are chunk ids, kept in memory
 * and written to one file by `flush()` (temp file in the same folder, fsync, rename: a reader or a crash
 * sees the old file or the new one, never half of one). Deleted chunks are marked deleted and their
 * slots reused by later additions. The file is read on first use, not at open: a command that never
 * touches vectors (`stats`, `tasks`, an `ask` that fuses none) never pays for reading it.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import type { HierarchicalNSW as Hnsw } from "hnswlib-node";
import { StoreError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import { EXACT_SEARCH_LIMIT } from "../chunk-filter.js";
import { readIndexFile, readVectors, type RecordLayout } from "./index-file.js";

const require = createRequire(import.meta.url);
let hnswlib: typeof import("hnswlib-node") | undefined;
/** The native module, loaded with the first index built or read. */
function HierarchicalNSW(space: "cosine", dimensions: number): Hnsw {
  hnswlib ??= require("hnswlib-node") as typeof import("hnswlib-node");
  return new hnswlib.HierarchicalNSW(space, dimensions);
}
const M = 16;
const EF_CONSTRUCTION = 64;
/**
 * Search width. The bench's sweep (bench/RESULTS.md) on 81k chunks: ef 64 gave recall@10 0.69 against
 * exact search, 512 gave 0.928 at 41x the speed of exact search (2 ms p50), 600 gave 0.934; recall grows
 * slowly with ef, so 1000 aims past 0.95 while staying far above 10x.
 */
const EF_SEARCH = 1000;
const INITIAL_CAPACITY = 1024;

/** What a saved index file held: its identity (`fileStamp`), live vector count and dimension, for `countIfKnown`. */
export interface SavedCount {
  stamp: string;
  count: number;
  dimensions: number | undefined;
}

export interface VectorHit {
  label: number;
  /** Cosine similarity, 1 - cosine distance: higher is better. */
  similarity: number;
}

export class VectorIndex {
  /** False until the file is first read (or the index reset); every reader of the index loads it first. */
  private loaded = false;
  /** The dimension the file must have, kept for the deferred load. */
  private expected: number | undefined;
  private index: Hnsw | undefined;
  private dim: number | undefined;
  private readonly live = new Set<number>();
  /** Labels still in the graph but marked deleted (re-adding one must unmark it, not take a new slot). */
  private readonly deleted = new Set<number>();
  private dirty = false;
  /** Identity of the file as last read or written (inode, size, mtime). */
  private stamp: string | undefined;
  /**
   * Where each live label's vector lies in the file, while the file holds exactly what memory holds
   * (set when loading; dropped by any change or flush, and read again from the file when next needed).
   */
  private records: { stamp: string; map: Map<number, number>; layout: RecordLayout } | undefined;

  private constructor(
    /** Undefined for an index held in memory only (the PostgreSQL store keeps vectors in a table). */
    private readonly file: string | undefined,
    private readonly logger?: Logger,
    private readonly exactLimit = EXACT_SEARCH_LIMIT,
  ) {}

  /**
   * The index of `file`, read when first used: it then holds the file's vectors, or starts empty when the
   * file is missing, unreadable or of another dimension than `expectedDimensions` (the stored embedder's);
   * the caller then re-embeds the chunks it lacks.
   */
  static open(
    file: string,
    expectedDimensions: number | undefined,
    logger?: Logger,
    options: { exactSearchLimit?: number } = {},
  ): VectorIndex {
    const vi = new VectorIndex(file, logger, options.exactSearchLimit);
    vi.expected = expectedDimensions;
    return vi;
  }

  /** An empty index with no file: `flush` and `refresh` do nothing. */
  static inMemory(dimensions?: number, logger?: Logger, options: { exactSearchLimit?: number } = {}): VectorIndex {
    const vi = new VectorIndex(undefined, logger, options.exactSearchLimit);
    vi.loaded = true;
    if (dimensions !== undefined) vi.ensure(dimensions, 0);
    return vi;
  }

  /** Whether the file has been read (or the index built in memory). */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /**
   * Reloads the file when another process has replaced it since we read or wrote it (the bot picks up
   * what a CLI ingest flushed). Does nothing while this process holds unflushed changes, nor before the
   * first read (which reads the file as it is then).
   */
  refresh(): void {
    if (this.file === undefined || !this.loaded) return;
    if (this.dirty || fileStamp(this.file) === this.stamp) return;
    this.logger?.info({ file: this.file }, "vector index changed on disk; reloading");
    this.load(this.dim);
  }

  /**
   * The live vector count without reading the file, when it can be known: the index is loaded, the file
   * is missing (an empty index), or `saved` describes the file as it is now (same inode, size and mtime)
   * and was counted at the dimension expected now (a file of another one would load empty).
   */
  countIfKnown(saved: SavedCount | undefined): number | undefined {
    if (this.loaded || this.file === undefined) return this.live.size;
    const now = fileStamp(this.file);
    if (now === undefined) return 0;
    if (saved?.stamp !== now || (this.expected !== undefined && saved.dimensions !== this.expected)) return undefined;
    return saved.count;
  }

  /** The file's identity and live count, when memory holds exactly what the file on disk holds now. */
  savedCount(): SavedCount | undefined {
    if (!this.loaded || this.dirty || this.file === undefined || this.stamp === undefined) return undefined;
    return fileStamp(this.file) === this.stamp ? { stamp: this.stamp, count: this.live.size, dimensions: this.dim } : undefined;
  }

  private ready(): void {
    if (!this.loaded) this.load(this.expected);
  }

  private load(expectedDimensions: number | undefined): void {
    this.loaded = true;
    this.index = undefined;
    this.dim = expectedDimensions;
    this.live.clear();
    this.deleted.clear();
    if (this.file === undefined) return;
    this.stamp = fileStamp(this.file);
    if (this.stamp === undefined) return;
    const info = readIndexFile(this.file);
    if (!info) {
      this.logger?.warn({ file: this.file }, "vector index unreadable; starting empty");
      return;
    }
    if (expectedDimensions !== undefined && info.dimensions !== expectedDimensions) {
      this.logger?.warn({ file: this.file, found: info.dimensions, expected: expectedDimensions }, "vector index dimension differs; starting empty");
      return;
    }
    const index = HierarchicalNSW("cosine", info.dimensions);
    index.readIndexSync(this.file, true);
    this.index = index;
    this.dim = info.dimensions;
    for (const l of info.live) this.live.add(l);
    for (const l of info.deleted) if (!this.live.has(l)) this.deleted.add(l);
    this.records = { stamp: this.stamp, map: info.records, layout: info.layout };
  }

  /** The dimension of the stored vectors, once known. */
  get dimensions(): number | undefined {
    this.ready();
    return this.dim;
  }

  /** Number of live vectors. */
  get size(): number {
    this.ready();
    return this.live.size;
  }

  has(label: number): boolean {
    this.ready();
    return this.live.has(label);
  }

  labels(): number[] {
    this.ready();
    return [...this.live];
  }

  /** The stored vector of a live label (normalised to length 1: the cosine space stores it so), for export. */
  get(label: number): Float32Array | undefined {
    this.ready();
    if (!this.index || !this.live.has(label)) return undefined;
    return Float32Array.from(this.index.getPoint(label));
  }

  /** Adds or replaces vectors. The first vector fixes the dimension of an empty index. */
  add(labels: number[], vectors: Float32Array[]): void {
    if (labels.length !== vectors.length) {
      throw new StoreError("bad_vectors", `${labels.length} chunk ids but ${vectors.length} vectors.`);
    }
    if (labels.length === 0) return;
    this.ready();
    const dim = this.dim ?? vectors[0]!.length;
    const odd = vectors.find((v) => v.length !== dim);
    if (odd) throw new StoreError("dimension_mismatch", `A vector has ${odd.length} dimensions; the index has ${dim}.`);
    const index = this.ensure(dim, labels.length);
    for (let i = 0; i < labels.length; i++) {
      const label = labels[i]!;
      const point = Array.from(vectors[i]!);
      if (this.live.has(label)) {
        index.addPoint(point, label, false); // updates in place
      } else if (this.deleted.has(label) && this.tryUnmark(index, label)) {
        index.addPoint(point, label, false);
      } else {
        index.addPoint(point, label, true); // takes a deleted slot when there is one
      }
      this.deleted.delete(label);
      this.live.add(label);
    }
    this.dirty = true;
  }

  /** Marks vectors deleted; returns how many were live. */
  remove(labels: Iterable<number>): number {
    this.ready();
    let n = 0;
    for (const label of labels) {
      if (!this.index || !this.live.has(label)) continue;
      this.index.markDelete(label);
      this.live.delete(label);
      this.deleted.add(label);
      n++;
    }
    if (n > 0) this.dirty = true;
    return n;
  }

  /**
   * The k nearest live vectors, best first. `allow` restricts the labels considered: a small set is
   * scored exactly (hnswlib would walk the whole graph to fill k from a few allowed labels); a larger
   * one runs inside hnswlib's search as a filter callback, so up to k allowed hits still come back.
   */
  search(query: Float32Array, k: number, allow?: ReadonlySet<number>): VectorHit[] {
    this.ready();
    if (!this.index || this.live.size === 0 || k <= 0) return [];
    if (query.length !== this.dim) {
      throw new StoreError("dimension_mismatch", `The query vector has ${query.length} dimensions; the index has ${this.dim}. Reindex after changing the embedder.`);
    }
    if (allow && allow.size <= this.exactLimit) return this.exact(query, k, allow);
    const n = Math.min(k, this.live.size);
    this.index.setEf(Math.max(EF_SEARCH, 2 * n));
    const filter = allow ? (label: number) => allow.has(label) : undefined;
    const { neighbors, distances } = this.index.searchKnn(Array.from(query), n, filter);
    return neighbors.map((label, i) => ({ label, similarity: 1 - distances[i]! }));
  }

  private exact(query: Float32Array, k: number, allow: ReadonlySet<number>): VectorHit[] {
    let norm = 0;
    for (let j = 0; j < query.length; j++) norm += query[j]! * query[j]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const labels = [...allow].filter((label) => this.live.has(label));
    const fromFile = this.storedVectors(labels);
    const hits: VectorHit[] = [];
    for (const label of labels) {
      // stored normalised by the cosine space; the file's copy is the same float32 values
      const p = fromFile.get(label) ?? this.index!.getPoint(label);
      let dot = 0;
      for (let j = 0; j < p.length; j++) dot += p[j]! * query[j]!;
      hits.push({ label, similarity: dot * scale });
    }
    return hits.sort((a, b) => b.similarity - a.similarity || a.label - b.label).slice(0, k);
  }

  /** The vectors of `labels` read from the file, when it holds what memory holds (else none). */
  private storedVectors(labels: number[]): Map<number, Float32Array> {
    const { stamp, file } = this;
    if (this.dirty || stamp === undefined || file === undefined || labels.length < 8) return new Map();
    try {
      if (fileStamp(file) !== stamp) return new Map();
      if (this.records?.stamp !== stamp) {
        const info = readIndexFile(file);
        if (!info || info.dimensions !== this.dim) return new Map();
        this.records = { stamp, map: info.records, layout: info.layout };
      }
      const { map, layout } = this.records;
      const wanted = labels.flatMap((label) => {
        const record = map.get(label);
        return record === undefined ? [] : [{ label, record }];
      });
      return readVectors(file, layout, wanted);
    } catch {
      return new Map(); // the file went away or changed under us: hnswlib's copy is still right
    }
  }

  /** Drops every vector; the next addition (or `dimensions`) fixes the dimension again. */
  reset(dimensions?: number): void {
    this.loaded = true; // nothing of the file is kept, so there is nothing to read
    this.index = undefined;
    this.dim = undefined;
    this.live.clear();
    this.deleted.clear();
    this.dirty = true;
    if (dimensions !== undefined) this.ensure(dimensions, 0);
  }

  /** Writes the index atomically when it changed since the last flush. */
  flush(): void {
    if (!this.dirty) return;
    if (this.file === undefined) {
      this.dirty = false;
      return;
    }
    if (!this.index) {
      rmSync(this.file, { force: true });
    } else {
      const tmp = `${this.file}.tmp-${process.pid}`;
      this.index.writeIndexSync(tmp);
      const fd = openSync(tmp, "r+");
      try { fsyncSync(fd); } finally { closeSync(fd); }
      renameSync(tmp, this.file);
    }
    this.stamp = fileStamp(this.file);
    this.dirty = false;
    this.logger?.debug({ file: this.file, vectors: this.live.size }, "vector index flushed");
  }

  private ensure(dimensions: number, adding: number): Hnsw {
    if (!this.index) {
      const index = HierarchicalNSW("cosine", dimensions);
      index.initIndex({ maxElements: Math.max(INITIAL_CAPACITY, adding), m: M, efConstruction: EF_CONSTRUCTION, allowReplaceDeleted: true });
      this.index = index;
      this.dim = dimensions;
    }
    const need = this.index.getCurrentCount() + adding;
    const max = this.index.getMaxElements();
    if (need > max) this.index.resizeIndex(Math.max(need, max * 2));
    return this.index;
  }

  private tryUnmark(index: Hnsw, label: number): boolean {
    try {
      index.unmarkDelete(label);
      return true;
    } catch {
      return false; // its slot was reused by another label since
    }
  }
}

function fileStamp(file: string): string | undefined {
  try {
    const st = statSync(file);
    return `${st.ino}:${st.size}:${st.mtimeMs}`;
  } catch {
    return undefined;
  }
}
