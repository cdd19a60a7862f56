import { Embeddings } from "@langchain/core/embeddings";
import { FeatureHasher } from "./hashing.js";

/**
 * The offline default embedder: a deterministic hashed bag of features, no model and no network.
 *
 * Each text becomes diacritic-folded syllable unigrams and bigrams plus character 3-grams inside words,
 * weighted by log term frequency and a fixed list that down-weights Vietnamese function syllables
 * (của, và, các, được, ...) and generic administrative verbs (thực hiện, bảo đảm, ...), signed-hashed
 * into `dimensions` buckets and L2-normalised. The same text always gets the same vector, whatever else
 * is stored.
 *
 * What it can do: lexical and near-lexical similarity (shared syllables and phrases, inflected or
 * misspelt words through 3-grams), insensitive to diacritics and case ("to chuc dang" ≈ "tổ chức Đảng").
 * What it cannot: no synonyms or paraphrase ("giao" vs "phân công"), and nothing cross-lingual: an English
 * question will not match Vietnamese text by meaning. Use an OpenAI-compatible model for that.
 */
export class LocalHashEmbeddings extends Embeddings {
  readonly dimensions: number;
  private readonly hasher: FeatureHasher;

  constructor(opts: { dimensions: number }) {
    super({});
    if (!Number.isInteger(opts.dimensions) || opts.dimensions < 8) {
      throw new RangeError(`LocalHashEmbeddings needs an integer dimension >= 8, got ${opts.dimensions}`);
    }
    this.dimensions = opts.dimensions;
    this.hasher = new FeatureHasher(opts.dimensions);
  }

  /** Synchronous form, for callers that want to avoid a Promise per text. */
  embedText(text: string): number[] {
    return this.hasher.embed(text);
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.hasher.embed(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.hasher.embed(text);
  }
}
