/**
 * Reads what an hnswlib index file holds without loading the graph: its dimension and which labels are
 * live or marked deleted. hnswlib-node can list labels but not which of them are deleted, and it does
 * not check a file's dimension against the space it loads it into, so we read the header ourselves.
 *
 * Layout (hnswlib 0.8 `saveIndex`, little-endian, size_t = 8): a 96-byte header, then
 * `cur_element_count` level-0 records of `size_data_per_element` bytes: the link-list header (its third
 * byte holds the delete mark), the links, the vector (float32 × dim) and the label (size_t).
 */
import { closeSync, openSync, readSync } from "node:fs";

const HEADER_BYTES = 96;
const DELETE_MARK = 0x01;

export interface IndexFileInfo {
  dimensions: number;
  maxElements: number;
  count: number;
  live: number[];
  deleted: number[];
  /** Record number of each live label, for reading its vector back with `readVectors`. */
  records: Map<number, number>;
  /** Bytes per record, and the offsets of the vector and the label inside one. */
  layout: RecordLayout;
}

export interface RecordLayout {
  perElement: number;
  offsetData: number;
  labelOffset: number;
  dimensions: number;
}

/** Reads the file's header and labels; undefined when it is not an hnswlib index we can read. */
export function readIndexFile(path: string): IndexFileInfo | undefined {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return undefined;
  }
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    if (readSync(fd, head, 0, HEADER_BYTES, 0) !== HEADER_BYTES) return undefined;
    const u64 = (o: number) => Number(head.readBigUInt64LE(o));
    const offsetLevel0 = u64(0);
    const maxElements = u64(8);
    const count = u64(16);
    const perElement = u64(24);
    const labelOffset = u64(32);
    const offsetData = u64(40);
    const dataBytes = labelOffset - offsetData;
    const sane = offsetLevel0 === 0 && count <= maxElements && perElement === labelOffset + 8
      && dataBytes > 0 && dataBytes % 4 === 0 && offsetData >= 4;
    if (!sane) return undefined;

    const live: number[] = [];
    const deleted: number[] = [];
    const records = new Map<number, number>();
    // Read whole records in blocks: one syscall per ~4 MB rather than one per element.
    const perBlock = Math.max(1, Math.floor((4 << 20) / perElement));
    const block = Buffer.alloc(perBlock * perElement);
    for (let first = 0; first < count; first += perBlock) {
      const n = Math.min(perBlock, count - first);
      const want = n * perElement;
      if (readSync(fd, block, 0, want, HEADER_BYTES + first * perElement) !== want) return undefined;
      for (let i = 0; i < n; i++) {
        const base = i * perElement;
        const label = Number(block.readBigUInt64LE(base + labelOffset));
        if ((block[base + 2]! & DELETE_MARK) !== 0) deleted.push(label);
        else {
          live.push(label);
          records.set(label, first + i);
        }
      }
    }
    const dimensions = dataBytes / 4;
    return { dimensions, maxElements, count, live, deleted, records, layout: { perElement, offsetData, labelOffset, dimensions } };
  } finally {
    closeSync(fd);
  }
}

/**
 * The stored (normalised) vectors of some live records, read from the file: runs of consecutive records
 * (a document's chunks) in one read each. Far cheaper than hnswlib-node's `getPoint`, which builds a JS
 * array one number at a time (0.1 ms a 512-dimension vector). A record whose label is not the one
 * expected, or that is marked deleted, is left out of the result (the caller falls back).
 */
export function readVectors(path: string, layout: RecordLayout, wanted: Array<{ label: number; record: number }>): Map<number, Float32Array> {
  const out = new Map<number, Float32Array>();
  if (wanted.length === 0) return out;
  const { perElement, offsetData, labelOffset, dimensions } = layout;
  const sorted = [...wanted].sort((a, b) => a.record - b.record);
  const fd = openSync(path, "r");
  try {
    for (let i = 0; i < sorted.length;) {
      let j = i + 1;
      while (j < sorted.length && sorted[j]!.record === sorted[j - 1]!.record + 1 && j - i < 4096) j++;
      const first = sorted[i]!.record;
      const bytes = (j - i) * perElement;
      const buf = Buffer.alloc(bytes);
      if (readSync(fd, buf, 0, bytes, HEADER_BYTES + first * perElement) === bytes) {
        for (let r = i; r < j; r++) {
          const base = (sorted[r]!.record - first) * perElement;
          if ((buf[base + 2]! & DELETE_MARK) !== 0) continue;
          if (Number(buf.readBigUInt64LE(base + labelOffset)) !== sorted[r]!.label) continue;
          const start = buf.byteOffset + base + offsetData;
          out.set(sorted[r]!.label, new Float32Array(buf.buffer.slice(start, start + dimensions * 4)));
        }
      }
      i = j;
    }
  } finally {
    closeSync(fd);
  }
  return out;
}
