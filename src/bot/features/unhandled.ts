import { Composer, type Context } from 'grammy';
import { languageOf } from '../deps.js';
import { TEXTS } from '../texts.js';

/** Last in the chain: unknown commands and non-text messages get a short answer in private chats, silence in groups. */
export function unhandledFeature(): Composer<Context> {
  const feature = new Composer<Context>();
  feature.on('message', async (ctx) => {
    const texts = TEXTS[languageOf(ctx.from?.language_code)];
    const isCommand = ctx.message.text?.startsWith('/') ?? false;
    if (isCommand) {
      // In groups, a command meant for another bot ("/cmd@other_bot") is none of our business.
      const target = ctx.message.text!.split(/\s/)[0]!.split('@')[1];
      if (ctx.chat.type !== 'private' && target && target.toLowerCase() !== ctx.me.username.toLowerCase()) return;
      await ctx.reply(texts.unknownCommand);
      return;
    }
    if (ctx.chat.type === 'private') await ctx.reply(texts.onlyText);
  });
  return feature;
}
