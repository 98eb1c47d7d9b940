import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createWatchService, type WatchService } from '../../src/watch/index.js';
import { describeWatch } from '../../src/watch/describe.js';
import { registerWatch } from '../../src/watch/register.js';
import { createTestApp, storeSnapshot, tempDir } from '../helpers.js';
import { articlePage, atom, FeedServer, presenterOf, rss, sitemap, sitemapIndex } from '../support/feed-server.js';

const server = new FeedServer();
beforeAll(async () => {
  await server.start();
  for (let n = 1; n <= 30; n++) server.html(`/bai/${n}.html`, articlePage(n));
  server.html('/bai/99.html', articlePage(99, 'Giải bóng đá thiếu niên tỉnh khai mạc'));
});
afterAll(() => server.stop());

let dir: ReturnType<typeof tempDir>;
let app: App;
let service: WatchService;
beforeEach(async () => {
  dir = tempDir();
  app = await createTestApp(path.join(dir.path, 'store'), { FETCH_TIMEOUT_MS: '800', MAX_FEED_MB: '1' });
  service = createWatchService(app);
});
afterEach(() => {
  app.close();
  dir.remove();
});

const pageFetches = () => server.requests.filter((p) => p.startsWith('/bai/'));
const sourcesStored = () => app.store.articles.listArticles().flatMap((a) => a.sources).sort();

