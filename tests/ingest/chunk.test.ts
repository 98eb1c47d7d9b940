import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chunkText } from '../../src/ingest/chunk.js';
import { cleanArticle } from '../../src/ingest/clean.js';
import { SEED_004 } from '../helpers.js';

const article = cleanArticle(readFileSync(SEED_004, 'utf8')).text;

describe('chunkText', () => {
  const chunks = chunkText(article);

  it('covers the article with chunks that are exact slices of it', () => {
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) expect(article.slice(chunk.start, chunk.end)).toBe(chunk.text);
    expect(chunks[0]!.start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(article.trimEnd().length);
  });

  it('keeps chunks within the size limit and starts them on sentence boundaries', () => {
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(1000);
      expect(chunk.text).toMatch(/^[\p{Lu}\d]/u);
    }
  });

  it('leaves no gap between consecutive chunks (overlap or adjacency)', () => {
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBeLessThanOrEqual(chunks[i - 1]!.end + 1);
  });

  it('keeps a presenter and the plan presented in one chunk', () => {
    const holding = chunks.filter((chunk) => chunk.text.includes('Nguyễn Thị Tuyến trình bày tóm tắt nội dung Chương trình công tác năm 2024'));
    expect(holding.length).toBeGreaterThan(0);
  });

  it('splits one overlong sentence at clause boundaries', () => {
    const long = `Các nhiệm vụ gồm ${Array.from({ length: 120 }, (_, i) => `nhiệm vụ thứ ${i + 1}`).join(', ')}.`;
    const pieces = chunkText(long, { maxChars: 300, overlapChars: 0 });
    expect(pieces.length).toBeGreaterThan(3);
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(300);
      expect(long.slice(piece.start, piece.end)).toBe(piece.text);
    }
  });
});
