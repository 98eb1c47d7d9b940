import { Cron } from 'croner';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';
import type { Subscription } from '../store/subscription-repository.js';
import { localDate } from '../text/clock.js';
import { buildDigest, type Digest } from './build.js';

/** Thrown by a sender when Telegram says the chat blocked the bot (403): the chat is unsubscribed. */
export class ChatBlockedError extends Error {
  override readonly name = 'ChatBlockedError';
}

/** Delivers a digest to one chat (the bot formats and sends it). */
export type DigestSender = (subscription: Subscription, digest: Digest) => Promise<void>;

export interface DigestRun {
  sent: number[];
  empty: number[];
  unsubscribed: number[];
  failed: Array<{ chatId: number; error: string }>;
}

/** "07:00" in the subscription's zone has come (or passed) today. */
function isDue(subscription: Subscription, now: Date): boolean {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: subscription.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  return time >= subscription.sendTime;
}

/**
 * The daily digest: one job (every minute) finds the subscriptions whose hour has come today
 * in their time zone and that have not had today's digest, claims each (chat, day) once in
 * the store, and sends it. A bot that was down at the hour catches up the same day; a restart
 * never sends twice; a chat that blocked the bot is unsubscribed; one failure stops no other.
 */
export class DigestService {
  private job: Cron | undefined;
  private running: Promise<DigestRun> | undefined;

  constructor(
    private readonly store: Store,
    private readonly send: DigestSender,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  async runOnce(): Promise<DigestRun> {
    // Overlapping ticks (a slow send) share one run.
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<DigestRun> {
    const now = this.now();
    const result: DigestRun = { sent: [], empty: [], unsubscribed: [], failed: [] };
    for (const subscription of this.store.subscriptions.all()) {
      if (!isDue(subscription, now)) continue;
      const day = localDate(now, subscription.timeZone);
      if (!this.store.subscriptions.claimDigest(subscription.chatId, day)) continue;
      const digest = buildDigest(this.store, now, subscription.timeZone, subscription.lastDigestAt ?? subscription.createdAt);
      try {
        if (digest.empty && !subscription.sendEmpty) {
          this.store.subscriptions.finishDigest(subscription.chatId, day, 'empty');
          result.empty.push(subscription.chatId);
          continue;
        }
        await this.send(subscription, digest);
        this.store.subscriptions.finishDigest(subscription.chatId, day, digest.empty ? 'empty' : 'sent');
        (digest.empty ? result.empty : result.sent).push(subscription.chatId);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.store.subscriptions.finishDigest(subscription.chatId, day, 'failed', message);
        if (error instanceof ChatBlockedError) {
          this.store.subscriptions.unsubscribe(subscription.chatId);
          result.unsubscribed.push(subscription.chatId);
        } else {
          result.failed.push({ chatId: subscription.chatId, error: message });
        }
        this.logger.warn({ chatId: subscription.chatId, err: message }, 'digest not delivered');
      }
    }
    if (result.sent.length || result.failed.length || result.unsubscribed.length) this.logger.info({ ...result }, 'digest run');
    return result;
  }

  /** Runs every minute (and once now, to catch up after downtime). */
  start(): void {
    this.job = new Cron('* * * * *', { protect: true }, () => void this.runOnce());
    void this.runOnce();
  }

  stop(): void {
    this.job?.stop();
  }
}
