import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { generateCorpus } from '../../scripts/corpus.js';
import { LocalHashEmbeddings } from '../../src/embeddings/local-hash-embeddings.js';
import { MANIFEST_FILE } from '../../src/store/vector-index.js';
import { BUNDLED_ARTICLES, createTestApp, storeSnapshot, tempDir } from '../helpers.js';

let dir: ReturnType<typeof tempDir>;
let dataDir: string;
let app: App;

beforeEach(async () => {
  dir = tempDir();
  dataDir = path.join(dir.path, 'store');
  app = await createTestApp(dataDir);
  await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
});
afterEach(() => {
  app.close();
  chmodSync(dataDir, 0o755);
  dir.remove();
});

const indexFile = () => path.join(dataDir, readdirSync(dataDir).find((name) => /^vectors\.\d+\.hnsw$/.test(name))!);
const chunkIds = (a: App) => a.store.articles.chunkIds();

describe('opening a store', () => {
  it('loads the saved index as it is when it agrees with the database', async () => {
    app.close();
    app = await createTestApp(dataDir);
    expect(app.store.openReport).toEqual({ index: 'loaded', reembedded: 0, vectorsAdded: 0, vectorsRemoved: 0, rebuilt: false });
  });

  it('rebuilds a corrupted index file from the stored embeddings, database untouched', async () => {
    app.close();
    const file = indexFile();
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    const dbBefore = readFileSync(path.join(dataDir, 'store.db'));
    app = await createTestApp(dataDir);
    expect(app.store.openReport).toMatchObject({ index: 'unreadable', rebuilt: true });
    expect(app.store.vectors.index.liveIds().sort((a, b) => a - b)).toEqual(chunkIds(app));
    const [top] = await app.retriever.invoke('Vũ Đức Bảo trình bày');
    expect(top?.pageContent).toContain('Vũ Đức Bảo');
    expect(app.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(app.store.articles.counts().articles).toBe(5);
    expect(dbBefore.length).toBeGreaterThan(0);
  });

  it('rebuilds when the manifest is garbage', async () => {
    app.close();
    writeFileSync(path.join(dataDir, MANIFEST_FILE), '{"format":');
    app = await createTestApp(dataDir);
    expect(app.store.openReport).toMatchObject({ index: 'unreadable', rebuilt: true });
    expect(app.store.vectors.index.size).toBe(app.store.articles.counts().chunks);
  });

  it('rebuilds an index saved in the older layout (full vectors) as sketches, and still finds by meaning', async () => {
    app.close();
    const manifestPath = path.join(dataDir, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ format: 1, generation: manifest.generation, file: manifest.file, dimensions: 768, deleted: [] }));
    app = await createTestApp(dataDir);
    expect(app.store.openReport).toMatchObject({ index: 'outdated', rebuilt: true });
    expect(app.store.vectors.index.size).toBe(app.store.articles.counts().chunks);
    expect(JSON.parse(readFileSync(manifestPath, 'utf8'))).toMatchObject({ format: 2, dimensions: 768, indexDimensions: 256 });
    const [top] = await app.retriever.invoke('Vũ Đức Bảo trình bày');
    expect(top?.pageContent).toContain('Vũ Đức Bảo');
  });

  it('catches up an index saved before the last database writes', async () => {
    app.close();
    const staleManifest = readFileSync(path.join(dataDir, MANIFEST_FILE));
    const staleFile = readFileSync(indexFile());
    app = await createTestApp(dataDir);
    app.ingest.deleteArticle('000_858032534c20a8a8.txt');
    await app.ingest.ingestDocuments([{ source: 'moi.txt', format: 'text', body: 'Bài mới\nSáng 2/3, Tỉnh ủy Nghệ An tổ chức hội nghị. Giám đốc Sở Tài chính Trần Văn Nam báo cáo Kế hoạch số 12-KH/TU về thực hiện Nghị quyết số 57-NQ/TW, hoàn thành trước ngày 30/6/2024. '.repeat(2) }]);
    app.close();
    // Put back the older index, as if the process died after the database commit.
    for (const name of readdirSync(dataDir).filter((n) => /^vectors\./.test(n))) writeFileSync(path.join(dataDir, name), '');
    writeFileSync(path.join(dataDir, MANIFEST_FILE), staleManifest);
    writeFileSync(path.join(dataDir, JSON.parse(staleManifest.toString()).file), staleFile);

    app = await createTestApp(dataDir);
    expect(app.store.openReport.vectorsAdded).toBeGreaterThan(0);
    expect(app.store.openReport.vectorsRemoved).toBeGreaterThan(0);
    expect(app.store.vectors.index.liveIds().sort((a, b) => a - b)).toEqual(chunkIds(app));
  });

  it('re-embeds every chunk when the embedding model changes, instead of mixing vector spaces', async () => {
    app.close();
    const other = new LocalHashEmbeddings({ dimensions: 256 });
    app = await createTestApp(dataDir, {}, { embeddingModel: { embeddings: other, modelId: other.modelId, dimensions: 256 } });
    expect(app.store.openReport.reembedded).toBe(app.store.articles.counts().chunks);
    expect(app.store.vectors.index.dimensions).toBe(256);
    expect(app.store.vectors.index.size).toBe(app.store.articles.counts().chunks);
    const [top] = await app.retriever.invoke('vu duc bao');
    expect(top?.pageContent).toContain('Vũ Đức Bảo');
  });
});

describe('a data directory that cannot be written', () => {
  it('a full disk stops the ingest with a clear error and leaves the store as it was', async () => {
    const before = storeSnapshot(app);
    app.store.db.exec('VACUUM'); // no free pages left to write into
    app.store.db.pragma(`max_page_count = ${app.store.db.pragma('page_count', { simple: true })}`);
    const documents = generateCorpus(20, 7).map((article) => ({ source: article.fileName, format: 'text' as const, body: article.text }));
    await expect(app.ingest.ingestDocuments(documents)).rejects.toThrow(/^Kho dữ liệu .* đã đầy/);
    expect(storeSnapshot(app)).toEqual(before);
    expect(app.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a read-only store stops the ingest with a clear error and leaves the store as it was', async () => {
    const before = storeSnapshot(app);
    app.store.db.pragma('query_only = ON'); // every write now fails with SQLITE_READONLY, as on a read-only mount
    const documents = generateCorpus(3, 8).map((article) => ({ source: article.fileName, format: 'text' as const, body: article.text }));
    await expect(app.ingest.ingestDocuments(documents)).rejects.toThrow(/^Không ghi được vào kho dữ liệu .*store/);
    app.store.db.pragma('query_only = OFF');
    expect(storeSnapshot(app)).toEqual(before);
  });

  it('fails when DATA_DIR is a file, with the path in the message', async () => {
    const file = path.join(dir.path, 'a-file');
    writeFileSync(file, 'x');
    await expect(createTestApp(file)).rejects.toThrow(/Không ghi được vào thư mục dữ liệu .*a-file/);
  });
});
