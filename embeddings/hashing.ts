/**
 * The feature hasher behind LocalHashEmbeddings: one pass over the UTF-16 code units with lookup tables
 * (no regex and no allocation per token), features counted in a reusable open-addressing table, then
 * signed-hashed into a fixed number of buckets and L2-normalised.
 *
 * Features: folded syllable unigrams, bigrams of adjacent syllables (not across . ; : ! ? or a line
 * break), and character 3-grams inside each word with boundary marks (^ab, abc, bc$; not for numbers).
 * Value: (1 + ln tf) × a fixed weight (function syllables and generic administrative verbs count less).
 */
import { fold } from "../core/text.js";
import { VI_FUNCTION_WORDS, VI_GENERIC_WORDS } from "../core/stopwords.js";

/** Function words weigh almost nothing; generic administrative verbs weigh less than topical words. */
const FUNCTION_WEIGHT = 0.1;
const GENERIC_WEIGHT = 0.4;

const SEPARATOR = 0;
const BREAK = 1;
const BOUNDARY = 2;
const SKIP = 0xffff;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const MAX_WORD = 32;
const SEED_UNIGRAM = 0x2545f491;
const SEED_BIGRAM = 0x6b43a9b5;
const SEED_TRIGRAM = 0x1b873593;
const TRIGRAM_WEIGHT = 0.2;

/** Per code unit: folded lower-case letter or digit, SEPARATOR, BREAK or SKIP (combining marks). */
const FOLD = new Uint16Array(0x10000);
/** Per code unit: lower case as written, diacritics kept. */
const LOWER = new Uint16Array(0x10000);

let built = false;

/** Fills FOLD, LOWER and WEIGHTS, once, on the first embedding (about 0.1 s: not paid by commands that never embed). */
function buildTables(): void {
  if (built) return;
  built = true;
  const letter = /[\p{L}\p{N}]/u;
  const mark = /\p{M}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue; // lone surrogate halves: separators
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) {
      const f = fold(ch);
      const l = ch.toLowerCase();
      LOWER[c] = l.length === 1 ? l.charCodeAt(0) : c;
      FOLD[c] = f.length === 1 ? f.charCodeAt(0) : LOWER[c]!;
    } else if (mark.test(ch)) {
      FOLD[c] = SKIP;
    } else if (c === 0x2e || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x0d) {
      FOLD[c] = BREAK;
    }
  }
  // A fixed list (not IDF from the corpus) keeps a text's vector independent of what else is stored.
  for (const [list, weight] of [[VI_GENERIC_WORDS, GENERIC_WEIGHT], [VI_FUNCTION_WORDS, FUNCTION_WEIGHT]] as const) {
    for (const w of list) WEIGHTS.set(hashWord(w, LOWER), weight);
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a of a word through one of the tables (for building the weight lists). */
function hashWord(word: string, table: Uint16Array): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    const c = table[word.charCodeAt(i)]!;
    if (c !== SKIP) h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h;
}

/**
 * Word weights by hash of the word as written (lower case, diacritics kept). Not folded: "dang" may be
 * "đang" (a function word) or "Đảng", "co" "có" or "cơ quan", so a word typed without diacritics keeps
 * its full weight.
 */
const WEIGHTS = new Map<number, number>();

export class FeatureHasher {
  private capacity = 1 << 12;
  private keys = new Int32Array(this.capacity);
  private counts = new Float32Array(this.capacity);
  private weights = new Float32Array(this.capacity);
  private stamps = new Uint32Array(this.capacity);
  private order = new Int32Array(this.capacity);
  private gen = 0;
  private n = 0;
  private readonly word = new Uint16Array(MAX_WORD);
  private readonly acc: Float64Array;

  constructor(readonly dimensions: number) {
    this.acc = new Float64Array(dimensions);
  }

