import { createHash } from 'node:crypto';
import { fnv1a } from '../text/hash.js';
import { foldedWordsOf } from '../text/normalize.js';

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}


/** A 32-bit integer mixer (murmur3 finaliser) to derive independent hash functions. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const SIGNATURE_SIZE = 64;
const SHINGLE = 4;
const BAND_ROWS = 6;
const BANDS = 10;
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/**
 * MinHash of 4-syllable shingles of the diacritic-folded text: two reprints of one story
 * (different page furniture, a changed caption) share most shingles.
 */
export function minhashSignature(text: string): Uint32Array {
  const words = foldedWordsOf(text);
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= Math.max(words.length, SHINGLE); i++) {
    shingles.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  }
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const value = mix(shingle ^ SEEDS[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of the shingle sets behind two signatures. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Bump when the banding changes: stored articles get their band keys recomputed. */
export const BANDING_VERSION = 2;

/**
 * Locality-sensitive band keys: articles sharing any key are candidates for a reprint check.
 * 10 bands of 6 rows find pairs with Jaccard 0.8 with probability 0.95 (0.9: 0.9995), while
 * articles that merely share boilerplate (Jaccard 0.3) meet with probability 0.007, so the
 * candidates do not grow with the corpus the way 16 bands of 4 rows did (0.12).
 */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = Array.from(signature.subarray(band * BAND_ROWS, (band + 1) * BAND_ROWS));
    keys.push(`${band}:${fnv1a(rows.join(',')).toString(16)}`);
  }
  return keys;
}
