/** A fixed number of tasks at a time (one per core for OCR); results in input order, failures kept per item. */
import { availableParallelism } from "node:os";

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/** Default pool size: the machine's cores. */
export function coreCount(): number {
  return Math.max(1, availableParallelism());
}

/** Runs `work` over `items`, at most `size` at once; `onSettled` after each one (progress). Never rejects. */
export async function runPool<T, R>(
  items: T[],
  size: number,
  work: (item: T, index: number) => Promise<R>,
  onSettled?: (done: number, total: number, index: number) => void,
): Promise<Settled<R>[]> {
  const out: Settled<R>[] = new Array(items.length);
  let next = 0;
  let done = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      try {
        out[i] = { ok: true, value: await work(items[i]!, i) };
      } catch (error) {
        out[i] = { ok: false, error };
      }
      onSettled?.(++done, items.length, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, size), items.length) }, lane));
  return out;
}
