import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWatchService } from '../../src/watch/index.js';
import { registerWatch } from '../../src/watch/register.js';
import { BUNDLED_ARTICLES, createTestApp, PROJECT_ROOT, tempDir } from '../helpers.js';
import { articlePage, FeedServer, rss } from '../support/feed-server.js';

const server = new FeedServer();
const dir = tempDir();
beforeAll(() => server.start());
afterAll(async () => {
  await server.stop();
  dir.remove();
});

describe('a restart in the middle of a watch run', () => {
  it('ingests nothing twice and loses nothing', async () => {
    const items = [22, 23, 24, 25, 26];
    server.xml('/r/rss.xml', () => rss(items.map((n) => ({ n })), server.base));
    for (const n of items) server.html(`/bai/${n}.html`, articlePage(n));
    // The third page never answers the first time: the process is killed while it waits.
    let arrived: () => void;
    const third = new Promise<void>((resolve) => (arrived = resolve));
    server.routes.set('/bai/24.html', (_request, response) => {
      server.html('/bai/24.html', articlePage(24));
      arrived();
      response.on('error', () => {});
    });
    const store = path.join(dir.path, 'store');
    const before = await createTestApp(store);
    await registerWatch(before.store, createWatchService(before), `${server.base}/r/rss.xml`, [], 60);
    before.close();

    const child = spawn(path.join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['src/cli/watch.ts', 'run'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATA_DIR: store, ARTICLES_DIR: BUNDLED_ARTICLES, ALLOW_PRIVATE_URLS: 'true', LOG_LEVEL: 'silent', FETCH_TIMEOUT_MS: '60000' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await third;
    child.kill('SIGKILL');
    await exited;

    const after = await createTestApp(store);
    try {
      expect(after.store.articles.counts().articles).toBe(2); // the two pages before the kill, each whole
      const [check] = await createWatchService(after).run({ all: true });
      expect(check).toMatchObject({ status: 'not modified', pending: 0 });
      expect(check!.ingested).toHaveLength(3);
      const sources = after.store.articles.listArticles().flatMap((a) => a.sources);
      expect(sources.sort()).toEqual(items.map((n) => `${server.base}/bai/${n}.html`).sort());
      expect(after.store.articles.counts().chunks).toBe(after.store.vectors.index.size);
      for (const n of [22, 23, 25, 26]) expect(server.count(`/bai/${n}.html`)).toBe(1);
      expect(server.count('/bai/24.html')).toBe(2); // the download the kill cut short, then the one that landed
    } finally {
      after.close();
    }
  }, 60_000);
});
