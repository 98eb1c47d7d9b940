/**
 * The vector index holds a compact sketch of each stored embedding, not the embedding itself:
 * hnswlib keeps every vector as float32 in memory, and 768 dimensions at a million chunks are
 * 3 GB. Searches find candidates among the sketches and rank them by the stored full vectors
 * (`SqliteHnswVectorStore.nearest`), so the order of what is returned is exact.
 *
 * The sketch adds coordinate i, with a fixed pseudo-random sign, into coordinate i mod 256 (a
 * count sketch: inner products are preserved in expectation). For the local hash embeddings at
 * 768 dimensions it is the same features hashed into 256 buckets, each with another random sign.
 */
export const SKETCH_DIMENSIONS = 256;

/** Dimensions the index holds for embeddings of `dimensions`. */
export function sketchDimensions(dimensions: number): number {
  return Math.min(dimensions, SKETCH_DIMENSIONS);
}

const signs = new Map<number, Float32Array>();

function signsFor(dimensions: number): Float32Array {
  let table = signs.get(dimensions);
  if (!table) {
    table = Float32Array.from({ length: dimensions }, (_, i) => (Math.imul(i + 1, 0x9e3779b1) >>> 31 ? -1 : 1));
    signs.set(dimensions, table);
  }
  return table;
}

/** The sketch of `vector`; the vector itself when it is already small. */
export function sketch(vector: ArrayLike<number>): ArrayLike<number> {
  const target = sketchDimensions(vector.length);
  if (target === vector.length) return vector;
  const sign = signsFor(vector.length);
  const out = new Float32Array(target);
  for (let i = 0; i < vector.length; i++) out[i % target]! += sign[i]! * vector[i]!;
  return out;
}

/** Cosine similarity of two vectors of the same length. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}
