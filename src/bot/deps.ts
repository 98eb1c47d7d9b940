import type { App } from '../app.js';

/** What the bot's features need: the app (store, answers, ingest, config, logger) and a clock. */
export interface BotDeps {
  app: App;
  now: () => Date;
}

export function isAdmin(deps: BotDeps, userId: number | undefined): boolean {
  return userId !== undefined && deps.app.config.adminIds.includes(userId);
}

/** Vietnamese by default; English when the user's Telegram language is English. */
export function languageOf(languageCode: string | undefined): 'vi' | 'en' {
  return languageCode?.startsWith('en') ? 'en' : 'vi';
}
