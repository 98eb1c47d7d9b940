import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { fnv1a } from '../text/hash.js';
import { foldForMatch, wordsOf } from '../text/normalize.js';

/**
 * Function syllables that carry little meaning on their own (folded). Down-weighted, not
 * dropped: "của Thành ủy" still says something in a bigram.
 */
const LIGHT_SYLLABLES = new Set(
  (
    'va cua cac nhung la co duoc trong cho voi de ve tai da se nay do mot khong theo tu den ' +
    'nhu khi thi ma hay hoac cung con neu vi bang sau truoc tren duoi ra vao lai rat nhieu ' +
    'moi tat ca chi van dang bi boi qua nen ay kia nao gi ai day the o viec cach nguoi nhat ' +
    'the of and in on for to is are was were be by with at from as that this which who what'
  ).split(' '),
);

export interface LocalHashEmbeddingsOptions extends EmbeddingsParams {
  dimensions?: number;
  /** Feature weights; the defaults were chosen by measuring retrieval on the dev set. */
  weights?: Partial<FeatureWeights>;
}

export interface FeatureWeights {
  /** Diacritic-folded syllable: matches questions typed with or without marks. */
  syllable: number;
  /** Syllable as written (with marks): separates "bảo" from "bão" when both sides have marks. */
  markedSyllable: number;
  /** Pair of adjacent folded syllables: Vietnamese words are mostly two syllables. */
  bigram: number;
  /** Character trigrams of folded syllables: survive typos and partial ids. */
  trigram: number;
  /** Multiplier for function syllables. */
  light: number;
}

export const DEFAULT_WEIGHTS: FeatureWeights = { syllable: 1, markedSyllable: 0.35, bigram: 0.9, trigram: 0.15, light: 0.2 };

/**
 * Offline, deterministic embeddings for Vietnamese: hashed features of syllables (folded
 * and as written), syllable bigrams and character trigrams, with sublinear term frequency
 * and signed hashing, L2-normalised. No weights to download; same text, same vector,
 * on any machine.
 */
export class LocalHashEmbeddings extends Embeddings {
  readonly dimensions: number;
  readonly weights: FeatureWeights;
  readonly modelId: string;

  constructor(options: LocalHashEmbeddingsOptions = {}) {
    super(options);
    this.dimensions = options.dimensions ?? 768;
    this.weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const w = this.weights;
    this.modelId = `local-hash-v1:${this.dimensions}:${w.syllable}/${w.markedSyllable}/${w.bigram}/${w.trigram}/${w.light}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  /** Synchronous core, for callers that embed in a tight loop. */
  embed(text: string): number[] {
    const counts = new Map<string, number>();
    const bump = (feature: string, weight: number) => {
      if (weight > 0) counts.set(feature, (counts.get(feature) ?? 0) + weight);
    };
    const marked = wordsOf(text.normalize('NFC').toLowerCase());
    const folded = marked.map(foldForMatch);
    const w = this.weights;
    folded.forEach((syllable, i) => {
      const light = LIGHT_SYLLABLES.has(syllable) ? w.light : 1;
      bump(`s:${syllable}`, w.syllable * light);
      if (marked[i] !== syllable) bump(`m:${marked[i]}`, w.markedSyllable * light);
      const next = folded[i + 1];
      if (next !== undefined) {
        const pairLight = LIGHT_SYLLABLES.has(syllable) && LIGHT_SYLLABLES.has(next) ? w.light : 1;
        bump(`b:${syllable} ${next}`, w.bigram * pairLight);
      }
      if (w.trigram > 0 && syllable.length >= 4) {
        const padded = `<${syllable}>`;
        for (let j = 0; j + 3 <= padded.length; j++) bump(`c:${padded.slice(j, j + 3)}`, w.trigram * light);
      }
    });

    const vector = new Float64Array(this.dimensions);
    for (const [feature, count] of counts) {
      const hash = fnv1a(feature);
      const sign = hash & 0x80000000 ? -1 : 1;
      vector[hash % this.dimensions]! += sign * (count <= 1 ? count : 1 + Math.log(count));
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    return Array.from(vector, (value) => value / norm);
  }
}
