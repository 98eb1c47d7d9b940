import { AppError } from '../errors.js';
import { declaredHtmlCharset, decodeText } from './decode.js';
import { documentText } from './documents/index.js';
import { fetchFailure, guardedFetch, parseHttpUrl, readCapped } from './guarded-fetch.js';
import type { LoadedDocument, LoadLimits } from './sources.js';

const TEXT_TYPES = new Map<string, LoadedDocument['format']>([
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
  ['text/plain', 'text'],
  ['text/markdown', 'text'],
]);

/** Official documents published as files, by content type, with the extension their parser goes by. */
const DOCUMENT_TYPES = new Map<string, string>([
  ['application/pdf', '.pdf'],
  ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', '.docx'],
  ['application/msword', '.doc'],
]);

/**
 * Downloads one article page: http(s) only, no private address on any hop (unless allowed),
 * a time limit for the whole exchange, a size cap enforced while reading (a lying
 * Content-Length changes nothing), and only text or document content types.
 */
export async function fetchUrl(url: string, limits: LoadLimits, fetchImpl: typeof fetch = fetch): Promise<LoadedDocument> {
  const parsed = parseHttpUrl(url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), limits.fetchTimeoutMs);
  try {
    const { response, url: final } = await guardedFetch(parsed, {
      fetchImpl,
      allowPrivate: limits.allowPrivateUrls ?? false,
      signal: controller.signal,
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1' },
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => {});
      throw new AppError('URL_HTTP_STATUS', `${url}: máy chủ trả lời lỗi HTTP ${response.status}`);
    }
    const contentType = response.headers.get('content-type') ?? '';
    const mime = contentType.split(';')[0]!.trim().toLowerCase();
    const documentExtension = DOCUMENT_TYPES.get(mime);
    if (documentExtension) {
      const bytes = await readCapped(response, url, limits.maxDocumentBytes, controller);
      // The parser is chosen by the extension: a link to "…/van-ban?id=87" serving a PDF is read as one.
      const name = final.pathname.toLowerCase().endsWith(documentExtension) ? parsed.href : `${parsed.href}#${documentExtension}`;
      return { source: parsed.href, format: 'text', body: await documentText(name, bytes) };
    }
    const format = TEXT_TYPES.get(mime);
    if (!format) {
      await response.body?.cancel().catch(() => {});
      throw new AppError('URL_CONTENT_TYPE', `${url}: nội dung kiểu "${mime || 'không rõ'}" không phải trang bài viết (cần HTML, văn bản, PDF hoặc Word)`);
    }
    const bytes = await readCapped(response, url, limits.maxBytes, controller);
    const charset =
      contentType.match(/charset\s*=\s*"?([\w-]+)/i)?.[1] ?? (format === 'html' ? declaredHtmlCharset(bytes) : undefined) ?? 'utf-8';
    return { source: parsed.href, format, body: decodeText(bytes, url, charset) };
  } catch (error) {
    throw fetchFailure(error, url, controller, limits.fetchTimeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

export const USER_AGENT = 'resolution-plans-bot/0.1 (+article ingest)';
