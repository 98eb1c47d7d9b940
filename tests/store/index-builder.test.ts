import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { VectorIndex } from '../../src/store/vector-index.js';
import { generateCorpus } from '../../scripts/corpus.js';
import { createTestApp, tempDir } from '../helpers.js';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

const DIMS = 16;
const unit = (i: number) => Float32Array.from({ length: DIMS }, (_, d) => (d === i % DIMS ? 1 : 0.01 * ((i * 7 + d) % 5)));

describe('a vector index built on a worker thread', () => {
  it('holds what it held, minus what was removed, plus what was added; searches meanwhile use the old one', async () => {
    const index = VectorIndex.create(dir.path, DIMS);
    for (let i = 1; i <= 20; i++) index.add(i, unit(i));
    index.startBuilding();
    index.apply({ added: [21, 22, 23].map((id) => ({ id, vector: unit(id) })), removed: [3, 4] });
    expect(index.search(unit(21), 1)[0]?.id).not.toBe(21); // not searchable until the build is taken
    expect(index.search(unit(3), 20).map((hit) => hit.id)).not.toContain(3); // but a removal counts at once
    await index.builderCaughtUp(0);
    await index.finishBuilding();
    expect(index.building).toBe(false);
    expect(index.liveIds().sort((a, b) => a - b)).toEqual([1, 2, ...Array.from({ length: 19 }, (_, i) => i + 5)]);
    expect(index.search(unit(22), 1)[0]?.id).toBe(22);
    index.save();
    const reopened = VectorIndex.open(dir.path, DIMS);
    expect(reopened.index.size).toBe(21);
  });

  it('whose worker dies, leaves the old index, which the store catches up from the database', async () => {
    const app: App = await createTestApp(path.join(dir.path, 'store'));
    try {
      const corpus = generateCorpus(25, 4);
      const { store } = app;
      store.vectorSync.startBuilding();
      const builder = (store.vectors.index as unknown as { builder: { worker: Worker } }).builder;
      await builder.worker.terminate(); // killed (memory pressure) before the run wrote anything
      for (const article of corpus.slice(0, 3)) await app.ingest.ingestDocuments([{ source: article.fileName, format: 'text', body: article.text }]);
      await store.vectorSync.finishBuilding();
      expect(store.vectors.index.size).toBe(store.articles.counts().chunks);
      expect(store.vectors.index.size).toBeGreaterThan(3);
    } finally {
      app.close();
    }
  });
});

describe('a bulk ingest into a store that has vectors', () => {
  it('ends with every chunk searchable, old, new and changed ones', async () => {
    const app = await createTestApp(path.join(dir.path, 'store'));
    try {
      const corpus = generateCorpus(60, 8).map((a) => ({ source: a.fileName, format: 'text' as const, body: a.text }));
      await app.ingest.ingestDocuments(corpus.slice(0, 10)); // under 20: written on this thread
      const changed = corpus.slice(0, 10).map((d, i) => (i < 3 ? { ...d, body: d.body.replace('. ', `. Ban Thường vụ yêu cầu các cấp ủy hoàn thành việc sơ kết đợt ${i + 1} trước ngày 30/6/2031. `) } : d));
      const summary = await app.ingest.ingestDocuments([...changed, ...corpus.slice(10)]);
      expect(summary.count('updated')).toBe(3);
      const databaseIds = app.store.articles.chunkIds();
      expect(app.store.vectors.index.liveIds().sort((a, b) => a - b)).toEqual(databaseIds);
      const last = corpus.at(-1)!;
      const found = await app.store.vectors.similaritySearch(last.body.slice(0, 300), 3);
      expect(found.map((d) => d.metadata.source)).toContain(last.source);
    } finally {
      app.close();
    }
  });
});
