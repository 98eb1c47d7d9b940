import { Composer, type Context } from 'grammy';
import type { BotDeps } from '../deps.js';
import { formatAnswerHtml } from '../format/answer-html.js';

/** `@bot câu hỏi` in any chat: the cited answer as one inline result. */
export function inlineFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.on('inline_query', async (ctx) => {
    const question = ctx.inlineQuery.query.trim();
    if (question.length < 3 || question.length > 500) return ctx.answerInlineQuery([], { cache_time: 5 });
    const answer = await deps.app.answers.ask(question);
    const [html] = formatAnswerHtml(answer);
    await ctx.answerInlineQuery(
      [
        {
          type: 'article',
          id: String(answer.traceId ?? Date.now()),
          title: answer.found ? question : answer.language === 'en' ? 'Not in the sources' : 'Không có trong nguồn',
          description: answer.text.replace(/\s*\[\d+\]/g, '').slice(0, 120),
          input_message_content: { message_text: html!, parse_mode: 'HTML', link_preview_options: { is_disabled: true } },
        },
      ],
      { cache_time: 60 },
    );
  });
  return feature;
}
