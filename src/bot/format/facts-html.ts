import type { Digest } from '../../digest/build.js';
import type { StoredDeadline } from '../../store/fact-repository.js';
import { formatVietnameseDate } from '../../text/dates.js';
import { escapeAttribute, escapeHtml, packBlocks } from './html.js';

/** Numbers sources in order of first use, like an answer's citations; [n] links to the page when it is one. */
class SourceList {
  private readonly entries: Array<{ key: string; title: string; source: string; publishedDate: string | null }> = [];

  cite(key: string, title: string, source: string, publishedDate: string | null): string {
    let n = this.entries.findIndex((e) => e.key === key) + 1;
    if (n === 0) n = this.entries.push({ key, title, source, publishedDate });
    return /^https?:\/\//i.test(source) ? `<a href="${escapeAttribute(source)}">[${n}]</a>` : `[${n}]`;
  }

  block(): string[] {
    if (this.entries.length === 0) return [];
    return ['<b>Nguồn:</b>', ...this.entries.map((e, i) => sourceLine(i + 1, e))];
  }
}

/** "[n] <b>title</b> — date — outlet": one numbered source, in every list and caption alike. */
export function sourceLine(n: number, e: { title: string; source: string; publishedDate: string | null }): string {
  const where = /^https?:\/\//i.test(e.source) ? `<a href="${escapeAttribute(e.source)}">${escapeHtml(new URL(e.source).hostname)}</a>` : escapeHtml(e.source);
  return `[${n}] <b>${escapeHtml(e.title)}</b> — ${e.publishedDate ? formatVietnameseDate(e.publishedDate) : 'không rõ ngày'} — ${where}`;
}

export function deadlineLine(d: StoredDeadline, sources: SourceList): string {
  const when = d.startDate && d.startDate !== d.endDate ? `${formatVietnameseDate(d.startDate)}–${formatVietnameseDate(d.endDate)}` : formatVietnameseDate(d.endDate);
  const who = d.responsible && !d.task.toLowerCase().includes(d.responsible.toLowerCase()) ? ` — ${escapeHtml(d.responsible)}` : '';
  return `• <b>${when}</b>: ${escapeHtml(d.task)} (“${escapeHtml(d.phrase)}”)${who} ${sources.cite(d.articleId, d.title, d.source, d.publishedDate)}`;
}

/** A list of deadlines under a heading, each cited, split into messages when long. */
export function formatDeadlinesHtml(heading: string, deadlines: StoredDeadline[], empty: string): string[] {
  if (deadlines.length === 0) return [`<b>${escapeHtml(heading)}</b>\n${escapeHtml(empty)}`];
  const sources = new SourceList();
  const lines = deadlines.map((d) => deadlineLine(d, sources));
  return packBlocks([`<b>${escapeHtml(heading)}</b> (${deadlines.length})`, ...lines, sources.block().join('\n')]);
}

/** The daily digest as Telegram HTML messages: sections of cited lines, then the numbered sources. */
export function formatDigestHtml(digest: Digest, sendEmptyLine = true): string[] {
  if (digest.empty) return sendEmptyLine ? [`<b>Bản tin ${formatVietnameseDate(digest.date)}</b>\nKhông có hạn chót hay bài mới.`] : [];
  const sources = new SourceList();
  const blocks = [`<b>Bản tin ${formatVietnameseDate(digest.date)}</b>`];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) blocks.push(`<b>${title}</b>`, ...lines);
  };
  section('⏰ Hạn trong 7 ngày tới', digest.dueSoon.map((d) => deadlineLine(d, sources)));
  section('⚠️ Quá hạn (30 ngày qua)', digest.overdue.map((d) => deadlineLine(d, sources)));
  section('📅 Hạn khác trong tháng', digest.laterThisMonth.map((d) => deadlineLine(d, sources)));
  section(
    '🆕 Bài mới',
    digest.newArticles.map((a) => {
      const who = a.presentations.map((p) => `\n  – ${escapeHtml(p.presenter)} ${escapeHtml(p.act)} ${escapeHtml(p.document.slice(0, 160))}`).join('');
      const via = a.watchedSource ? ` — qua nguồn theo dõi ${escapeHtml(a.watchedSource)}` : '';
      return `• ${escapeHtml(a.title)}${a.publishedDate ? ` (${formatVietnameseDate(a.publishedDate)})` : ''} ${sources.cite(a.id, a.title, a.source, a.publishedDate)}${via}${who}`;
    }),
  );
  blocks.push(sources.block().join('\n'));
  return packBlocks(blocks);
}
