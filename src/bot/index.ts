import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Bot, BotError, GrammyError, HttpError, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { App } from '../app.js';
import { languageOf, type BotDeps } from './deps.js';
import { adminFeature } from './features/admin.js';
import { askFeature } from './features/ask.js';
import { commandsFeature } from './features/commands.js';
import { feedbackFeature } from './features/feedback.js';
import { inlineFeature } from './features/inline.js';
import { unhandledFeature } from './features/unhandled.js';
import { watchFeature } from './features/watch.js';
import { createWatchService, type WatchService } from '../watch/index.js';
import { watchFailureReporter } from './watch-reporter.js';
import { TEXTS } from './texts.js';

export interface BotOptions {
  /** Another Bot API server: a self-hosted telegram-bot-api, or the emulator in tests. */
  apiRoot?: string;
  /** Skip getMe at start (tests). */
  botInfo?: UserFromGetMe;
  now?: () => Date;
  /** Outgoing flood limits; the defaults follow Telegram's (30/s overall, ~1/s per chat). */
  throttle?: Parameters<typeof apiThrottler>[0] | false;
  /** Questions per user per window before the bot asks to slow down. */
  rateLimit?: { timeFrameMs: number; limit: number };
  /** Messages older than this when the bot starts are a backlog: not answered. */
  staleAfterSeconds?: number;
}

/**
 * Builds the bot: API transformers (retry on 429/5xx, outgoing throttle) → error boundary →
 * stale-update filter → per-user rate limit → features → unhandled. Tests build it with an
 * emulator's API root through the same function.
 */
export function createBot(token: string, app: App, options: BotOptions = {}): Bot<Context> {
  const bot = new Bot<Context>(token, { botInfo: options.botInfo, client: options.apiRoot ? { apiRoot: options.apiRoot } : undefined });
  const deps: BotDeps = { app, now: options.now ?? app.now, watches: createWatchService(app, watchFailureReporter(bot.api, app)) };
  watchesByBot.set(bot, deps.watches);

  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
  if (options.throttle !== false) {
    // "typing…" takes no slot of the per-chat queue: the answer right behind it would wait a second.
    const throttled = apiThrottler(options.throttle);
    bot.api.config.use((prev, method, payload, signal) => (method === 'sendChatAction' ? prev(method, payload, signal) : throttled(prev, method, payload, signal)));
  }

  bot.catch((error: BotError<Context>) => {
    const cause = error.error;
    const detail = cause instanceof GrammyError ? `${cause.method}: ${cause.description}` : cause instanceof HttpError ? `network: ${cause.message}` : String(cause);
    app.logger.error({ update: error.ctx.update.update_id, err: detail }, 'update failed');
    // Only this boundary decides what a user sees: a short apology, never a stack trace.
    if (error.ctx.chat && (error.ctx.message || error.ctx.callbackQuery)) {
      error.ctx.reply(TEXTS[languageOf(error.ctx.from?.language_code)].error).catch(() => {});
    }
  });

  // One chat's updates in order (a follow-up after its question); different chats in parallel.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  const inFlight = new InFlight();
  inFlightByBot.set(bot, inFlight);
  bot.use(inFlight.track);

  const startedAt = Math.floor(deps.now().getTime() / 1000);
  const staleAfter = options.staleAfterSeconds ?? 120;
  bot.use(async (ctx, next) => {
    const sent = ctx.message?.date ?? ctx.editedMessage?.date;
    if (sent !== undefined && sent < startedAt - staleAfter) {
      app.logger.info({ update: ctx.update.update_id, age: startedAt - sent }, 'stale update skipped');
      return;
    }
    await next();
  });

  const rate = options.rateLimit ?? { timeFrameMs: 60_000, limit: 20 };
  bot.use(
    limit({
      timeFrame: rate.timeFrameMs,
      limit: rate.limit,
      keyGenerator: (ctx) => (ctx.message || ctx.inlineQuery ? ctx.from?.id.toString() : undefined),
      onLimitExceeded: async (ctx) => {
        if (ctx.chat?.type === 'private') await ctx.reply(TEXTS[languageOf(ctx.from?.language_code)].slowDown).catch(() => {});
      },
    }),
  );

  bot.use(commandsFeature(deps));
  bot.use(adminFeature(deps));
  bot.use(watchFeature(deps));
  bot.use(feedbackFeature(deps));
  bot.use(inlineFeature(deps));
  bot.use(askFeature(deps));
  bot.use(unhandledFeature());
  return bot;
}

/** Counts one bot's updates being handled, so its shutdown can wait for answers in progress. */
class InFlight {
  private count = 0;

  readonly track = async (_ctx: Context, next: () => Promise<void>) => {
    this.count++;
    try {
      await next();
    } finally {
      this.count--;
    }
  };

  async drain(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.count > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const inFlightByBot = new WeakMap<Bot<Context>, InFlight>();
const watchesByBot = new WeakMap<Bot<Context>, WatchService>();

/** The bot's watch service, whose schedule `startBot` runs. */
export function watchServiceOf(bot: Bot<Context>): WatchService {
  return watchesByBot.get(bot)!;
}

/** Waits (up to `timeoutMs`) until the updates the bot is handling are done. */
export function drainInFlight(bot: Bot<Context>, timeoutMs: number): Promise<void> {
  return inFlightByBot.get(bot)?.drain(timeoutMs) ?? Promise.resolve();
}

/** Commands in the "/" menu, with Vietnamese descriptions; admins see theirs in their own chats. */
export const USER_COMMANDS = [
  { command: 'ask', description: 'Đặt câu hỏi (dùng trong nhóm)' },
  { command: 'help', description: 'Hướng dẫn và câu hỏi mẫu' },
  { command: 'sources', description: 'Danh sách bài viết' },
  { command: 'deadlines', description: 'Hạn chót: tháng 12/2023 | sắp tới | quá hạn' },
  { command: 'subscribe', description: 'Nhận bản tin hằng ngày (HH:MM)' },
  { command: 'unsubscribe', description: 'Hủy bản tin hằng ngày' },
  { command: 'digest', description: 'Xem trước bản tin' },
  { command: 'start', description: 'Giới thiệu' },
];
export const ADMIN_COMMANDS = [
  ...USER_COMMANDS,
  { command: 'ingest', description: 'Nạp bài từ URL' },
  { command: 'watch', description: 'Theo dõi RSS/Atom hoặc sitemap' },
  { command: 'watches', description: 'Các nguồn đang theo dõi' },
  { command: 'unwatch', description: 'Thôi theo dõi một nguồn' },
  { command: 'delete', description: 'Xóa bài theo mã' },
  { command: 'reindex', description: 'Dựng lại chỉ mục' },
  { command: 'stats', description: 'Thống kê' },
];

/** Registers the command menus; a Bot API server that refuses (the emulator) is logged, not fatal. */
export async function registerCommands(bot: Bot<Context>, app: App): Promise<void> {
  try {
    await bot.api.setMyCommands(USER_COMMANDS);
    for (const adminId of app.config.adminIds) await bot.api.setMyCommands(ADMIN_COMMANDS, { scope: { type: 'chat', chat_id: adminId } });
  } catch (error) {
    app.logger.warn({ err: String(error) }, 'could not register the command menu');
  }
}
