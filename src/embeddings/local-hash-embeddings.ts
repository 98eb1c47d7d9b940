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

/** FNV-1a state after each feature's prefix: hashing the rest from it hashes the whole feature string. */
const SYLLABLE_SEED = fnv1a('s:');
const MARKED_SEED = fnv1a('m:');
const BIGRAM_SEED = fnv1a('b:');
const DOCUMENT_SEED = fnv1a('d:');

/** Folded syllables met so far (a few thousand in all): folding each occurrence again was a share of embedding. */
const FOLDED_SYLLABLES = new Map<string, string>();
const MAX_FOLDED_SYLLABLES = 200_000;

function foldSyllable(syllable: string): string {
  let folded = FOLDED_SYLLABLES.get(syllable);
  if (folded === undefined) {
    if (FOLDED_SYLLABLES.size >= MAX_FOLDED_SYLLABLES) FOLDED_SYLLABLES.clear();
    folded = foldForMatch(syllable);
    FOLDED_SYLLABLES.set(syllable, folded);
  }
  return folded;
}

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
  /** Multiplier for function syllables. */
  light: number;
  /** A document number and symbol as one token ("28-nq/tw"): distinguishes plan 28 from plan 29. */
  documentId: number;
}

/**
 * Chosen with `scripts/measure-embeddings.ts` (recall@5 of the answer passage): document ids
 * as single features lift diacritic-free questions about numbered plans from 48% to 75%;
 * character trigrams (tried at 0.15 and 0.4) and 1,024+ dimensions did not help reliably.
 */
export const DEFAULT_WEIGHTS: FeatureWeights = { syllable: 1, markedSyllable: 0.35, bigram: 0.9, light: 0.2, documentId: 4 };

// "28-NQ/TƯ", "04-KH/TU", "5418/UBND-TKBT", "96/2023/QH15": a number joined to a symbol.
const DOCUMENT_ID = /(?<![\p{L}\p{N}])\d{1,5}(?:[-/][\p{L}\d]+)+/gu;

/** Document ids in a text, folded (TƯ → tu) so "28-NQ/TƯ" and "28-nq/tu" meet. */
export function documentIdsIn(text: string): string[] {
  return (text.match(DOCUMENT_ID) ?? []).map((id) => foldForMatch(id).replace(/\/tw$/, '/tu'));
}

/**
 * Offline, deterministic embeddings for Vietnamese: hashed features of syllables (folded
 * and as written), syllable bigrams and whole document ids, with sublinear term frequency
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
    this.modelId = `local-hash-v1:${this.dimensions}:${w.syllable}/${w.markedSyllable}/${w.bigram}/${w.light}/${w.documentId}`;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text) => this.embed(text));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }

  /** Synchronous core, for callers that embed in a tight loop. */
  embed(text: string): number[] {
    return Array.from(this.normalizedVector(text));
  }

  /** The same vector as stored (float32), without an intermediate array: bulk ingest embeds this way. */
  embedForStorage(text: string): Float32Array {
    return Float32Array.from(this.normalizedVector(text));
  }

  private normalizedVector(text: string): Float64Array {
    // Features are counted by their hash (the hash of "s:" + syllable, computed without building
    // the string): the same vector as counting the strings, save for two features whose 32-bit
    // hashes collide, and a bulk ingest builds no feature strings.
    const counts = new Map<number, number>();
    const bump = (hash: number, weight: number) => {
      if (weight > 0) counts.set(hash, (counts.get(hash) ?? 0) + weight);
    };
    const marked = wordsOf(text.normalize('NFC').toLowerCase());
    const folded = marked.map(foldSyllable);
    const w = this.weights;
    folded.forEach((syllable, i) => {
      const light = LIGHT_SYLLABLES.has(syllable) ? w.light : 1;
      bump(fnv1a(syllable, SYLLABLE_SEED), w.syllable * light);
      if (marked[i] !== syllable) bump(fnv1a(marked[i]!, MARKED_SEED), w.markedSyllable * light);
      const next = folded[i + 1];
      if (next !== undefined) {
        const pairLight = LIGHT_SYLLABLES.has(syllable) && LIGHT_SYLLABLES.has(next) ? w.light : 1;
        bump(fnv1a(next, fnv1a(' ', fnv1a(syllable, BIGRAM_SEED))), w.bigram * pairLight);
      }
    });

    for (const id of documentIdsIn(text)) bump(fnv1a(id, DOCUMENT_SEED), w.documentId);

    const vector = new Float64Array(this.dimensions);
    for (const [hash, count] of counts) {
      const sign = hash & 0x80000000 ? -1 : 1;
      vector[hash % this.dimensions]! += sign * (count <= 1 ? count : 1 + Math.log(count));
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
    return vector;
  }
}
