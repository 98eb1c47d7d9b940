import type { Watch } from '../store/watch-repository.js';
import type { SourceCheck } from './watch-service.js';

const KIND_NAMES: Record<string, string> = { rss: 'RSS', atom: 'Atom', rdf: 'RDF', sitemap: 'sitemap', sitemapindex: 'sitemap index' };

function when(iso: string | null, timeZone: string): string {
  if (!iso) return 'chưa';
  return new Intl.DateTimeFormat('vi-VN', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** One watched source as lines of plain text: what it is, its words, its last check, last new item, last error. */
export function describeWatch(watch: Watch, pending: number, timeZone: string): string[] {
  const lines = [
    `#${watch.id} ${watch.title ? `${watch.title} — ` : ''}${watch.url} (${KIND_NAMES[watch.kind ?? ''] ?? 'nguồn'}, mỗi ${watch.intervalMinutes} phút)`,
    `   từ khóa: ${watch.keywords.join(', ')}`,
    `   kiểm tra lần cuối: ${when(watch.lastCheckedAt, timeZone)} · bài mới gần nhất: ${when(watch.lastNewAt, timeZone)}${pending > 0 ? ` · còn ${pending} mục chờ nạp` : ''}`,
  ];
  if (watch.lastError) lines.push(`   ⚠️ lỗi ${watch.failures} lần liền (từ ${when(watch.failingSince, timeZone)}): ${watch.lastError}`);
  return lines;
}

/** What a check did, in one line. */
export function describeCheck(check: SourceCheck): string {
  if (check.status === 'failed') return `#${check.id}: lỗi — ${check.error}${check.ingested.length ? `; vẫn nạp ${check.ingested.length} mục chờ` : ''}`;
  const parts = [check.status === 'not modified' ? 'không đổi (304)' : `${check.newItems} mục mới`, `nạp ${check.ingested.length}`];
  if (check.skipped) parts.push(`bỏ qua ${check.skipped} (không có từ khóa)`);
  if (check.failed.length) parts.push(`lỗi ${check.failed.length}`);
  if (check.ignoredLinks) parts.push(`${check.ignoredLinks} liên kết không phải http(s) bị bỏ`);
  if (check.pending) parts.push(`còn ${check.pending} mục chờ`);
  return `#${check.id}: ${parts.join(', ')}`;
}
