import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Văn An', 'Thị Bình', 'Minh Cường', 'Thu Dung', 'Quốc Hùng', 'Thanh Hà', 'Đức Long', 'Ngọc Mai', 'Hữu Nam', 'Kim Oanh'];

/** The official who presents the plan of article `n`. */
export const presenterOf = (n: number) => `${SURNAMES[n % 10]} ${GIVEN[Math.floor(n / 10) % 10]}`;

/** An article page of the kind outlets publish, about a plan (or, with `topic`, about anything). */
export function articlePage(n: number, topic?: string): string {
  const body = topic
    ? `<p>${topic} Ban tổ chức cho biết giải năm nay có ${n + 10} đội tham gia, thi đấu tại sân vận động tỉnh trong ba ngày cuối tuần.</p>`
    : `<p>Sáng ${n}/3/2025, Ban Thường vụ Tỉnh ủy tổ chức hội nghị triển khai Kế hoạch số ${100 + n}-KH/TU thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị.</p>
<p>Tại hội nghị, Trưởng ban Tuyên giáo Tỉnh ủy ${presenterOf(n)} trình bày Kế hoạch số ${100 + n}-KH/TU, yêu cầu các sở, ngành hoàn thành chương trình hành động trước ngày ${n}/6/2025.</p>`;
  const title = topic ?? `Tỉnh ủy triển khai Kế hoạch số ${100 + n}-KH/TU`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<meta property="article:published_time" content="2025-03-0${(n % 9) + 1}T08:00:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a></nav><article><h1>${title}</h1>${body}</article><footer>Bản quyền</footer></body></html>`;
}

export function rss(items: Array<{ n: number; title?: string; link?: string }>, base: string): string {
  const entries = items
    .map((i) => `<item><title>${i.title ?? `Tỉnh ủy triển khai Kế hoạch số ${100 + i.n}-KH/TU`}</title><link>${i.link ?? `${base}/bai/${i.n}.html`}</link><guid>${i.link ?? `bai-${i.n}`}</guid><pubDate>Mon, 03 Mar 2025 08:00:00 GMT</pubDate></item>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin Tỉnh ủy</title><link>${base}/</link>${entries}</channel></rss>`;
}

export function atom(ns: number[], base: string): string {
  const entries = ns.map((n) => `<entry><title>Kế hoạch số ${100 + n}-KH/TU</title><link href="${base}/bai/${n}.html"/><id>tag:bai-${n}</id><updated>2025-03-03T08:00:00Z</updated></entry>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Tỉnh ủy</title><id>tag:feed</id>${entries}</feed>`;
}

export function sitemap(ns: number[], base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${ns.map((n) => `<url><loc>${base}/bai/${n}.html</loc><lastmod>2025-03-03</lastmod></url>`).join('')}</urlset>`;
}

export function sitemapIndex(paths: string[], base: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<sitemap><loc>${base}${p}</loc></sitemap>`).join('')}</sitemapindex>`;
}

type Route = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * A loopback HTTP server whose routes a test sets and changes between runs. Feeds answer
 * conditional requests (ETag / Last-Modified → 304); every request is counted by path.
 */
export class FeedServer {
  readonly routes = new Map<string, Route>();
  readonly requests: string[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private server: Server | undefined;
  base = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const path = request.url ?? '/';
      this.requests.push(path);
      const route = this.routes.get(path);
      if (route) route(request, response);
      else {
        response.writeHead(404, { 'content-type': 'text/html' });
        response.end('<h1>Không tìm thấy</h1>');
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Serves `body()` with an ETag of its content (and a Last-Modified), answering 304 when it matches. */
  xml(path: string, body: () => string, validator: 'etag' | 'last-modified' = 'etag'): void {
    this.routes.set(path, (request, response) => {
      const text = body();
      const tag = `"${Buffer.from(text).toString('base64').slice(-16)}${text.length}"`;
      const modified = new Date(Date.UTC(2025, 2, 1) + text.length * 1000).toUTCString();
      if (validator === 'etag' ? request.headers['if-none-match'] === tag : request.headers['if-modified-since'] === modified) {
        response.writeHead(304);
        response.end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/xml; charset=utf-8', ...(validator === 'etag' ? { etag: tag } : { 'last-modified': modified }) });
      response.end(text);
    });
  }

  html(path: string, body: string): void {
    this.routes.set(path, (_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(body);
    });
  }

  /** Never answers (a time-out). */
  hang(path: string): void {
    this.routes.set(path, (_request, response) => void this.hanging.add(response));
  }

  redirect(path: string, to: string): void {
    this.routes.set(path, (_request, response) => {
      response.writeHead(302, { location: to });
      response.end();
    });
  }

  count(path: string): number {
    return this.requests.filter((p) => p === path).length;
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
