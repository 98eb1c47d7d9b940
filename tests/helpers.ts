import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createApp, type App, type AppOverrides } from '../src/app.js';
import { loadConfig } from '../src/config/index.js';

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
export const BUNDLED_ARTICLES = path.join(PROJECT_ROOT, 'data/articles');
export const SEED_004 = path.join(BUNDLED_ARTICLES, '004_cc5a3be2236aad9d.txt');

export function tempDir(prefix = 'rpb-'): { path: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { path: dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A whole app on a fresh data directory, as a user would get it, with logs silenced; its loopback test servers may be fetched. */
export async function createTestApp(dataDir: string, env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<App> {
  const config = loadConfig({ DATA_DIR: dataDir, ARTICLES_DIR: BUNDLED_ARTICLES, LOG_LEVEL: 'silent', ALLOW_PRIVATE_URLS: 'true', ...env });
  return createApp(config, overrides);
}

/** Everything a user could observe of a store, to assert that a failed input changed nothing. */
export function storeSnapshot(app: App): unknown {
  const db = app.store.db;
  return {
    articles: db.prepare('SELECT id, source, title, content_hash, updated_at FROM articles ORDER BY id').all(),
    sources: db.prepare('SELECT source, article_id, content_hash FROM article_sources ORDER BY source').all(),
    chunks: db.prepare('SELECT id, article_id, position, start, end FROM chunks ORDER BY id').all(),
    fts: db.prepare('SELECT count(*) AS n FROM chunk_fts').get(),
    vectors: app.store.vectors.index.liveIds().sort((a, b) => a - b),
  };
}

export async function searchSources(app: App, query: string, k = 5): Promise<string[]> {
  const documents = await app.retriever.invoke(query);
  return documents.slice(0, k).map((document) => String(document.metadata.source));
}

/** One app with the bundled articles for a whole test file (beforeAll/afterAll); call the getter inside tests. */
export function useBundledApp(env: Record<string, string> = {}, overrides: AppOverrides = {}): () => App {
  let dir: ReturnType<typeof tempDir>;
  let app: App;
  beforeAll(async () => {
    dir = tempDir();
    app = await createTestApp(path.join(dir.path, 'store'), env, overrides);
    await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
  });
  afterAll(() => {
    app.close();
    dir.remove();
  });
  return () => app;
}
