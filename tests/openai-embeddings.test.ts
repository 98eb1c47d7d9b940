import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_ARTICLES, createTestApp, tempDir } from './helpers.js';
import { OpenAIStub } from './support/openai-stub.js';

const stub = new OpenAIStub();
let baseUrl: string;
beforeAll(async () => {
  baseUrl = await stub.start();
});
afterAll(() => stub.stop());

describe('EMBEDDINGS=openai against an OpenAI-compatible server', () => {
  it('embeds chunks and questions through /v1/embeddings and retrieves with them', async () => {
    const dir = tempDir();
    const env = { EMBEDDINGS: 'openai', OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: 'sk-test-secret', EMBEDDING_MODEL: 'nomic-embed-text' };
    const app = await createTestApp(path.join(dir.path, 'store'), env);
    try {
      expect(app.model.dimensions).toBe(256);
      expect(app.model.modelId).toContain('nomic-embed-text');
      await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
      expect(app.store.vectors.index.size).toBe(app.store.articles.counts().chunks);
      const hits = await app.store.vectors.similaritySearch('Vũ Đức Bảo trình bày Kế hoạch', 3);
      expect(hits.some((hit) => hit.pageContent.includes('Vũ Đức Bảo'))).toBe(true);

      const calls = stub.requests.filter((r) => r.path === '/v1/embeddings');
      expect(calls.length).toBeGreaterThan(1);
      expect(calls.every((r) => r.authorization === 'Bearer sk-test-secret' && r.body.model === 'nomic-embed-text')).toBe(true);
      expect(calls.every((r) => r.body.encoding_format === 'float')).toBe(true);
    } finally {
      app.close();
      dir.remove();
    }
  });

  it('turns a failing server into a clear per-article error that stores nothing', async () => {
    const dir = tempDir();
    const app = await createTestApp(path.join(dir.path, 'store'), { EMBEDDINGS: 'openai', OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: 'sk-x', EMBEDDING_MODEL: 'nomic-embed-text' });
    stub.failWith = 400;
    try {
      const summary = await app.ingest.ingestInputs([path.join(BUNDLED_ARTICLES, '003_b463fc8586e5a2ca.txt')]);
      expect(summary.failures[0]?.message).toMatch(/^003_b463fc8586e5a2ca\.txt: không tính được vector nhúng/);
      expect(app.store.articles.counts()).toEqual({ articles: 0, chunks: 0, sources: 0 });
    } finally {
      stub.failWith = undefined;
      app.close();
      dir.remove();
    }
  });
});
