/** The store's own facts, one SQL text for both stores: which embedder made the vectors, and row counts. */
import { StoreError } from "../../core/errors.js";
import type { EmbedderInfo } from "../types.js";
import type { Query } from "./query.js";

export async function readEmbedder(q: Query): Promise<EmbedderInfo | undefined> {
  const rows = await q.all<{ key: string; value: string }>(
    "SELECT key, value FROM meta WHERE key IN ('embedder_name', 'embedder_dimensions')");
  const m = new Map(rows.map((r) => [r.key, r.value]));
  const name = m.get("embedder_name");
  const dims = m.get("embedder_dimensions");
  return name !== undefined && dims !== undefined ? { name, dimensions: Number(dims) } : undefined;
}

export async function writeEmbedder(q: Query, info: EmbedderInfo): Promise<void> {
  const set = "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
  await q.batch([[set, ["embedder_name", info.name]], [set, ["embedder_dimensions", String(info.dimensions)]]]);
}

/** Documents, sections, chunks and assignments stored. */
export async function countRows(q: Query): Promise<{ documents: number; sections: number; chunks: number; assignments: number }> {
  const [c] = await q.all<Record<"documents" | "sections" | "chunks" | "assignments", number | string>>(`SELECT
    (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM sections) AS sections,
    (SELECT count(*) FROM chunks) AS chunks, (SELECT count(*) FROM assignments) AS assignments`);
  return { documents: Number(c!.documents), sections: Number(c!.sections), chunks: Number(c!.chunks), assignments: Number(c!.assignments) };
}

/** Throws unless a document's vectors fit: one per chunk (or none), each of the index's dimension. */
export function checkVectors(draft: { name: string; chunks: unknown[] }, vectors: Float32Array[], dim: number | undefined): void {
  if (vectors.length !== 0 && vectors.length !== draft.chunks.length) {
    throw new StoreError("bad_vectors", `${draft.name}: ${draft.chunks.length} chunks but ${vectors.length} vectors.`);
  }
  if (dim !== undefined && vectors.some((v) => v.length !== dim)) {
    throw new StoreError("dimension_mismatch", `${draft.name}: vectors do not have the index's ${dim} dimensions.`);
  }
}
