import { GrammyError, InputFile, type Api } from 'grammy';
import type { Digest } from '../digest/build.js';
import { ChatBlockedError, type DigestSender } from '../digest/service.js';
import type { Subscription } from '../store/subscription-repository.js';
import { formatDigestHtml } from './format/facts-html.js';

/** Sends a digest through the Bot API; 403 (blocked, kicked) becomes ChatBlockedError so the chat is unsubscribed. */
export function telegramDigestSender(api: Api): DigestSender {
  return async (subscription: Subscription, digest: Digest) => {
    try {
      for (const html of formatDigestHtml(digest, subscription.sendEmpty)) {
        await api.sendMessage(subscription.chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      }
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 403) throw new ChatBlockedError(error.description);
      throw error;
    }
  };
}

/** An .ics file as a Telegram document. */
export function icsFile(content: string, name = 'han-chot.ics'): InputFile {
  return new InputFile(Buffer.from(content, 'utf8'), name);
}
