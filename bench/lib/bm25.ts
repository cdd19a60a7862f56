/**
 * The plain baseline every ranking change is measured against: Okapi BM25 (k1 1.2, b 0.75) in memory over
 * syllables and neighbouring-syllable pairs, with no stop words, no fusion and no re-ranking. A question
 * is split the same way as a passage. It lives in the bench only: the product ranks in the store.
 */
import { fold, nfc, tokens } from "../../core/text.js";

export type Form = "raw" | "folded";

const K1 = 1.2;
const B = 0.75;

/** Syllables of a text in one form, then its pairs of neighbouring syllables ("a b"). */
export function syllablesAndPairs(text: string, form: Form): string[] {
  const syl = tokens(form === "folded" ? fold(text) : nfc(text).toLowerCase());
  const out = [...syl];
  for (let i = 0; i + 1 < syl.length; i++) out.push(`${syl[i]} ${syl[i + 1]}`);
  return out;
}

export interface PlainBm25 {
  /** Ids of the best `limit` passages for a question, best first. */
  search(question: string, limit: number): Array<{ id: number; score: number }>;
}

export function plainBm25(passages: ReadonlyArray<{ id: number; text: string }>, form: Form): PlainBm25 {
  const tf: Array<Map<string, number>> = [];
  const len: number[] = [];
  const df = new Map<string, number>();
  for (const p of passages) {
    const counts = new Map<string, number>();
    const toks = syllablesAndPairs(p.text, form);
    for (const t of toks) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const t of counts.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    tf.push(counts);
    len.push(toks.length);
  }
  const n = passages.length;
  const avg = len.reduce((a, b) => a + b, 0) / Math.max(1, n);
  return {
    search(question, limit) {
      const terms = [...new Set(syllablesAndPairs(question, form))].filter((t) => df.has(t));
      const scored: Array<{ id: number; score: number }> = [];
      tf.forEach((counts, i) => {
        let s = 0;
        for (const t of terms) {
          const f = counts.get(t);
          if (!f) continue;
          const d = df.get(t)!;
          const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
          s += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * len[i]!) / avg));
        }
        if (s > 0) scored.push({ id: passages[i]!.id, score: s });
      });
      return scored.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
    },
  };
}
