/** How both stores apply a ChunkFilter: the same rules for full-text and vector search. */
import type { ChunkFilter, ScoredChunk } from "./types.js";

/**
 * Filtered vector searches over at most this many chunks are computed exactly rather than through the
 * graph, by every vector backend (hnswlib's VectorIndex, PostgreSQL's VectorCache and pgvector alike).
 */
export const EXACT_SEARCH_LIMIT = 2000;

/** `docIds: []` or `kinds: []` admits nothing. */
export function isEmptyFilter(filter: ChunkFilter): boolean {
  return filter.docIds?.length === 0 || filter.kinds?.length === 0;
}

/**
 * Nearest chunks among those the filter admits: the admitted ids go into the vector search itself (hnswlib
 * or pgvector filter while they search), so a filter never empties a result that has matches.
 */
export async function searchAdmitted(
  filter: ChunkFilter,
  admitted: (filter: ChunkFilter) => number[] | Promise<number[]>,
  search: (allow: Set<number> | undefined) => ScoredChunk[] | Promise<ScoredChunk[]>,
): Promise<ScoredChunk[]> {
  if (isEmptyFilter(filter)) return [];
  let allow: Set<number> | undefined;
  if (filter.docIds || filter.kinds) {
    allow = new Set(await admitted(filter));
    if (allow.size === 0) return [];
  }
  return search(allow);
}
