import { sentenceSpans, type Span } from '../text/sentences.js';

export interface Chunk {
  /** Exactly `articleText.slice(start, end)`: quotes can always be cut from the stored article. */
  text: string;
  start: number;
  end: number;
}

export interface ChunkOptions {
  /** Upper bound of a chunk, in characters. A presenter sentence with its plan runs ~300–500. */
  maxChars: number;
  /** Up to this many characters of trailing sentences are repeated at the start of the next chunk. */
  overlapChars: number;
}

export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = { maxChars: 1000, overlapChars: 300 };

/** Breaks a sentence longer than `maxChars` at clause boundaries (`;`, `,`), else at spaces. */
function splitLongSpan(text: string, span: Span, maxChars: number): Span[] {
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > maxChars) {
    const window = text.slice(start, start + maxChars);
    const cut = Math.max(window.lastIndexOf('; '), window.lastIndexOf(', '));
    const at = cut > maxChars / 3 ? cut + 1 : window.lastIndexOf(' ') > 0 ? window.lastIndexOf(' ') : maxChars;
    pieces.push({ start, end: start + at });
    start += at;
    while (text[start] === ' ') start++;
  }
  pieces.push({ start, end: span.end });
  return pieces;
}

/**
 * Packs whole sentences into chunks of at most `maxChars`, repeating the last sentences
 * (up to `overlapChars`) so a fact spanning a boundary is still whole in one chunk.
 * Sentence-aware packing is used instead of a character splitter because every chunk must
 * keep its exact offsets into the article for quoting.
 */
export function chunkText(text: string, options: ChunkOptions = DEFAULT_CHUNK_OPTIONS): Chunk[] {
  const units = sentenceSpans(text).flatMap((span) => splitLongSpan(text, span, options.maxChars));
  const chunks: Chunk[] = [];
  let first = 0;
  while (first < units.length) {
    let last = first;
    const start = units[first]!.start;
    while (last + 1 < units.length && units[last + 1]!.end - start <= options.maxChars) last++;
    const end = units[last]!.end;
    chunks.push({ text: text.slice(start, end), start, end });
    if (last + 1 >= units.length) break;
    // Overlap: step back over trailing sentences that fit in the overlap budget.
    let next = last + 1;
    while (next - 1 > first && end - units[next - 1]!.start <= options.overlapChars) next--;
    first = next;
  }
  return chunks;
}