describe('watched feeds and sitemaps', () => {
  it('ingests the new items of an RSS feed, an Atom feed and a sitemap index once, and a second run downloads nothing', async () => {
    const feed = { rss: [{ n: 1 }, { n: 2 }, { n: 99, title: 'Giải bóng đá thiếu niên tỉnh khai mạc' }], atom: [3, 4], first: [5, 6], second: [7] };
    server.xml('/a/rss.xml', () => rss(feed.rss, server.base));
    server.xml('/a/atom.xml', () => atom(feed.atom, server.base), 'last-modified');
    server.xml('/a/sitemap.xml', () => sitemapIndex(['/a/sm-1.xml', '/a/sm-2.xml'], server.base));
    server.xml('/a/sm-1.xml', () => sitemap(feed.first, server.base));
    server.xml('/a/sm-2.xml', () => sitemap(feed.second, server.base), 'last-modified');
    for (const route of ['/a/rss.xml', '/a/atom.xml', '/a/sitemap.xml']) await registerWatch(app.store, service, `${server.base}${route}`, [], 60);
    const fetchedBefore = pageFetches().length;

    const first = await service.run({ all: true });
    expect(first.map((c) => [c.status, c.ingested.length, c.skipped])).toEqual([
      ['checked', 2, 1], // the football item has none of the plan words: read once, not stored
      ['checked', 2, 0],
      ['checked', 3, 0],
    ]);
    expect(sourcesStored()).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `${server.base}/bai/${n}.html`).sort());
    expect(pageFetches().length - fetchedBefore).toBe(8);

    // Nothing changed: every source answers 304 (ETag or Last-Modified), no page is downloaded.
    const snapshot = storeSnapshot(app);
    const second = await service.run({ all: true });
    expect(second.map((c) => c.status)).toEqual(['not modified', 'not modified', 'not modified']);
    expect(pageFetches().length - fetchedBefore).toBe(8);
    expect(storeSnapshot(app)).toEqual(snapshot);

    // New items in each (a sitemap changes while its index stays the same): only they are fetched.
    feed.rss.unshift({ n: 8 });
    feed.atom.unshift(9);
    feed.second.push(10);
    const third = await service.run({ all: true });
    expect(third.map((c) => [c.newItems, c.ingested.length])).toEqual([[1, 1], [1, 1], [1, 1]]);
    expect(third[2]!.status).toBe('not modified');
    for (let n = 1; n <= 10; n++) expect(server.count(`/bai/${n}.html`)).toBe(1);
    expect(server.count('/bai/99.html')).toBe(1);
    expect(app.store.articles.counts().articles).toBe(10);
    expect(app.store.facts.presentationsByPerson(presenterOf(8))).toHaveLength(1);

    const listed = app.store.watches.all().map((w) => describeWatch(w, 0, 'Asia/Ho_Chi_Minh').join('\n'));
    expect(listed[0]).toMatch(/#1 Tin Tỉnh ủy — http:\/\/127\.0\.0\.1:\d+\/a\/rss\.xml \(RSS, mỗi 60 phút\)/);
    expect(listed[0]).toContain('từ khóa: nghị quyết, kế hoạch, chương trình, chỉ thị, kết luận');
    expect(listed[0]).toMatch(/bài mới gần nhất: \d\d:\d\d \d\d\/\d\d\/\d{4}/);
  });

  it('keeps to its own words, caps the items of one run and does the rest the next', async () => {
    let items = [11];
    server.xml('/b/rss.xml', () => rss(items.map((n) => ({ n })), server.base));
    await registerWatch(app.store, service, `${server.base}/b/rss.xml`, ['Kế hoạch số 112-KH/TU, kế hoạch số 114-KH/TU'], 60);
    expect((await service.run({ all: true, maxItems: 3 }))[0]).toMatchObject({ newItems: 1, skipped: 1, ingested: [] });
    items = [15, 14, 13, 12, 11];
    const [second] = await service.run({ all: true, maxItems: 3 });
    // 15, 14, 13 in this run (13 and 15 have none of the words), 12 waits for the next.
    expect(second).toMatchObject({ newItems: 4, pending: 1, skipped: 2, ingested: ['Tỉnh ủy triển khai Kế hoạch số 114-KH/TU'] });
    const [third] = await service.run({ maxItems: 3 }); // due again at once: an item is still waiting
    expect(third).toMatchObject({ status: 'not modified', newItems: 0, pending: 0, ingested: ['Tỉnh ủy triển khai Kế hoạch số 112-KH/TU'] });
    expect(sourcesStored()).toEqual([`${server.base}/bai/12.html`, `${server.base}/bai/14.html`]);
  });

  it('on its first check takes a source\'s newest items and remembers the older ones unread', async () => {
    server.xml('/g/sitemap.xml', () => sitemap([21, 22, 23, 24, 25], server.base));
    await registerWatch(app.store, service, `${server.base}/g/sitemap.xml`, [], 60);
    const fetched = pageFetches().length;
    const [first] = await service.run({ all: true, maxItems: 2 });
    expect(first).toMatchObject({ newItems: 2, pending: 0 });
    expect(first!.ingested).toHaveLength(2);
    expect(pageFetches().length - fetched).toBe(2);
    expect(app.store.watches.items(first!.id).map((i) => [i.url.replace(server.base, ''), i.status, i.detail])).toEqual([
      ['/bai/21.html', 'ingested', 'added'],
      ['/bai/22.html', 'ingested', 'added'],
      ['/bai/23.html', 'skipped', 'có trước khi theo dõi'],
      ['/bai/24.html', 'skipped', 'có trước khi theo dõi'],
      ['/bai/25.html', 'skipped', 'có trước khi theo dõi'],
    ]);
  });

  it('a source removed while it is being checked stops only itself', async () => {
    let release: () => void = () => {};
    server.routes.set('/h/slow.xml', (_q, r) => {
      release = () => r.writeHead(200, { 'content-type': 'application/xml' }).end(rss([{ n: 26 }], server.base));
    });
    server.xml('/h/other.xml', () => rss([{ n: 27 }], server.base));
    app.store.watches.add(`${server.base}/h/slow.xml`, ['kế hoạch'], 60, 'rss', null);
    app.store.watches.add(`${server.base}/h/other.xml`, ['kế hoạch'], 60, 'rss', null);
    const run = service.run({ all: true });
    await expect.poll(() => server.count('/h/slow.xml')).toBe(1);
    app.store.watches.remove(1);
    release();
    const checks = await run;
    expect(checks.find((c) => c.id === 2)).toMatchObject({ status: 'checked', newItems: 1 });
    expect(sourcesStored()).toEqual([`${server.base}/bai/27.html`]);
  });

  it('refuses bad sources with a clear message and stores nothing', async () => {
    server.html('/c/trang.html', '<!doctype html><html><body><h1>Trang chủ</h1></body></html>');
    server.routes.set('/c/hong.xml', (_q, r) => r.writeHead(200, { 'content-type': 'application/xml' }).end('<rss><channel><item><title>x</item></channel>'));
    server.routes.set('/c/lon.xml', (_q, r) => {
      r.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(1024 * 1024, ' ');
      let sent = 0;
      const more = () => {
        while (sent < 50 && r.write(chunk)) sent++;
        if (sent < 50) r.once('drain', more);
        else r.end();
      };
      r.on('error', () => {});
      more();
    });
    server.redirect('/c/vong-1', '/c/vong-2');
    server.redirect('/c/vong-2', '/c/vong-1');
    server.hang('/c/cham.xml');
    const before = storeSnapshot(app);
    const refusals: Record<string, RegExp> = {
      '/c/trang.html': /trang\/?.*HTML, không phải nguồn tin RSS\/Atom hay sitemap|trang HTML/,
      '/c/hong.xml': /XML hỏng \(dòng 1/,
      '/c/lon.xml': /nguồn tin quá lớn \(giới hạn 1\.0 MB\)/,
      '/c/vong-1': /chuyển hướng vòng lặp/,
      '/c/cham.xml': /máy chủ không trả lời sau 0\.8 giây/,
      '/c/khong-co.xml': /lỗi HTTP 404/,
    };
    for (const [route, message] of Object.entries(refusals)) {
      await expect(registerWatch(app.store, service, `${server.base}${route}`, [], 60)).rejects.toThrow(message);
    }
    await expect(registerWatch(app.store, service, 'ftp://127.0.0.1/rss.xml', [], 60)).rejects.toThrow('chỉ hỗ trợ địa chỉ http:// hoặc https://');
    expect(app.store.watches.all()).toEqual([]);
    expect(storeSnapshot(app)).toEqual(before);
  });

  it('never follows an item link that is not http(s)', async () => {
    server.xml('/d/rss.xml', () =>
      rss([{ n: 16 }, { n: 0, link: 'javascript:alert(1)' }, { n: 0, link: 'mailto:toa-soan@example.vn' }, { n: 0, link: 'ftp://127.0.0.1/bai.txt' }], server.base),
    );
    await registerWatch(app.store, service, `${server.base}/d/rss.xml`, [], 60);
    const [check] = await service.run({ all: true });
    expect(check).toMatchObject({ ignoredLinks: 3, newItems: 1 });
    expect(sourcesStored()).toEqual([`${server.base}/bai/16.html`]);
  });

  it('goes on with the other sources when one fails, backs off, and tells the admins once after a day', async () => {
    let clock = new Date('2025-03-10T00:00:00Z');
    const told: string[] = [];
    app.close();
    app = await createTestApp(path.join(dir.path, 'store'), { FETCH_TIMEOUT_MS: '800' }, { now: () => clock });
    service = createWatchService(app, async (watch) => {
      told.push(`${watch.id}: ${watch.lastError}`);
      return true;
    });
    let broken = false;
    server.routes.set('/e/rss.xml', (_q, r) => (broken ? r.writeHead(500).end() : r.writeHead(200, { 'content-type': 'application/xml' }).end(rss([{ n: 17 }], server.base))));
    let items = [18];
    server.xml('/e/other.xml', () => rss(items.map((n) => ({ n })), server.base));
    await registerWatch(app.store, service, `${server.base}/e/rss.xml`, [], 60);
    await registerWatch(app.store, service, `${server.base}/e/other.xml`, [], 60);
    await service.run();
    broken = true;
    items = [19, 18];
    const checks: string[][] = [];
    for (let hour = 1; hour <= 40; hour++) {
      clock = new Date(clock.getTime() + 60 * 60 * 1000);
      checks.push((await service.run()).map((c) => `${c.id}:${c.status}`));
    }
    expect(checks[0]).toEqual(['1:failed', '2:checked']);
    expect(sourcesStored()).toContain(`${server.base}/bai/19.html`);
    // Backing off: tries after 1, 2, 4, 8, 16 hours (then a day), not one an hour; told on the first try after a day.
    expect(checks.flat().filter((c) => c === '1:failed')).toHaveLength(6);
    expect(told).toEqual([expect.stringMatching(/^1: http:\/\/127\.0\.0\.1:\d+\/e\/rss\.xml: máy chủ trả lời lỗi HTTP 500$/)]);
    const failing = app.store.watches.get(1)!;
    expect(describeWatch(failing, 0, 'Asia/Ho_Chi_Minh').join('\n')).toMatch(/⚠️ lỗi 6 lần liền \(từ 08:00 10\/03\/2025\): .*HTTP 500/);

    broken = false;
    clock = new Date(clock.getTime() + 25 * 60 * 60 * 1000);
    expect((await service.run()).find((c) => c.id === 1)!.status).toBe('checked');
    expect(app.store.watches.get(1)).toMatchObject({ lastError: null, failures: 0, failureReported: false });
  });
});

