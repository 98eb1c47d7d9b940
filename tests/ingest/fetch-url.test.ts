import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createTestApp, SEED_004, storeSnapshot, tempDir } from '../helpers.js';

const articleHtml = `<!doctype html><html><head><meta charset="utf-8">
<title>Báo Thủ đô | Tin tức</title>
<meta property="og:title" content="Sẽ lấy phiếu tín nhiệm đối với lãnh đạo Thành ủy vào tháng 12/2023">
<meta property="article:published_time" content="2023-11-24T09:15:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav>
<article><h1>Sẽ lấy phiếu tín nhiệm đối với lãnh đạo Thành ủy vào tháng 12/2023</h1>
${readFileSync(SEED_004, 'utf8').split('Có thể bạn quan tâm')[0]!.split('\n').slice(2).filter(Boolean).map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n')}
</article>
<aside><h3>Tin khác</h3><ul><li><a href="/x">Xe container bốc cháy ngùn ngụt khi đang trên đường ở Bắc Ninh</a></li></ul></aside>
<footer>Bản quyền thuộc Báo Thủ đô</footer></body></html>`;

let server: Server;
let base: string;
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/bai-viet.html':
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(articleHtml);
        return;
      case '/mat-tich':
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>Không tìm thấy</h1>');
        return;
      case '/treo':
        hanging.add(response); // never answers
        return;
      case '/anh.jpg':
        response.writeHead(200, { 'content-type': 'image/jpeg' });
        response.end(Buffer.from([0xff, 0xd8, 0xff]));
        return;
      case '/trang-trong.html':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html><body><nav><a href="/">Trang chủ</a></nav><footer>©</footer></body></html>');
        return;
      case '/qua-lon':
        response.writeHead(200, { 'content-type': 'text/plain' });
        response.end(Buffer.alloc(6 * 1024 * 1024, 'a'));
        return;
      default:
        response.writeHead(500);
        response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const response of hanging) response.destroy();
  await new Promise((resolve) => server.close(resolve));
});

let dir: ReturnType<typeof tempDir>;
let app: App;
beforeEach(async () => {
  dir = tempDir();
  app = await createTestApp(path.join(dir.path, 'store'), { FETCH_TIMEOUT_MS: '500' });
});
afterEach(() => {
  app.close();
  dir.remove();
});

describe('ingesting a URL', () => {
  it('keeps the article of an HTML page, with its headline and date, without the page furniture', async () => {
    const summary = await app.ingest.ingestInputs([`${base}/bai-viet.html`]);
    expect(summary.failures).toEqual([]);
    const [article] = app.store.articles.listArticles();
    expect(article).toMatchObject({
      source: `${base}/bai-viet.html`,
      title: 'Sẽ lấy phiếu tín nhiệm đối với lãnh đạo Thành ủy vào tháng 12/2023',
      publishedDate: '2023-11-24',
    });
    const text = app.store.articles.getArticle(article!.id)!.text;
    expect(text).toContain('Kế hoạch số 186-KH/TU ngày 25/10/2023');
    expect(text).not.toContain('Trang chủ');
    expect(text).not.toContain('Xe container');
    expect(text).not.toContain('Bản quyền');
  });

  it.each([
    ['a page that returns 404', '/mat-tich', /mat-tich: máy chủ trả lời lỗi HTTP 404$/],
    ['a server that never answers', '/treo', /treo: máy chủ không trả lời sau 0\.5 giây$/],
    ['a non-HTML content type', '/anh.jpg', /anh\.jpg: nội dung kiểu "image\/jpeg" không phải trang bài viết/],
    ['a page with no article', '/trang-trong.html', /trang-trong\.html: (trang không có nội dung bài viết|không tìm thấy nội dung bài viết)/],
    ['a page over the size cap', '/qua-lon', /qua-lon: trang quá lớn \(giới hạn 5\.0 MB\)$/],
  ])('%s gets a clear error and changes nothing', async (_, route, message) => {
    await app.ingest.ingestInputs([SEED_004]);
    const before = storeSnapshot(app);
    const summary = await app.ingest.ingestInputs([`${base}${route}`]);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]!.message).toMatch(message);
    expect(storeSnapshot(app)).toEqual(before);
  });

  it('refuses other schemes and unreachable hosts', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const summary = await app.ingest.ingestInputs(['ftp://127.0.0.1/a.txt', `http://127.0.0.1:${port}/khong-co`]);
    expect(summary.failures.map((f) => f.message)).toEqual([
      'ftp://127.0.0.1/a.txt: chỉ hỗ trợ địa chỉ http:// hoặc https://',
      `http://127.0.0.1:${port}/khong-co: không kết nối được (ECONNREFUSED)`,
    ]);
  });
});
