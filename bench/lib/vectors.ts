/**
 * The exact baseline for the vector benchmark: every stored vector read straight out of the hnswlib index
 * file (level-0 records hold the vector and its label), and brute-force cosine top-k over them. Vectors in
 * a cosine hnswlib index are stored L2-normalised, so cosine is a dot product.
 *
 * LangChain's MemoryVectorStore is not installed (it lives in `langchain` / `@langchain/classic`); a flat
 * Float32Array scan is the same exact search and a faster baseline, so the speed-up it gives is conservative.
 */
import { readFileSync } from "node:fs";

export interface FlatVectors {
  dim: number;
  labels: Int32Array;
  /** labels.length × dim, row-major, L2-normalised. */
  data: Float32Array;
}

const HEADER_BYTES = 96;

/** Reads the live vectors of an hnswlib 0.8 index file (the layout store/hnsw/index-file.ts documents). */
export function readIndexVectors(path: string): FlatVectors {
  const buf = readFileSync(path);
  const u64 = (o: number) => Number(buf.readBigUInt64LE(o));
  const count = u64(16), perElement = u64(24), labelOffset = u64(32), offsetData = u64(40);
  const dim = (labelOffset - offsetData) / 4;
  const labels: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < count; i++) {
    const base = HEADER_BYTES + i * perElement;
    if ((buf[base + 2]! & 0x01) !== 0) continue; // marked deleted
    labels.push(Number(buf.readBigUInt64LE(base + labelOffset)));
    rows.push(base + offsetData);
  }
  const data = new Float32Array(labels.length * dim);
  for (let r = 0; r < rows.length; r++) {
    const src = new Float32Array(buf.buffer.slice(buf.byteOffset + rows[r]!, buf.byteOffset + rows[r]! + dim * 4));
    data.set(src, r * dim);
  }
  return { dim, labels: Int32Array.from(labels), data };
}

export function normalise(v: ArrayLike<number>): Float32Array {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! * v[i]!;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
  return Float32Array.from(v, (x) => x * inv);
}

/** Exact top-k labels by cosine (dot product of normalised vectors), best first. */
export function exactTopK(flat: FlatVectors, query: Float32Array, k: number): Array<{ label: number; score: number }> {
  const { dim, data, labels } = flat;
  const n = labels.length;
  const topI: number[] = [];
  const topS: number[] = [];
  let floor = -Infinity;
  for (let r = 0, off = 0; r < n; r++, off += dim) {
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let j = 0;
    for (; j + 4 <= dim; j += 4) {
      s0 += data[off + j]! * query[j]!;
      s1 += data[off + j + 1]! * query[j + 1]!;
      s2 += data[off + j + 2]! * query[j + 2]!;
      s3 += data[off + j + 3]! * query[j + 3]!;
    }
    for (; j < dim; j++) s0 += data[off + j]! * query[j]!;
    const s = s0 + s1 + s2 + s3;
    if (topS.length === k && s <= floor) continue;
    // Insertion into the small sorted top list.
    let at = topS.length;
    while (at > 0 && topS[at - 1]! < s) at--;
    topS.splice(at, 0, s);
    topI.splice(at, 0, r);
    if (topS.length > k) {
      topS.pop();
      topI.pop();
    }
    floor = topS.length === k ? topS[k - 1]! : -Infinity;
  }
  return topI.map((i, x) => ({ label: labels[i]!, score: topS[x]! }));
}
