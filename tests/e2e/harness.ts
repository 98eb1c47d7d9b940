import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import type { App, AppOverrides } from '../../src/app.js';
import { createBot, type BotOptions } from '../../src/bot/index.js';
import { startBot, type RunningBot } from '../../src/bot/start.js';
import { createTestApp, tempDir } from '../helpers.js';

export const TOKEN = '123456789:AAtestTokenForTheEmulatorOnLoopback00';
export const ADMIN_ID = 9001;

/** A loopback port nobody uses (the emulator ignores port 0). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * What the tests add around telegram-test-api: `getFile` and file downloads (uploads), a 429
 * on demand (flood limits), a record of every Bot API call, and a short pause on `getUpdates`
 * (the emulator answers at once instead of long-polling).
 */
export class EmulatorProxy {
  /** `bytes`: the request body as sent (a multipart upload's file intact; `raw` is it as UTF-8 text). */
  readonly calls: Array<{ method: string; body: Record<string, unknown>; raw: string; bytes: Buffer }> = [];
  readonly files = new Map<string, { path: string; content: Buffer }>();
  /** How many of the next sendMessage calls answer 429 (retry_after 1 s). */
  floodNext = 0;
  private server: Server | undefined;

  constructor(private readonly upstream: string) {}

  async start(): Promise<string> {
    this.server = createServer(async (req, res) => {
      const raw = await readAll(req);
      const url = req.url ?? '';
      const file = url.match(/^\/file\/bot[^/]+\/(.+)$/);
      if (file) {
        const entry = [...this.files.values()].find((f) => f.path === decodeURIComponent(file[1]!));
        res.writeHead(entry ? 200 : 404).end(entry?.content ?? 'not found');
        return;
      }
      const method = url.match(/^\/bot[^/]+\/([A-Za-z]+)/)?.[1] ?? '';
      let body: Record<string, unknown> = {};
      try {
        body = raw.length ? JSON.parse(raw.toString()) : {};
      } catch {
        body = {};
      }
      if (method !== 'getUpdates') this.calls.push({ method, body, raw: raw.toString('utf8'), bytes: raw });
      if (method === 'sendDocument' || method === 'sendPhoto' || method === 'getChatMember') {
        // Not in the emulator: a document or photo is acknowledged (its multipart body is kept), membership is "administrator" for ADMIN_ID.
        const chatId = Number(raw.toString('utf8').match(/name="chat_id"\r\n\r\n(-?\d+)/)?.[1] ?? body.chat_id ?? 0);
        const message = { message_id: Date.now() % 1_000_000, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: 'private', first_name: 'x' } };
        const result =
          method === 'sendDocument'
            ? { ...message, document: { file_id: 'f', file_unique_id: 'f' } }
            : method === 'sendPhoto'
              ? { ...message, photo: [{ file_id: 'p', file_unique_id: 'p', width: 900, height: 600 }] }
              : { status: body.user_id === ADMIN_ID ? 'administrator' : 'member', user: { id: body.user_id, is_bot: false, first_name: 'x' } };
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, result }));
        return;
      }
      if (method === 'getFile') {
        const entry = this.files.get(String(body.file_id));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(entry ? { ok: true, result: { file_id: body.file_id, file_unique_id: 'u', file_size: entry.content.length, file_path: entry.path } } : { ok: false, error_code: 400, description: 'Bad Request: file not found' }));
        return;
      }
      if (method === 'sendMessage' && this.floodNext > 0) {
        this.floodNext--;
        res.writeHead(429, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } }));
        return;
      }
      if (method === 'getUpdates') await new Promise((resolve) => setTimeout(resolve, 40));
      const upstream = new URL(url, this.upstream);
      const forward = httpRequest(upstream, { method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(raw);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  callsTo(method: string) {
    return this.calls.filter((c) => c.method === method);
  }

  /** A multipart call's text field (`caption`, `chat_id` …), as the bot sent it. */
  static field(call: { raw: string }, name: string): string | undefined {
    return call.raw.match(new RegExp(`name="${name}"\r\n(?:[^\r\n]+\r\n)*\r\n([\\s\\S]*?)\r\n--`))?.[1];
  }

  /** The PNG file inside a multipart upload (from its signature through the IEND chunk). */
  static png(call: { bytes: Buffer }): Buffer {
    const start = call.bytes.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const end = call.bytes.indexOf(Buffer.from('IEND'), start);
    return call.bytes.subarray(start, end + 8);
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

export interface Harness {
  server: TelegramServer;
  proxy: EmulatorProxy;
  app: App;
  running: RunningBot;
  stop(): Promise<void>;
}

/** The emulator, the proxy, the app on a fresh store with the bundled articles, and the real bot polling them. */
export async function startHarness(options: BotOptions = {}, env: Record<string, string> = {}, overrides: AppOverrides = {}): Promise<Harness> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 120 });
  await server.start();
  const proxy = new EmulatorProxy(`http://127.0.0.1:${port}`);
  const apiRoot = await proxy.start();
  const dir = tempDir('rpb-e2e-');
  const app = await createTestApp(path.join(dir.path, 'store'), { ADMIN_IDS: String(ADMIN_ID), TELEGRAM_API_ROOT: apiRoot, ...env }, overrides);
  await app.ingest.ingestInputs([path.resolve('data/articles')]);
  const bot = createBot(TOKEN, app, {
    apiRoot,
    // Fast outgoing limits for tests; production keeps Telegram's.
    throttle: { global: { maxConcurrent: 30, minTime: 0 }, group: { maxConcurrent: 5, minTime: 0 }, out: { maxConcurrent: 5, minTime: 0 } },
    ...options,
  });
  const running = await startBot(bot, app);
  return {
    server,
    proxy,
    app,
    running,
    async stop() {
      await running.stop();
      app.close();
      await proxy.stop();
      await server.stop();
      dir.remove();
    },
  };
}

/** Bot messages in one chat, waiting until `count` have arrived (or the time is up). */
export async function repliesIn(server: TelegramServer, chatId: number, count = 1, timeoutMs = 15_000, since = 0): Promise<Array<Record<string, any>>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const messages = server.storage.botMessages.filter((m) => String(m.message.chat_id) === String(chatId)).slice(since).map((m) => ({ ...m.message, message_id: m.messageId, time: m.time }));
    if (messages.length >= count || Date.now() > deadline) return messages;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Questions of every kind, for burst and load tests. */
export const SAMPLE_QUESTIONS = [
  'Ai trình bày kế hoạch thực hiện Nghị quyết 28?',
  'Kế hoạch 04-KH/TU ban hành ngày nào?',
  'Các lớp do Ban Tuyên giáo Thành ủy tổ chức phải hoàn thành khi nào?',
  'nguyen trong dong giai trinh ve nghi quyet nao',
  'Who presented the plan for Resolution 29-NQ/TW?',
  'Những việc nào phải hoàn thành trước tháng 2/2021?',
  'Ai trình bày kế hoạch thực hiện Nghị quyết số 57-NQ/TW?',
  'Kế hoạch số 186-KH/TU về việc gì?',
];
