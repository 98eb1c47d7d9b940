import { InputFile, type Api } from 'grammy';
import { renderTimeline, type TimelineOptions } from '../digest/timeline/index.js';
import type { StoredDeadline } from '../store/fact-repository.js';
import { escapeHtml } from './format/html.js';
import { timelineCaptionHtml } from './format/timeline-caption.js';

/**
 * Sends deadlines as timeline pictures, each captioned with its sources (what does not fit
 * follows as text). No deadline is one line of text, never an empty picture. `threadId`: the
 * forum topic the request came from, so the picture lands beside it.
 */
export async function sendTimeline(api: Api, chatId: number, deadlines: StoredDeadline[], options: TimelineOptions, threadId?: number): Promise<number> {
  const { pictures, omitted } = await renderTimeline(deadlines, options);
  const where = threadId === undefined ? {} : { message_thread_id: threadId };
  if (pictures.length === 0) {
    await api.sendMessage(chatId, `${escapeHtml(options.heading)}: không có hạn chót nào.`, { parse_mode: 'HTML', ...where });
    return 0;
  }
  for (const [i, picture] of pictures.entries()) {
    const { caption, rest } = timelineCaptionHtml(picture.page, i === pictures.length - 1 ? omitted : 0);
    await api.sendPhoto(chatId, new InputFile(picture.png, `han-chot-${i + 1}.png`), { caption, parse_mode: 'HTML', ...where });
    for (const html of rest) await api.sendMessage(chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...where });
  }
  return pictures.length;
}
