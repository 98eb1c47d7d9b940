import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { App } from '../../src/app.js';
import { PreparePool } from '../../src/ingest/prepare-pool.js';
import type { LoadedDocument } from '../../src/ingest/sources.js';
import { generateCorpus } from '../../scripts/corpus.js';
import { createTestApp, tempDir } from '../helpers.js';

let dir: ReturnType<typeof tempDir>;
let bulk: App;
let oneByOne: App;

beforeEach(async () => {
  dir = tempDir();
  bulk = await createTestApp(path.join(dir.path, 'bulk'));
  oneByOne = await createTestApp(path.join(dir.path, 'one-by-one'));
});
afterEach(() => {
  bulk.close();
  oneByOne.close();
  dir.remove();
});

/** Everything ingest wrote, without row ids and clocks: what a user's answers are made of. */
function contents(app: App) {
  const db = app.store.db;
  return {
    articles: db.prepare('SELECT a.id, source, title, published_date, content_hash, text, signature FROM articles a JOIN article_signatures s ON s.article_id = a.id ORDER BY a.id').all(),
    sources: db.prepare('SELECT source, article_id FROM article_sources ORDER BY source').all(),
    chunks: db.prepare('SELECT c.article_id, c.position, c.text, e.vector FROM chunks c JOIN chunk_embeddings e ON e.chunk_id = c.id ORDER BY c.article_id, c.position').all(),
    presentations: db.prepare('SELECT * FROM presentations ORDER BY article_id, quote').all().map(({ id: _id, ...row }: any) => row),
    deadlines: db.prepare('SELECT * FROM deadlines ORDER BY article_id, quote').all().map(({ id: _id, ...row }: any) => row),
    vectors: app.store.vectors.index.size,
  };
}

describe('a bulk ingest prepared on worker threads', () => {
  // Enough that the later ones are prepared on the worker, which takes about a second to start.
  const corpus = generateCorpus(400, 3);
  const documents: LoadedDocument[] = [
    ...corpus.map((article) => ({ source: article.fileName, format: 'text' as const, body: article.text })),
    { source: 'trang-trong.txt', format: 'text', body: 'Tin ngắn.' }, // too short to be an article
    { source: 'dang-lai.txt', format: 'text', body: corpus[4]!.text }, // the same story from another source
  ];

  it('stores exactly what preparing every document on the main thread stores, failures and reprints included', async () => {
    const together = await bulk.ingest.ingestDocuments(documents);
    const separately = [];
    // Runs too short for a pool (under 20 inputs) prepare every document on the main thread.
    for (let i = 0; i < documents.length; i += 19) separately.push(await oneByOne.ingest.ingestDocuments(documents.slice(i, i + 19)));

    expect(together.results.map((r) => [r.source, r.outcome, r.articleId])).toEqual(separately.flatMap((s) => s.results).map((r) => [r.source, r.outcome, r.articleId]));
    expect(together.failures).toEqual(separately.flatMap((s) => s.failures));
    expect(together.failures).toEqual([expect.objectContaining({ input: 'trang-trong.txt', code: 'INPUT_NO_ARTICLE' })]);
    expect(together.count('reprint')).toBe(1);
    expect(contents(bulk)).toEqual(contents(oneByOne));
    expect(contents(bulk).vectors).toBeGreaterThan(400);
  });

  it('ingested again unchanged, writes nothing', async () => {
    const some = [...documents.slice(0, 30), ...documents.slice(-2)];
    await bulk.ingest.ingestDocuments(some);
    const before = contents(bulk);
    const again = await bulk.ingest.ingestDocuments(some);
    expect(again.count('unchanged') + again.count('reprint')).toBe(some.length - 1);
    expect(contents(bulk)).toEqual(before);
  });
});

describe('the prepare workers', () => {
  const document: LoadedDocument = { source: 'a.txt', format: 'text', body: generateCorpus(1, 9)[0]!.text };

  it('clean and embed off the main thread, with the vectors the model gives', async () => {
    const pool = PreparePool.start(oneByOne.model);
    try {
      await vi.waitUntil(async () => (await pool.prepare(document)).vectors !== undefined, { timeout: 20_000, interval: 100 });
      const { article, vectors } = await pool.prepare(document);
      expect(pool.fellBack).toBe(false);
      const expected = await oneByOne.model.embeddings.embedDocuments(article.chunks.map((chunk) => chunk.text));
      expect(vectors?.map((vector) => Array.from(vector))).toEqual(expected.map((vector) => Array.from(Float32Array.from(vector))));
    } finally {
      await pool.close();
    }
  });

  it('lose nothing when they die: what a dead worker held is prepared on the main thread', async () => {
    const pool = PreparePool.start(oneByOne.model);
    try {
      await vi.waitUntil(async () => (await pool.prepare(document)).vectors !== undefined, { timeout: 20_000, interval: 100 });
      const held = [pool.prepare({ ...document, source: 'b.txt' }), pool.prepare({ ...document, source: 'c.txt' })];
      // Killed from outside (as the system would on memory pressure) with both documents on it.
      await (pool as unknown as { ready: Worker[] }).ready[0]!.terminate();
      const prepared = await Promise.all(held);
      expect(pool.fellBack).toBe(true);
      expect(prepared.map((p) => p.article.source)).toEqual(['b.txt', 'c.txt']);
      expect(prepared[0]!.article.chunks.length).toBeGreaterThan(0);
      expect((await pool.prepare({ ...document, source: 'd.txt' })).article.source).toBe('d.txt');
    } finally {
      await pool.close();
    }
  });
});
