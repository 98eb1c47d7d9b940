import { AppError } from '../errors.js';
import { assertPublicUrl } from './url-guard.js';

export interface GuardedFetchOptions {
  fetchImpl: typeof fetch;
  allowPrivate: boolean;
  signal: AbortSignal;
  headers: Record<string, string>;
  maxRedirects?: number;
}

/** A URL a user or a feed gave: http(s) only, refused with a line naming it otherwise. */
export function parseHttpUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('URL_INVALID', `${url}: không phải URL hợp lệ`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new AppError('URL_INVALID', `${url}: chỉ hỗ trợ địa chỉ http:// hoặc https://`);
  return parsed;
}

/**
 * GET that follows redirects itself, so every hop is checked: http(s) only, no private
 * address (unless allowed), no loop, at most 5 hops. Returns the final response and URL.
 */
export async function guardedFetch(start: URL, options: GuardedFetchOptions): Promise<{ response: Response; url: URL }> {
  const seen = new Set<string>();
  let url = start;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new AppError('URL_INVALID', `${start.href}: chuyển hướng tới ${url.href}, chỉ hỗ trợ địa chỉ http:// hoặc https://`);
    }
    await assertPublicUrl(url, options.allowPrivate);
    seen.add(url.href);
    const response = await options.fetchImpl(url, { signal: options.signal, redirect: 'manual', headers: options.headers });
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (!location) return { response, url };
    await response.body?.cancel().catch(() => {});
    const next = new URL(location, url);
    if (seen.has(next.href)) throw new AppError('URL_REDIRECTS', `${start.href}: chuyển hướng vòng lặp (quay lại ${next.href})`);
    if (hop + 1 > (options.maxRedirects ?? 5)) throw new AppError('URL_REDIRECTS', `${start.href}: chuyển hướng quá nhiều lần`);
    url = next;
  }
}

/** Reads a body up to `maxBytes`: a lying (or missing) Content-Length changes nothing. */
export async function readCapped(response: Response, url: string, maxBytes: number, controller: AbortController, what = 'trang'): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  const tooLarge = () => new AppError('INPUT_TOO_LARGE', `${url}: ${what} quá lớn (giới hạn ${(maxBytes / 1024 / 1024).toFixed(1)} MB)`);
  if (declared > maxBytes) {
    controller.abort();
    throw tooLarge();
  }
  const parts: Uint8Array[] = [];
  let total = 0;
  if (!response.body) return new Uint8Array();
  for await (const part of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += part.length;
    if (total > maxBytes) {
      controller.abort();
      throw tooLarge();
    }
    parts.push(part);
  }
  return Buffer.concat(parts);
}

/** A fetch failure as the one line a user reads: time-out or the network's own reason. */
export function fetchFailure(cause: unknown, url: string, controller: AbortController, timeoutMs: number): AppError {
  if (cause instanceof AppError) return cause;
  if (controller.signal.aborted) return new AppError('URL_TIMEOUT', `${url}: máy chủ không trả lời sau ${timeoutMs / 1000} giây`, { cause });
  const inner = (cause as { cause?: { code?: string; message?: string } }).cause;
  const reason = inner?.code ?? inner?.message ?? (cause as Error).message;
  return new AppError('URL_NETWORK', `${url}: không kết nối được (${reason})`, { cause });
}
