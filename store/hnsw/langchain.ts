/**
 * A LangChain VectorStore view of the chunk vector index, for `asRetriever()` and benchmarks. It reads
 * and writes through the Store contract, so it sees exactly what answering sees.
 */
import { Document, type DocumentInterface } from "@langchain/core/documents";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { VectorStore } from "@langchain/core/vectorstores";
import { StoreError } from "../../core/errors.js";
import type { DocKind } from "../../core/types.js";
import type { ChunkFilter, Store } from "../types.js";

/** What each returned Document carries besides the chunk text. */
export interface ChunkMetadata {
  chunkId: number;
  docId: number;
  docName: string;
  kind: DocKind;
  number?: string;
  date?: string;
  title?: string;
  section: number;
  sectionLabel: string;
  start: number;
  end: number;
  context: string;
}

export type ChunkIndexStore = Pick<Store, "searchVector" | "getChunks" | "addVectors">;

export class HnswChunkVectorStore extends VectorStore {
  declare FilterType: ChunkFilter;
  private readonly store: ChunkIndexStore;

  constructor(embeddings: EmbeddingsInterface, args: { store: ChunkIndexStore }) {
    super(embeddings, args);
    this.store = args.store;
  }

  _vectorstoreType(): string {
    return "nhiemvu-hnsw";
  }

  /**
   * Stores vectors for chunks that already exist: each document needs `metadata.chunkId` (free-standing
   * documents have no row to cite, so they are refused). Returns the chunk ids as strings.
   */
  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    if (vectors.length !== documents.length) {
      throw new StoreError("bad_vectors", `${documents.length} documents but ${vectors.length} vectors.`);
    }
    const ids = documents.map((d, i) => {
      const id = (d.metadata as Partial<ChunkMetadata>).chunkId;
      if (typeof id !== "number") throw new StoreError("no_chunk_id", `Document ${i} has no metadata.chunkId; only stored chunks can be indexed.`);
      return id;
    });
    await this.store.addVectors(ids, vectors.map((v) => Float32Array.from(v)));
    return ids.map(String);
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(documents.map((d) => d.pageContent));
    return this.addVectors(vectors, documents);
  }

  /**
   * The k chunks nearest to `query`, as [Document, score] pairs sorted best first. The score is a cosine
   * SIMILARITY in [-1, 1]: higher is better (unlike the community HNSWLib store, which returns a distance).
   */
  async similaritySearchVectorWithScore(query: number[], k: number, filter?: ChunkFilter): Promise<[Document<ChunkMetadata>, number][]> {
    const hits = await this.store.searchVector(Float32Array.from(query), filter ?? {}, k);
    const chunks = new Map((await this.store.getChunks(hits.map((h) => h.chunkId))).map((c) => [c.id, c]));
    const out: [Document<ChunkMetadata>, number][] = [];
    for (const h of hits) {
      const c = chunks.get(h.chunkId);
      if (!c) continue; // a vector whose row is gone (before dropOrphanVectors)
      const metadata: ChunkMetadata = {
        chunkId: c.id, docId: c.docId, docName: c.docName, kind: c.docMeta.kind, section: c.section,
        sectionLabel: c.sectionLabel, start: c.start, end: c.end, context: c.context,
      };
      if (c.docMeta.number) metadata.number = c.docMeta.number;
      if (c.docMeta.date) metadata.date = c.docMeta.date;
      if (c.docMeta.title) metadata.title = c.docMeta.title;
      out.push([new Document({ pageContent: c.text, metadata, id: String(c.id) }), h.score]);
    }
    return out.sort((a, b) => b[1] - a[1]);
  }
}
