import { AppError } from '../errors.js';
import { decodeText } from '../ingest/decode.js';
import { USER_AGENT } from '../ingest/fetch-url.js';
import { fetchFailure, guardedFetch, readCapped } from '../ingest/guarded-fetch.js';

export interface SourceFetchOptions {
  fetchImpl: typeof fetch;
  allowPrivate: boolean;
  timeoutMs: number;
  maxBytes: number;
}

export type FetchedSource = { notModified: true } | { notModified: false; text: string; etag: string | null; lastModified: string | null };

/**
 * Downloads a feed or sitemap with a conditional request (If-None-Match / If-Modified-Since
 * from the last check): 304 means nothing to read. Same guards as a page: every redirect hop
 * checked, a time limit, a size cap while reading.
 */
export async function fetchSource(url: string, validators: { etag: string | null; lastModified: string | null }, options: SourceFetchOptions): Promise<FetchedSource> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const headers: Record<string, string> = {
    'user-agent': USER_AGENT,
    accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1',
  };
  if (validators.etag) headers['if-none-match'] = validators.etag;
  if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
  try {
    const { response } = await guardedFetch(new URL(url), { fetchImpl: options.fetchImpl, allowPrivate: options.allowPrivate, signal: controller.signal, headers });
    if (response.status === 304) {
      await response.body?.cancel().catch(() => {});
      return { notModified: true };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new AppError('URL_HTTP_STATUS', `${url}: máy chủ trả lời lỗi HTTP ${response.status}`);
    }
    const bytes = await readCapped(response, url, options.maxBytes, controller, 'nguồn tin');
    const charset = response.headers.get('content-type')?.match(/charset\s*=\s*"?([\w-]+)/i)?.[1] ?? declaredXmlCharset(bytes) ?? 'utf-8';
    return { notModified: false, text: decodeText(bytes, url, charset), etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') };
  } catch (error) {
    throw fetchFailure(error, url, controller, options.timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

function declaredXmlCharset(bytes: Uint8Array): string | undefined {
  return Buffer.from(bytes.subarray(0, 200)).toString('latin1').match(/<\?xml[^>]*encoding=["']([\w-]+)["']/i)?.[1];
}
