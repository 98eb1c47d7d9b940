import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createBot } from '../../src/bot/index.js';
import { startBot, type RunningBot } from '../../src/bot/start.js';
import { BUNDLED_ARTICLES, createTestApp, tempDir } from '../helpers.js';
import { freePort, repliesIn, TOKEN } from './harness.js';

const SECRET = 'webhook-secret-0123456789abcdef';
let server: TelegramServer;
let app: App;
let running: RunningBot;
let dir: ReturnType<typeof tempDir>;
let port: number;

beforeAll(async () => {
  const apiPort = await freePort();
  server = new TelegramServer({ port: apiPort, host: '127.0.0.1' });
  await server.start();
  port = await freePort();
  dir = tempDir('rpb-webhook-');
  app = await createTestApp(path.join(dir.path, 'store'), {
    TELEGRAM_API_ROOT: `http://127.0.0.1:${apiPort}`,
    WEBHOOK_URL: `http://127.0.0.1:${port}/telegram`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
  });
  await app.ingest.ingestInputs([BUNDLED_ARTICLES]);
  running = await startBot(createBot(TOKEN, app, { apiRoot: `http://127.0.0.1:${apiPort}`, throttle: false }), app, { digest: false });
}, 60_000);
afterAll(async () => {
  await running?.stop();
  app?.close();
  await server?.stop();
  dir?.remove();
});

const update = (id: number, text: string) => ({
  update_id: id,
  message: { message_id: id, date: Math.floor(Date.now() / 1000), chat: { id: 8080, type: 'private', first_name: 'Lan' }, from: { id: 8080, is_bot: false, first_name: 'Lan' }, text },
});

describe('webhook mode', () => {
  it('answers an update that carries Telegram\'s secret token, and refuses one that does not', async () => {
    const refused = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'wrong' },
      body: JSON.stringify(update(1, 'Ai trình bày kế hoạch thực hiện Nghị quyết 28?')),
    });
    expect(refused.status).toBe(401);

    const accepted = await fetch(`http://127.0.0.1:${port}/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update(2, 'Ai trình bày kế hoạch thực hiện Nghị quyết 28?')),
    });
    expect(accepted.status).toBe(200);
    const [answer] = await repliesIn(server, 8080, 1);
    expect(answer!.text).toContain('Vũ Đức Bảo');
    expect(await repliesIn(server, 8080, 2, 300)).toHaveLength(1);
  });

  it('acknowledges a slow update at once and answers it once, though Telegram sends it twice', async () => {
    const ask = app.answers.ask.bind(app.answers);
    app.answers.ask = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 1500)); // slower than Telegram waits for an LLM answer, in small
      return ask(...args);
    };
    try {
      const post = () =>
        fetch(`http://127.0.0.1:${port}/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
          body: JSON.stringify({ ...update(3, 'Ai trình bày kế hoạch thực hiện Nghị quyết 28?'), message: { ...update(3, '').message, chat: { id: 8081, type: 'private', first_name: 'Lan' }, from: { id: 8081, is_bot: false, first_name: 'Lan' }, text: 'Ai trình bày kế hoạch thực hiện Nghị quyết 28?' } }),
        });
      const started = performance.now();
      expect((await post()).status).toBe(200);
      expect(performance.now() - started).toBeLessThan(1000); // acknowledged before the answer is ready
      expect((await post()).status).toBe(200); // the re-send: taken, and dropped
      const [answer] = await repliesIn(server, 8081, 1, 10_000);
      expect(answer!.text).toContain('Vũ Đức Bảo');
      expect(await repliesIn(server, 8081, 2, 2500)).toHaveLength(1);
    } finally {
      app.answers.ask = ask;
    }
    // Remembered in the store: a restarted (or second) process on it does not take the update again.
    const restarted = await createTestApp(path.join(dir.path, 'store'));
    try {
      expect(restarted.store.updates.claim(3)).toBe(false);
      expect(restarted.store.updates.claim(4)).toBe(true);
    } finally {
      restarted.close();
    }
  });
});
