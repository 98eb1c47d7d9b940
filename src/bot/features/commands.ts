import { Composer, InlineKeyboard, type Context } from 'grammy';
import { buildDigest } from '../../digest/build.js';
import { deadlinesToIcs } from '../../digest/calendar.js';
import { icsFile } from '../digest-sender.js';
import { sendTimeline } from '../timeline-sender.js';
import { addDays, endOfMonth, localDate } from '../../text/clock.js';
import { formatVietnameseDate } from '../../text/dates.js';
import { foldForMatch } from '../../text/normalize.js';
import { isAdmin, languageOf, type BotDeps } from '../deps.js';
import { formatDeadlinesHtml, formatDigestHtml } from '../format/facts-html.js';
import { escapeHtml } from '../format/html.js';
import { TEXTS } from '../texts.js';

const PAGE_SIZE = 8;

/** Sends the messages in order; `keyboard` goes under the last one. */
async function replyAll(ctx: Context, messages: string[], keyboard?: InlineKeyboard): Promise<void> {
  for (const [i, html] of messages.entries()) {
    const markup = keyboard && i === messages.length - 1 ? { reply_markup: keyboard } : {};
    await ctx.reply(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...markup });
  }
}

/** No buttons at all rather than a keyboard with an empty row (one page of sources). */
function sourcesPage(deps: BotDeps, page: number): { html: string; keyboard: InlineKeyboard | undefined } {
  const total = deps.app.store.articles.counts().articles;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const articles = deps.app.store.articles.listArticles({ limit: PAGE_SIZE, offset: current * PAGE_SIZE });
  const lines = articles.map(
    (a, i) => `${current * PAGE_SIZE + i + 1}. <b>${escapeHtml(a.title)}</b>\n   ${a.publishedDate ? formatVietnameseDate(a.publishedDate) : 'không rõ ngày'} · mã <code>${a.id}</code> · ${escapeHtml(a.sources.join(', '))}`,
  );
  const html = total === 0 ? 'Chưa có bài viết nào.' : [`<b>Bài viết</b> (${total}) — trang ${current + 1}/${pages}`, ...lines].join('\n');
  const keyboard = new InlineKeyboard();
  if (current > 0) keyboard.text('« Trước', `pg:${current - 1}`);
  if (current < pages - 1) keyboard.text('Sau »', `pg:${current + 1}`);
  return { html, keyboard: keyboard.inline_keyboard.some((row) => row.length > 0) ? keyboard : undefined };
}

interface DeadlineRange {
  from: string;
  to: string;
  heading: string;
  /** The argument again, short enough for a button's callback data ("12/2023", "sap toi", "qua han"). */
  argument: string;
}

/** "/deadlines tháng 12/2023", "sắp tới", "quá hạn" → the range and its heading. */
function deadlineRange(argument: string, today: string): DeadlineRange | null {
  const folded = foldForMatch(argument).trim();
  const month = folded.match(/(?:thang\s*)?(\d{1,2})\s*[/-]\s*(\d{4})/);
  if (month) {
    const from = `${month[2]}-${month[1]!.padStart(2, '0')}-01`;
    return { from, to: endOfMonth(from), heading: `Hạn chót tháng ${Number(month[1])}/${month[2]}`, argument: `${Number(month[1])}/${month[2]}` };
  }
  if (folded === '' || /sap toi|upcoming/.test(folded)) return { from: today, to: addDays(today, 30), heading: 'Hạn chót 30 ngày tới', argument: 'sap toi' };
  if (/qua han|overdue/.test(folded)) return { from: '0000-01-01', to: addDays(today, -1), heading: 'Hạn chót đã qua', argument: 'qua han' };
  return null;
}

/** A calendar file ("ics") or a picture ("ảnh") instead of the list, and the range asked without that word. */
const FILE_WORD = /(?:^|\s)(?:ics|lich|lịch|calendar)(?=\s|$)/giu;
const PICTURE_WORD = /(?:^|\s)(?:ảnh|anh|hình|hinh|png|image|picture)(?=\s|$)/giu;

