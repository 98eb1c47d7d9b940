import { createServer } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { Bot, Context } from 'grammy';
import type { App } from '../app.js';
import { DigestService } from '../digest/service.js';
import { telegramDigestSender } from './digest-sender.js';
import { drainInFlight, registerCommands, watchServiceOf } from './index.js';
import { webhookHandler } from './webhook.js';

export interface RunningBot {
  /** The digest scheduler (its minute tick is `runOnce`). */
  digest: DigestService;
  /** Stops taking updates, lets answers in progress finish, then resolves. */
  stop(): Promise<void>;
}

/**
 * Starts the bot: webhook mode when WEBHOOK_URL is set (Telegram must send the secret token),
 * concurrent long polling otherwise.
 */
export async function startBot(bot: Bot<Context>, app: App, options: { digest?: boolean; watch?: boolean } = {}): Promise<RunningBot> {
  await bot.init();
  await registerCommands(bot, app);
  const digest = new DigestService(app.store, telegramDigestSender(bot.api, app.logger), app.now, app.logger);
  if (options.digest !== false) digest.start();
  const watches = watchServiceOf(bot);
  if (options.watch !== false) watches.start();
  const { webhookUrl, webhookSecret, port } = app.config.telegram;
  if (webhookUrl) {
    const handle = webhookHandler(bot, app, webhookSecret!);
    const server = createServer((request, response) => void handle(request, response));
    await new Promise<void>((resolve) => server.listen(port, resolve));
    await bot.api.setWebhook(webhookUrl, { secret_token: webhookSecret, allowed_updates: ['message', 'callback_query', 'inline_query'] });
    app.logger.info({ port, username: bot.botInfo.username }, 'bot listening for webhook updates');
    return {
      digest,
      async stop() {
        digest.stop();
        watches.stop();
        await new Promise((resolve) => server.close(resolve));
        await drainInFlight(bot, 30_000);
      },
    };
  }
  await bot.api.deleteWebhook().catch((error) => app.logger.warn({ err: String(error) }, 'deleteWebhook failed'));
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ['message', 'callback_query', 'inline_query'] } } });
  app.logger.info({ username: bot.botInfo.username }, 'bot polling for updates');
  return {
    digest,
    async stop() {
      digest.stop();
      watches.stop();
      if (runner.isRunning()) await runner.stop();
      await drainInFlight(bot, 30_000);
    },
  };
}
