import { AppError } from '../errors.js';
import { parseHttpUrl } from '../ingest/guarded-fetch.js';
import type { Store } from '../store/index.js';
import type { Watch } from '../store/watch-repository.js';
import { DEFAULT_KEYWORDS, parseKeywords } from './keywords.js';
import type { WatchService } from './watch-service.js';

/**
 * `/watch URL [từ khóa…]`, `npm run watch -- add URL …`: the source is downloaded and read once
 * first, so a bad one (an HTML page, malformed XML, too large, a private address …) is refused
 * with its reason and nothing is stored. Words are phrases separated by commas; none → the defaults.
 */
export async function registerWatch(store: Store, service: WatchService, url: string, keywordParts: string[], intervalMinutes: number): Promise<{ watch: Watch; items: number }> {
  const parsed = parseHttpUrl(url);
  if (!Number.isInteger(intervalMinutes) || intervalMinutes < 5) throw new AppError('INPUT_INVALID', 'Chu kỳ kiểm tra phải là số phút nguyên, ít nhất 5');
  const source = await service.probe(parsed.href);
  const keywords = parseKeywords(keywordParts);
  const watch = store.watches.add(parsed.href, keywords.length > 0 ? keywords : DEFAULT_KEYWORDS, intervalMinutes, source.kind, source.title);
  return { watch, items: source.kind === 'sitemapindex' ? source.sitemaps.length : source.items.length };
}

export function removeWatch(store: Store, id: number): void {
  if (!store.watches.remove(id)) throw new AppError('WATCH_NOT_FOUND', `Không có nguồn theo dõi #${id} (xem danh sách bằng /watches)`);
}
