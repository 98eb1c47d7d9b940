import type { Digest } from '../../digest/build.js';
import type { StoredDeadline } from '../../store/fact-repository.js';
import { formatVietnameseDate } from '../../text/dates.js';
import { escapeAttribute, escapeHtml, packBlocks } from './html.js';

/** A source reference: a link for web pages, the file name otherwise. */
function sourceRef(source: string, title: string): string {
  return /^https?:\/\//i.test(source) ? `<a href="${escapeAttribute(source)}">${escapeHtml(title)}</a>` : `<i>${escapeHtml(title)}</i> (${escapeHtml(source)})`;
}

export function deadlineLine(d: StoredDeadline): string {
  const when = d.startDate && d.startDate !== d.endDate ? `${formatVietnameseDate(d.startDate)}–${formatVietnameseDate(d.endDate)}` : formatVietnameseDate(d.endDate);
  const who = d.responsible && !d.task.toLowerCase().includes(d.responsible.toLowerCase()) ? ` — ${escapeHtml(d.responsible)}` : '';
  return `• <b>${when}</b>: ${escapeHtml(d.task)} (“${escapeHtml(d.phrase)}”)${who}\n  ↳ ${sourceRef(d.source, d.title)}`;
}

/** A list of deadlines under a heading, split into messages when long. */
export function formatDeadlinesHtml(heading: string, deadlines: StoredDeadline[], empty: string): string[] {
  if (deadlines.length === 0) return [`<b>${escapeHtml(heading)}</b>\n${escapeHtml(empty)}`];
  return packBlocks([`<b>${escapeHtml(heading)}</b> (${deadlines.length})`, ...deadlines.map(deadlineLine)]);
}

/** The daily digest as Telegram HTML messages. */
export function formatDigestHtml(digest: Digest, sendEmptyLine = true): string[] {
  if (digest.empty) return sendEmptyLine ? [`<b>Bản tin ${formatVietnameseDate(digest.date)}</b>\nKhông có hạn chót hay bài mới.`] : [];
  const blocks = [`<b>Bản tin ${formatVietnameseDate(digest.date)}</b>`];
  const section = (title: string, lines: string[]) => {
    if (lines.length > 0) blocks.push(`<b>${title}</b>`, ...lines);
  };
  section('⏰ Hạn trong 7 ngày tới', digest.dueSoon.map(deadlineLine));
  section('⚠️ Quá hạn (30 ngày qua)', digest.overdue.map(deadlineLine));
  section('📅 Hạn khác trong tháng', digest.laterThisMonth.map(deadlineLine));
  section(
    '🆕 Bài mới',
    digest.newArticles.map((a) => {
      const who = a.presentations.map((p) => `\n  – ${escapeHtml(p.presenter)} ${escapeHtml(p.act)} ${escapeHtml(p.document.slice(0, 160))}`).join('');
      return `• ${sourceRef(a.source, a.title)}${a.publishedDate ? ` (${formatVietnameseDate(a.publishedDate)})` : ''}${who}`;
    }),
  );
  return packBlocks(blocks);
}
