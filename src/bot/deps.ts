import type { Context } from 'grammy';
import type { App } from '../app.js';
import { TEXTS } from './texts.js';
import type { WatchService } from '../watch/index.js';

/** What the bot's features need: the app (store, answers, ingest, config, logger) and a clock. */
export interface BotDeps {
  app: App;
  now: () => Date;
  /** The watched feeds and sitemaps (its schedule is started with the bot). */
  watches: WatchService;
}

export function isAdmin(deps: BotDeps, userId: number | undefined): boolean {
  return userId !== undefined && deps.app.config.adminIds.includes(userId);
}

/** Vietnamese by default; English when the user's Telegram language is English. */
export function languageOf(languageCode: string | undefined): 'vi' | 'en' {
  return languageCode?.startsWith('en') ? 'en' : 'vi';
}

/** Tells a non-admin, in their language, that the command is not theirs. */
export const refuseNonAdmin = (ctx: Context) => ctx.reply(TEXTS[languageOf(ctx.from?.language_code)].notAdmin);

/** A command handler that runs for admins only; anyone else is refused and nothing changes. */
export function adminOnly(deps: BotDeps, handler: (ctx: Context & { match: string }) => Promise<unknown>) {
  return async (ctx: Context & { match: string }) => (isAdmin(deps, ctx.from?.id) ? handler(ctx) : refuseNonAdmin(ctx));
}
