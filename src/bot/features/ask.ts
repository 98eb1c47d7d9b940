import { Composer, InlineKeyboard, type Context } from 'grammy';
import type { Answer } from '../../rag/answer.js';
import { languageOf, type BotDeps } from '../deps.js';
import { formatAnswerHtml, plainDraft } from '../format/answer-html.js';
import { TEXTS } from '../texts.js';

export const MAX_QUESTION_LENGTH = 1000;

export function answerKeyboard(answer: Answer): InlineKeyboard {
  const texts = TEXTS[answer.language];
  const keyboard = new InlineKeyboard();
  if (answer.traceId !== undefined) {
    if (answer.citations.length > 0) keyboard.text(texts.sourcesButton, `src:${answer.traceId}`);
    keyboard.text('👍', `fb:up:${answer.traceId}`).text('👎', `fb:down:${answer.traceId}`);
  }
  return keyboard;
}

/** An answer ready sooner than this needs no "typing…": sending it would only delay the answer. */
const TYPING_AFTER_MS = 300;

/** Shows "typing…" (from 300 ms on) until `stop` is called; a failing chat action never stops the answer. */
function keepTyping(ctx: Context, deps: BotDeps): () => void {
  const send = () => ctx.replyWithChatAction('typing').catch((error) => deps.app.logger.debug({ err: String(error) }, 'chat action failed'));
  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void send();
    timer = setInterval(send, 4500);
  }, TYPING_AFTER_MS);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

/**
 * Answers one question in the chat: "typing…", then the cited answer. With an LLM the text
 * streams into one message by edits (plain text, at most about one edit a second), and a
 * final edit puts the formatted answer in place.
 */
export async function answerQuestion(ctx: Context, deps: BotDeps, question: string): Promise<void> {
  const language = languageOf(ctx.from?.language_code);
  if (!question.trim()) {
    await ctx.reply(TEXTS[language].emptyQuestion);
    return;
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    await ctx.reply(TEXTS[language].tooLong(MAX_QUESTION_LENGTH));
    return;
  }
  const stopTyping = keepTyping(ctx, deps);
  let draft: { chatId: number; messageId: number } | undefined;
  let lastDraft = '';
  // Draft updates run one after another, and the final answer waits for the last of them.
  let pending: Promise<void> = Promise.resolve();
  try {
    const answer = await deps.app.answers.ask(question, {
      conversationId: String(ctx.chat!.id),
      onText: deps.app.config.llmEnabled
        ? (text) => {
            const body = plainDraft(text);
            if (body === lastDraft) return;
            lastDraft = body;
            pending = pending
              .then(async () => {
                if (!draft) {
                  const message = await ctx.reply(body);
                  draft = { chatId: message.chat.id, messageId: message.message_id };
                } else {
                  await ctx.api.editMessageText(draft.chatId, draft.messageId, body);
                }
              })
              .catch((error) => deps.app.logger.debug({ err: String(error) }, 'streaming edit failed'));
          }
        : undefined,
    });
    stopTyping();
    await pending;
    await sendAnswer(ctx, answer, draft);
  } finally {
    stopTyping();
  }
}

/** Sends (or puts in place of the streamed draft) the formatted answer, buttons on the last message. */
export async function sendAnswer(ctx: Context, answer: Answer, draft?: { chatId: number; messageId: number }): Promise<void> {
  const messages = formatAnswerHtml(answer);
  const keyboard = answerKeyboard(answer);
  for (const [i, html] of messages.entries()) {
    const last = i === messages.length - 1;
    const options = { parse_mode: 'HTML' as const, link_preview_options: { is_disabled: true }, ...(last ? { reply_markup: keyboard } : {}) };
    if (i === 0 && draft) await ctx.api.editMessageText(draft.chatId, draft.messageId, html, options);
    else await ctx.reply(html, options);
  }
}

/** Questions: any text in a private chat; in groups, a mention, a reply to the bot, or /ask. */
export function askFeature(deps: BotDeps): Composer<Context> {
  const feature = new Composer<Context>();
  feature.command('ask', (ctx) => answerQuestion(ctx, deps, ctx.match));
  feature.chatType('private').on('message:text', async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    await answerQuestion(ctx, deps, ctx.message.text);
  });
  feature.chatType(['group', 'supergroup']).on('message:text', async (ctx, next) => {
    const text = ctx.message.text;
    if (text.startsWith('/')) return next();
    const mention = `@${ctx.me.username}`;
    const mentioned = text.toLowerCase().includes(mention.toLowerCase());
    const repliedToBot = ctx.message.reply_to_message?.from?.id === ctx.me.id;
    if (!mentioned && !repliedToBot) return; // group chatter is not for the bot
    await answerQuestion(ctx, deps, text.replace(new RegExp(mention, 'gi'), ' ').trim());
  });
  return feature;
}
