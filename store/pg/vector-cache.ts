/**
 * The in-memory side of the array path: the vectors loaded from PostgreSQL, searched exactly at first,
 * and an hnswlib graph built from them in the background, in small slices between other work. Building
 * the graph costs ~1 ms a vector (10 s for 12k chunks of 512 dimensions), far too long to make a CLI
 * `ask` wait for it, while an exact search over the loaded vectors takes milliseconds; a long-running bot
 * switches to the graph once it is built (GRAPH_DELAY_MS after it first wanted one). The flat copy
 * stays: a search inside a few documents is exact over it (hnswlib's getPoint costs 0.1 ms a vector).
 */
import { StoreError } from "../../core/errors.js";
import type { Logger } from "../../core/logger.js";
import { EXACT_SEARCH_LIMIT } from "../chunk-filter.js";
import { VectorIndex } from "../hnsw/vector-index.js";

/** Vectors added to the graph per slice (a few tens of ms), before yielding to the event loop. */
const SLICE = 64;
/** Below this many vectors an exact search takes under a millisecond: no graph. */
const GRAPH_MIN = 2000;
/** The graph is built only by a process still running this long after it first needed one: a CLI
 *  `ask` is done by then and never pays for it; a bot builds it while serving exact answers. */
const GRAPH_DELAY_MS = 20_000;

export interface CacheHit {
  chunkId: number;
  score: number;
}

export class VectorCache {
  /** Unit vectors by chunk id. */
  private readonly flat = new Map<number, Float32Array>();
  private graph: VectorIndex | undefined;
  /** The graph being built: changes made meanwhile go to it too. */
  private next: VectorIndex | undefined;
  private closed = false;
  private timer: NodeJS.Timeout | undefined;
  private dim: number | undefined;

  constructor(dims: number | undefined, private readonly logger?: Logger, private readonly exactSearchLimit?: number) {
    this.dim = dims;
  }

  get dimensions(): number | undefined {
    return this.dim;
  }

  get size(): number {
    return this.flat.size;
  }

  /** Adds or replaces vectors; the first fixes the dimension of an empty cache. */
  add(ids: number[], vectors: Float32Array[]): void {
    if (ids.length === 0) return;
    const dim = this.dim ?? vectors[0]!.length;
    const odd = vectors.find((v) => v.length !== dim);
    if (odd) throw new StoreError("dimension_mismatch", `A vector has ${odd.length} dimensions; the index has ${dim}.`);
    this.dim = dim;
    ids.forEach((id, i) => this.flat.set(id, unit(vectors[i]!)));
    (this.graph ?? this.next)?.add(ids, vectors);
  }

  remove(ids: Iterable<number>): void {
    const list = [...ids];
    for (const id of list) this.flat.delete(id);
    (this.graph ?? this.next)?.remove(list);
  }

  /** Schedules building the graph in the background, once there are enough vectors to need one. */
  startGraph(delayMs = GRAPH_DELAY_MS): void {
    if (this.timer || this.next || this.graph || this.closed || this.flat.size < GRAPH_MIN) return;
    this.timer = setTimeout(() => this.build(), delayMs);
    this.timer.unref();
  }

  private build(): void {
    if (this.next || this.graph || this.closed || this.dim === undefined) return;
    const graph = VectorIndex.inMemory(this.dim, this.logger, { exactSearchLimit: this.exactSearchLimit });
    this.next = graph;
    const pending = [...this.flat.keys()];
    const started = Date.now();
    const step = () => {
      if (this.closed || this.next !== graph) return;
      try {
        slice();
      } catch (err) {
        // Stay with exact search: slower, never wrong.
        this.logger?.warn({ err: (err as Error).message }, "vector graph build failed; searching exactly");
      }
    };
    const slice = () => {
      // Ids removed meanwhile are skipped; ids changed meanwhile get their current vector again.
      const batch = pending.splice(0, SLICE).filter((id) => this.flat.has(id));
      if (batch.length) graph.add(batch, batch.map((id) => this.flat.get(id)!));
      if (pending.length) {
        setImmediate(step).unref?.();
        return;
      }
      this.graph = graph;
      this.next = undefined;
      this.logger?.debug({ vectors: graph.size, ms: Date.now() - started }, "vector graph built");
    };
    setImmediate(step).unref?.();
  }

  /** The k most similar vectors (cosine, higher is better), among `allow` when given. */
  search(query: Float32Array, k: number, allow?: ReadonlySet<number>): CacheHit[] {
    if (this.graph && (!allow || allow.size > (this.exactSearchLimit ?? EXACT_SEARCH_LIMIT))) {
      return this.graph.search(query, k, allow).map((h) => ({ chunkId: h.label, score: h.similarity }));
    }
    const flat = this.flat;
    if (flat.size === 0 || k <= 0) return [];
    if (query.length !== this.dim) {
      throw new StoreError("dimension_mismatch", `The query vector has ${query.length} dimensions; the index has ${this.dim}. Reindex after changing the embedder.`);
    }
    const q = unit(query);
    const top: CacheHit[] = [];
    const consider = (id: number, v: Float32Array) => {
      let dot = 0;
      for (let j = 0; j < v.length; j++) dot += v[j]! * q[j]!;
      if (top.length === k && dot <= top[k - 1]!.score) return;
      let at = top.length;
      while (at > 0 && (top[at - 1]!.score < dot || (top[at - 1]!.score === dot && top[at - 1]!.chunkId > id))) at--;
      top.splice(at, 0, { chunkId: id, score: dot });
      if (top.length > k) top.pop();
    };
    if (allow) {
      for (const id of allow) {
        const v = flat.get(id);
        if (v) consider(id, v);
      }
    } else {
      for (const [id, v] of flat) consider(id, v);
    }
    return top;
  }

  /** Stops a background build. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }
}

function unit(v: Float32Array): Float32Array {
  let norm = 0;
  for (let j = 0; j < v.length; j++) norm += v[j]! * v[j]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const out = new Float32Array(v.length);
  for (let j = 0; j < v.length; j++) out[j] = v[j]! * scale;
  return out;
}
