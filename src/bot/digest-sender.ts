import { GrammyError, InputFile, type Api } from 'grammy';
import { digestTimeline, type Digest } from '../digest/build.js';
import { ChatBlockedError, type DigestSender } from '../digest/service.js';
import type { Logger } from '../logger.js';
import type { Subscription } from '../store/subscription-repository.js';
import { formatDigestHtml } from './format/facts-html.js';
import { sendTimeline } from './timeline-sender.js';

const blocked = (error: unknown) => error instanceof GrammyError && error.error_code === 403;

/**
 * Sends a digest through the Bot API, then its deadlines' picture when the chat asked for it;
 * 403 (blocked, kicked) becomes ChatBlockedError so the chat is unsubscribed. A picture that
 * cannot be drawn or sent is logged: the digest itself has arrived.
 */
export function telegramDigestSender(api: Api, logger?: Logger): DigestSender {
  return async (subscription: Subscription, digest: Digest) => {
    try {
      for (const html of formatDigestHtml(digest, subscription.sendEmpty)) {
        await api.sendMessage(subscription.chatId, html, { parse_mode: 'HTML', link_preview_options: { is_disabled: true } });
      }
    } catch (error) {
      if (blocked(error)) throw new ChatBlockedError((error as GrammyError).description);
      throw error;
    }
    const { deadlines, options } = digestTimeline(digest);
    if (!subscription.attachPicture || deadlines.length === 0) return;
    try {
      await sendTimeline(api, subscription.chatId, deadlines, options);
    } catch (error) {
      if (blocked(error)) throw new ChatBlockedError((error as GrammyError).description);
      logger?.warn({ chatId: subscription.chatId, err: String(error) }, 'digest picture not delivered');
    }
  };
}

/** An .ics file as a Telegram document. */
export function icsFile(content: string, name = 'han-chot.ics'): InputFile {
  return new InputFile(Buffer.from(content, 'utf8'), name);
}