  /** The L2-normalised vector of `text` (all zeros when it has no letters or digits). */
  embed(text: string): number[] {
    buildTables();
    this.begin();
    const word = this.word;
    let prev = 0;
    let prevWeight = 0;
    let hasPrev = false;
    let len = 0;
    let hF = FNV_OFFSET;
    let hR = FNV_OFFSET;
    let digit = false;
    const end = text.length;
    for (let i = 0; i <= end; i++) {
      const c = i < end ? text.charCodeAt(i) : 0x20;
      const f = FOLD[c]!;
      if (f === SKIP) continue; // a combining diacritic (text not in NFC): part of the word, no letter
      if (f > BOUNDARY) {
        if (len < MAX_WORD) word[len] = f;
        len++;
        hF = Math.imul(hF ^ f, FNV_PRIME);
        const r = LOWER[c]!;
        hR = Math.imul(hR ^ r, FNV_PRIME);
        if (f >= 0x30 && f <= 0x39) digit = true;
        continue;
      }
      if (len > 0) {
        const weight = WEIGHTS.get(hR) ?? 1;
        this.add(fmix(Math.imul(hF, 0x9e3779b1) ^ SEED_UNIGRAM), weight);
        if (hasPrev) this.add(fmix(Math.imul(prev, 0x85ebca77) ^ hF ^ SEED_BIGRAM), Math.sqrt(prevWeight * weight));
        if (!digit) this.trigrams(Math.min(len, MAX_WORD), weight * TRIGRAM_WEIGHT);
        prev = hF;
        prevWeight = weight;
        hasPrev = true;
        len = 0;
        hF = FNV_OFFSET;
        hR = FNV_OFFSET;
        digit = false;
      }
      if (f === BREAK) hasPrev = false;
    }
    return this.finish();
  }

  private trigrams(len: number, weight: number): void {
    const w = this.word;
    let a = BOUNDARY;
    let b = w[0]!;
    for (let i = 1; i <= len; i++) {
      const c = i < len ? w[i]! : BOUNDARY;
      this.add(fmix(Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d) ^ SEED_TRIGRAM), weight);
      a = b;
      b = c;
    }
  }

  private begin(): void {
    this.n = 0;
    if (++this.gen === 0xffffffff) {
      this.stamps.fill(0);
      this.gen = 1;
    }
  }

  private add(key: number, weight: number): void {
    const mask = this.capacity - 1;
    let slot = key & mask;
    for (;;) {
      if (this.stamps[slot] !== this.gen) {
        this.stamps[slot] = this.gen;
        this.keys[slot] = key;
        this.counts[slot] = 1;
        this.weights[slot] = weight;
        this.order[this.n++] = slot;
        if (this.n * 2 > this.capacity) this.grow();
        return;
      }
      if (this.keys[slot] === key) {
        this.counts[slot]!++;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** Doubles the table, re-inserting the current text's features. */
  private grow(): void {
    const { keys, counts, weights, order, n } = this;
    this.capacity *= 2;
    this.keys = new Int32Array(this.capacity);
    this.counts = new Float32Array(this.capacity);
    this.weights = new Float32Array(this.capacity);
    this.stamps = new Uint32Array(this.capacity);
    this.order = new Int32Array(this.capacity);
    this.gen = 1;
    this.n = 0;
    const mask = this.capacity - 1;
    for (let i = 0; i < n; i++) {
      const old = order[i]!;
      let slot = keys[old]! & mask;
      while (this.stamps[slot] === this.gen) slot = (slot + 1) & mask;
      this.stamps[slot] = this.gen;
      this.keys[slot] = keys[old]!;
      this.counts[slot] = counts[old]!;
      this.weights[slot] = weights[old]!;
      this.order[this.n++] = slot;
    }
  }

  private finish(): number[] {
    const acc = this.acc;
    const dim = this.dimensions;
    acc.fill(0);
    for (let i = 0; i < this.n; i++) {
      const slot = this.order[i]!;
      const key = this.keys[slot]!;
      const v = (1 + Math.log(this.counts[slot]!)) * this.weights[slot]!;
      const bucket = (key >>> 1) % dim;
      acc[bucket] = acc[bucket]! + ((key & 1) === 1 ? v : -v);
    }
    let sum = 0;
    for (let j = 0; j < dim; j++) sum += acc[j]! * acc[j]!;
    const scale = sum > 0 ? 1 / Math.sqrt(sum) : 0;
    const out = new Array<number>(dim);
    for (let j = 0; j < dim; j++) out[j] = acc[j]! * scale;
    return out;
  }
}
