import { describe, expect, it } from 'vitest';
import { LocalHashEmbeddings } from '../../src/embeddings/local-hash-embeddings.js';
import { cosine, sketch } from '../../src/store/vector-projection.js';
import { createTestApp, BUNDLED_ARTICLES, tempDir } from '../helpers.js';

describe('sketches held by the vector index', () => {
  const small = new LocalHashEmbeddings({ dimensions: 256 });
  const texts = ['Ông Vũ Đức Bảo trình bày Kế hoạch số 04-KH/TU', 'hoàn thành trước ngày 15/1/2021', 'Nghị quyết số 28-NQ/TƯ ngày 17/11/2022'];

  it('leave vectors of 256 dimensions or fewer as they are', () => {
    const vector = small.embed(texts[0]!);
    expect(sketch(vector)).toBe(vector);
  });

  it('keep the similarities of unrelated dense vectors close to the full ones (OpenAI-style embeddings)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
    const base = Array.from({ length: 1536 }, random);
    const near = base.map((x) => x + 0.5 * random());
    const far = Array.from({ length: 1536 }, random);
    expect(cosine(sketch(base), sketch(near))).toBeGreaterThan(0.8);
    expect(Math.abs(cosine(sketch(base), sketch(far)))).toBeLessThan(0.2);
  });
});

describe('a vector search over sketches', () => {
  it('returns passages ranked by the similarity of their full vectors', async () => {
    const dir = tempDir();
    const app = await createTestApp(dir.path);
    try {
      await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
      const query = await app.store.vectors.embeddings.embedQuery('ai trình bày kế hoạch thực hiện nghị quyết');
      const hits = app.store.vectors.nearest(query, 5);
      expect(hits).toHaveLength(5);
      const stored = new Map(app.store.articles.embeddingsOf(hits.map((hit) => hit.id)).map((entry) => [entry.id, entry.vector]));
      for (const hit of hits) expect(hit.similarity).toBeCloseTo(cosine(query, stored.get(hit.id)!), 6);
      const exact = app.store.articles.chunkIds().map((id) => cosine(query, app.store.articles.embeddingsOf([id])[0]!.vector)).sort((a, b) => b - a);
      expect(hits.map((hit) => hit.similarity)).toEqual(exact.slice(0, 5).map((value) => expect.closeTo(value, 6)));
    } finally {
      app.close();
      dir.remove();
    }
  });
});
