import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { Citation } from '../../rag/answer.js';
import { languageOf, type BotDeps } from '../deps.js';
import { formatQuotesHtml } from '../format/answer-html.js';
import { TEXTS } from '../texts.js';

const REASONS = ['person', 'deadline', 'source', 'other'] as const;

/** The "Nguồn" button (quoted passages) and 👍/👎 under every answer, stored with the answer's trace. */
export function feedbackFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  const { store } = deps.app;

  feature.callbackQuery(/^src:(\d+)$/, async (ctx) => {
    const trace = store.traces.get(Number(ctx.match[1]));
    const language = trace?.language === 'en' ? 'en' : languageOf(ctx.from.language_code);
    await ctx.answerCallbackQuery();
    if (!trace) {
      await ctx.reply(TEXTS[language].answerGone);
      return;
    }
    for (const html of formatQuotesHtml(trace.citations as Citation[], language)) {
      await ctx.reply(html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
    }
  });

  feature.callbackQuery(/^fb:(up|down):(\d+)$/, async (ctx) => {
    const [, vote, id] = ctx.match;
    const language = languageOf(ctx.from.language_code);
    const stored = store.feedback.vote(Number(id), ctx.chat?.id ?? ctx.from.id, ctx.from.id, vote as 'up' | 'down');
    if (!stored) return ctx.answerCallbackQuery({ text: TEXTS[language].answerGone });
    if (vote === 'up') return ctx.answerCallbackQuery({ text: TEXTS[language].thanks });
    await ctx.answerCallbackQuery({ text: TEXTS[language].whyDown });
    const keyboard = new InlineKeyboard();
    for (const reason of REASONS) keyboard.text(TEXTS[language].reasons[reason], `fbr:${reason}:${id}`);
    await ctx.reply(TEXTS[language].whyDown, { reply_markup: keyboard });
  });

  feature.callbackQuery(/^fbr:(person|deadline|source|other):(\d+)$/, async (ctx) => {
    const [, reason, id] = ctx.match;
    const language = languageOf(ctx.from.language_code);
    store.feedback.vote(Number(id), ctx.chat?.id ?? ctx.from.id, ctx.from.id, 'down', reason!);
    await ctx.answerCallbackQuery({ text: TEXTS[language].thanks });
    await ctx.editMessageReplyMarkup({ reply_markup: new InlineKeyboard() }).catch(() => {});
  });
  return feature;
}