describe('untrusted addresses', () => {
  it('refuses feeds, pages and feed items on private addresses unless ALLOW_PRIVATE_URLS=true', async () => {
    const guarded = await createTestApp(path.join(dir.path, 'guarded'), { ALLOW_PRIVATE_URLS: 'false' });
    try {
      const guardedService = createWatchService(guarded);
      server.xml('/f/rss.xml', () => rss([{ n: 20 }], server.base));
      const requests = server.requests.length;
      await expect(registerWatch(guarded.store, guardedService, `${server.base}/f/rss.xml`, [], 60)).rejects.toThrow(/địa chỉ thuộc mạng nội bộ \(127\.0\.0\.1\)/);
      const summary = await guarded.ingest.ingestInputs([`${server.base}/bai/20.html`, 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:9/x', 'http://10.0.0.8/a']);
      expect(summary.failures.map((f) => f.code)).toEqual(['URL_PRIVATE', 'URL_PRIVATE', 'URL_PRIVATE', 'URL_PRIVATE']);
      expect(server.requests.length).toBe(requests);
      expect(guarded.store.watches.all()).toEqual([]);
      expect(guarded.store.articles.counts().articles).toBe(0);
    } finally {
      guarded.close();
    }
  });

  it('refuses a feed item that redirects to a private address', async () => {
    // A public-looking feed (served through the test's fetch) whose item bounces to the metadata address.
    const seen: string[] = [];
    const publicFetch: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      seen.push(url.href);
      if (url.hostname === 'tin.example' && url.pathname === '/rss.xml') return new Response(rss([{ n: 21, link: 'http://tin.example/bai/21' }], 'http://tin.example'), { headers: { 'content-type': 'application/xml' } });
      if (url.hostname === 'tin.example') return new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
      return fetch(input, init);
    };
    const guarded = await createTestApp(path.join(dir.path, 'guarded-2'), { ALLOW_PRIVATE_URLS: 'false' }, { fetch: publicFetch });
    try {
      const guardedService = createWatchService(guarded);
      await registerWatch(guarded.store, guardedService, 'http://tin.example/rss.xml', [], 60);
      const [check] = await guardedService.run({ all: true });
      expect(check!.failed).toEqual([expect.stringContaining('169.254.169.254/latest/meta-data/: địa chỉ thuộc mạng nội bộ')]);
      expect(seen).not.toContain('http://169.254.169.254/latest/meta-data/');
      expect(guarded.store.articles.counts().articles).toBe(0);
    } finally {
      guarded.close();
    }
  });
});
