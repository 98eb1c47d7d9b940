import { createApp, ensureBundledArticles } from './app.js';
import { createBot } from './bot/index.js';
import { startBot } from './bot/start.js';
import { loadConfig, loadDotEnv } from './config/index.js';
import { describeError } from './errors.js';

/** `npm start`: the Telegram bot. Reads the environment once; everything else is built from the config. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  if (!config.telegramBotToken) {
    console.error('Thiếu TELEGRAM_BOT_TOKEN: tạo bot với @BotFather rồi đặt biến môi trường TELEGRAM_BOT_TOKEN=123456:ABC…');
    process.exitCode = 1;
    return;
  }
  const app = await createApp(config);
  await ensureBundledArticles(app);
  const bot = createBot(config.telegramBotToken, app, { apiRoot: config.telegram.apiRoot });
  const running = await startBot(bot, app);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'shutting down: finishing answers in progress');
    await running.stop();
    app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error) => {
  console.error(`Lỗi: ${describeError(error)}`);
  process.exit(1);
});