/** /start, /help, /sources, /deadlines, /subscribe, /unsubscribe, /digest. */
export function commandsFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const { store, config } = deps.app;

  feature.command('start', (ctx) => ctx.reply(TEXTS[languageOf(ctx.from?.language_code)].welcome));
  feature.command('help', (ctx) => {
    const texts = TEXTS[languageOf(ctx.from?.language_code)];
    return ctx.reply(texts.help + (isAdmin(deps, ctx.from?.id) ? texts.adminHelp : ''), { parse_mode: 'HTML' });
  });

  feature.command('sources', async (ctx) => {
    const { html, keyboard } = sourcesPage(deps, Number(ctx.match) - 1 || 0);
    await ctx.reply(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) });
  });
  feature.callbackQuery(/^pg:(\d+)$/, async (ctx) => {
    const { html, keyboard } = sourcesPage(deps, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(keyboard ? { reply_markup: keyboard } : {}) });
  });

  /** The range's deadlines as the list shows them: what is past, latest first. */
  const deadlinesIn = (range: DeadlineRange, today: string) => {
    const deadlines = store.facts.deadlinesBetween(range.from, range.to);
    return range.from === '0000-01-01' ? deadlines.filter((d) => d.endDate! < today).reverse() : deadlines;
  };
  const sendPicture = async (ctx: Context, range: DeadlineRange, today: string) => {
    await ctx.replyWithChatAction('upload_photo').catch(() => {});
    const threadId = ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
    await sendTimeline(ctx.api, ctx.chat!.id, deadlinesIn(range, today), { heading: range.heading, today, from: range.from, to: range.to }, threadId);
  };

  feature.command('deadlines', async (ctx) => {
    const today = localDate(deps.now(), config.timeZone);
    const argument = ctx.match.normalize('NFC');
    const wantsFile = new RegExp(FILE_WORD.source, 'iu').test(argument);
    const wantsPicture = new RegExp(PICTURE_WORD.source, 'iu').test(argument);
    const range = deadlineRange(argument.replace(FILE_WORD, ' ').replace(PICTURE_WORD, ' '), today);
    if (!range) {
      await ctx.reply('Cách dùng: /deadlines [tháng 12/2023 | sắp tới | quá hạn] [ảnh | ics]');
      return;
    }
    if (wantsPicture && !wantsFile) {
      await sendPicture(ctx, range, today);
      return;
    }
    const shown = deadlinesIn(range, today);
    if (wantsFile) {
      await ctx.replyWithDocument(icsFile(deadlinesToIcs(shown)), { caption: `${range.heading}: ${shown.length} sự kiện lịch` });
      return;
    }
    const picture = shown.length > 0 ? new InlineKeyboard().text('🖼 Xem dạng ảnh', `tl:${range.argument}`) : undefined;
    await replyAll(ctx, formatDeadlinesHtml(range.heading, shown.slice(0, 50), 'Không có hạn chót nào.'), picture);
  });
  // The button under a list: the same range, drawn (today is the day it is pressed).
  feature.callbackQuery(/^tl:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const today = localDate(deps.now(), config.timeZone);
    const range = deadlineRange(ctx.match[1]!, today);
    if (range && ctx.chat) await sendPicture(ctx, range, today);
  });

  /** In groups only the group's admins (or the bot's) change the subscription. */
  const maySubscribe = async (ctx: Context): Promise<boolean> => {
    if (ctx.chat?.type === 'private' || isAdmin(deps, ctx.from?.id)) return true;
    try {
      const member = await ctx.getChatMember(ctx.from!.id);
      if (member.status === 'administrator' || member.status === 'creator') return true;
    } catch (error) {
      deps.app.logger.warn({ err: String(error) }, 'could not check group admin');
    }
    await ctx.reply('Trong nhóm, chỉ quản trị viên của nhóm mới đăng ký hoặc hủy bản tin.');
    return false;
  };

  feature.command('subscribe', async (ctx) => {
    // "ảnh" / "không ảnh" (also "tắt ảnh", "bỏ ảnh") turns the digest's picture on / off.
    const words = foldForMatch(ctx.match.normalize('NFC')).trim();
    const pictureOff = /(?:^|\s)(?:khong|tat|bo)\s+anh(?=\s|$)/.test(words);
    const picture = pictureOff ? false : /(?:^|\s)anh(?=\s|$)/.test(words) ? true : undefined;
    const [time, mode = ''] = words.replace(/(?:^|\s)(?:(?:khong|tat|bo)\s+)?anh(?=\s|$)/g, ' ').split(/\s+/).filter(Boolean);
    const chatId = ctx.chat!.id;
    if (picture !== undefined && time === undefined && store.subscriptions.get(chatId)) {
      // Only the picture changes: the hour and the quiet days stay as they were.
      if (!(await maySubscribe(ctx))) return;
      store.subscriptions.setAttachPicture(chatId, picture);
      await ctx.reply(picture ? 'Bản tin sẽ kèm ảnh dòng thời gian các hạn chót. Tắt bằng /subscribe không ảnh.' : 'Bản tin sẽ không kèm ảnh nữa.');
      return;
    }
    const parsed = (time ?? '07:00').match(/^(\d{1,2})[:h](\d{2})$/);
    if (!parsed || Number(parsed[1]) > 23 || Number(parsed[2]) > 59) {
      await ctx.reply('Giờ không hợp lệ. Ví dụ: /subscribe 07:00 (thêm "im" để không nhận bản tin vào ngày không có gì mới, "ảnh" để kèm ảnh các hạn chót)');
      return;
    }
    if (!(await maySubscribe(ctx))) return;
    const sendTime = `${parsed[1]!.padStart(2, '0')}:${parsed[2]}`;
    const sendEmpty = !/^(im|yen|quiet)$/iu.test(mode);
    store.subscriptions.subscribe(chatId, sendTime, config.timeZone, languageOf(ctx.from?.language_code), sendEmpty);
    if (picture !== undefined) store.subscriptions.setAttachPicture(chatId, picture);
    const withPicture = store.subscriptions.get(chatId)?.attachPicture ?? false;
    await ctx.reply(
      `Đã đăng ký bản tin hằng ngày lúc ${sendTime} (giờ ${config.timeZone})${sendEmpty ? '' : ', chỉ khi có tin'}${withPicture ? ', kèm ảnh các hạn chót' : ''}. Hủy bằng /unsubscribe.`,
    );
  });
  feature.command('unsubscribe', async (ctx) => {
    if (!(await maySubscribe(ctx))) return;
    const removed = store.subscriptions.unsubscribe(ctx.chat!.id);
    await ctx.reply(removed ? 'Đã hủy bản tin hằng ngày.' : 'Nhóm/cuộc trò chuyện này chưa đăng ký bản tin.');
  });

  feature.command('digest', async (ctx) => {
    const subscription = store.subscriptions.get(ctx.chat!.id);
    // The preview is the next digest: what arrived since the last one (or since subscribing).
    const since = subscription ? (subscription.lastDigestAt ?? subscription.createdAt) : null;
    const digest = buildDigest(store, deps.now(), subscription?.timeZone ?? config.timeZone, since);
    await replyAll(ctx, formatDigestHtml(digest, true));
  });
  return feature;
}
