import type { TimelinePage } from '../../digest/timeline/index.js';
import { sourceLine } from './facts-html.js';
import { escapeHtml, packBlocks } from './html.js';

/** Telegram's limit for a photo caption, counted on the text as shown (tags and entities aside). */
export const CAPTION_LIMIT = 1024;

/** What Telegram counts of an HTML caption: the text without tags, each entity one character. */
export function shownLength(html: string): number {
  return html.replace(/<[^>]+>/g, '').replace(/&(?:amp|lt|gt|quot);/g, '&').length;
}

/**
 * A picture's caption: its heading, "và N hạn khác" on the last one when rows were left out,
 * and its numbered sources ([n] as in the picture's labels). Sources that do not fit in a
 * caption go in `rest`, messages sent right after the picture.
 */
export function timelineCaptionHtml(page: TimelinePage, omitted: number): { caption: string; rest: string[] } {
  const head = [`<b>${escapeHtml(page.heading)}</b> (${page.rows.length})`];
  if (omitted > 0) head.push(`… và ${omitted} hạn khác (xem danh sách bằng /deadlines không kèm "ảnh").`);
  const lines = page.sources.map((s, i) => sourceLine(i + 1, s));
  const full = [...head, '<b>Nguồn:</b>', ...lines].join('\n');
  if (shownLength(full) <= CAPTION_LIMIT) return { caption: full, rest: [] };
  return { caption: [...head, 'Nguồn: xem tin nhắn dưới ảnh.'].join('\n'), rest: packBlocks(['<b>Nguồn:</b>', ...lines]) };
}
