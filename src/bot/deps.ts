import type { App } from '../app.js';
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
