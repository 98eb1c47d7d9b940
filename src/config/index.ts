import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors.js';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Every setting the product reads, as environment variables. Values are never echoed in errors. */
export const environmentSchema = z
  .object({
    DATA_DIR: z.string().trim().min(1).default('./data/store'),
    ARTICLES_DIR: z.string().trim().min(1).default('./data/articles'),
    TELEGRAM_BOT_TOKEN: optionalText.pipe(
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'không đúng dạng token của BotFather (số:chuỗi)')
        .optional(),
    ),
    ADMIN_IDS: z
      .string()
      .trim()
      .default('')
      .transform((value, ctx) => {
        const parts = value.split(/[\s,;]+/).filter(Boolean);
        const ids = parts.map(Number);
        if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
          ctx.addIssue({ code: 'custom', message: 'phải là danh sách id Telegram (số nguyên dương) cách nhau bởi dấu phẩy' });
          return z.NEVER;
        }
        return ids;
      }),
    OPENAI_API_KEY: optionalText,
    OPENAI_BASE_URL: optionalText.pipe(z.url({ message: 'phải là một URL http(s)' }).optional()),
    CHAT_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
    EMBEDDINGS: z.enum(['local', 'openai'], { message: "phải là 'local' hoặc 'openai'" }).default('local'),
    EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
    TIMEZONE: z
      .string()
      .trim()
      .default('Asia/Ho_Chi_Minh')
      .refine(isTimeZone, 'không phải múi giờ IANA hợp lệ (ví dụ Asia/Ho_Chi_Minh)'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_INPUT_MB: z.coerce.number().positive().max(200).default(5),
    MAX_DOCUMENT_MB: z.coerce.number().positive().max(200).default(20),
    FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    ALLOW_PRIVATE_URLS: z.enum(['true', 'false'], { message: "phải là 'true' hoặc 'false'" }).default('false'),
    WATCH_INTERVAL_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(60),
    WATCH_MAX_ITEMS: z.coerce.number().int().positive().max(1000).default(20),
    MAX_FEED_MB: z.coerce.number().positive().max(200).default(10),
    TELEGRAM_API_ROOT: optionalText.pipe(z.url({ message: 'phải là URL của Bot API server (ví dụ http://127.0.0.1:8081)' }).optional()),
    WEBHOOK_URL: optionalText.pipe(z.url({ message: 'phải là URL https công khai của bot' }).optional()),
    WEBHOOK_SECRET: optionalText,
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    NOW: optionalText.pipe(
      z
        .string()
        .refine((value) => !Number.isNaN(Date.parse(value)), 'phải là thời điểm ISO, ví dụ 2020-12-08 hoặc 2020-12-08T07:00:00+07:00')
        .optional(),
    ),
    LLM: z.enum(['auto', 'off'], { message: "phải là 'auto' hoặc 'off'" }).default('auto'),
    LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !/^[A-Za-z0-9_-]{16,256}$/.test(env.WEBHOOK_SECRET ?? '')) {
      ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'WEBHOOK_URL cần WEBHOOK_SECRET (16–256 ký tự A-Z, a-z, 0-9, _ hoặc -)' });
    }
    if (env.EMBEDDINGS === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'EMBEDDINGS=openai cần OPENAI_API_KEY (hoặc OPENAI_BASE_URL của một máy chủ tương thích OpenAI)',
      });
    }
  });

export interface Config {
  dataDir: string;
  articlesDir: string;
  telegramBotToken: string | undefined;
  adminIds: number[];
  openai: { apiKey: string | undefined; baseUrl: string | undefined; chatModel: string; embeddingModel: string };
  /** An LLM is used (for answers and to refine facts) when a key or an OpenAI-compatible server is configured. */
  llmEnabled: boolean;
  llmTimeoutMs: number;
  embeddings: 'local' | 'openai';
  timeZone: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  maxInputBytes: number;
  /** For PDF and Word files, which carry fonts and pictures: Telegram lets a bot download up to 20 MB. */
  maxDocumentBytes: number;
  fetchTimeoutMs: number;
  /** Pages and feeds on loopback, private or link-local addresses may be fetched (tests, a trusted intranet). */
  allowPrivateUrls: boolean;
  watch: { intervalMinutes: number; maxItemsPerRun: number; maxFeedBytes: number };
  telegram: { apiRoot: string | undefined; webhookUrl: string | undefined; webhookSecret: string | undefined; port: number };
  /** A fixed "now" for previews (NOW=2020-12-08): every date decision uses it instead of the real clock. */
  now: string | undefined;
}

/**
 * Parses the environment once, at start-up. Fails with every bad variable named, e.g.
 * `Cấu hình không hợp lệ: EMBEDDINGS: phải là 'local' hoặc 'openai'`.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'env'}: ${issue.message}`);
    throw new AppError('CONFIG_INVALID', `Cấu hình không hợp lệ: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  return {
    dataDir: path.resolve(e.DATA_DIR),
    articlesDir: path.resolve(e.ARTICLES_DIR),
    telegramBotToken: e.TELEGRAM_BOT_TOKEN,
    adminIds: e.ADMIN_IDS,
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, chatModel: e.CHAT_MODEL, embeddingModel: e.EMBEDDING_MODEL },
    embeddings: e.EMBEDDINGS,
    llmEnabled: e.LLM === 'auto' && Boolean(e.OPENAI_API_KEY || e.OPENAI_BASE_URL),
    llmTimeoutMs: e.LLM_TIMEOUT_MS,
    timeZone: e.TIMEZONE,
    logLevel: e.LOG_LEVEL,
    maxInputBytes: Math.round(e.MAX_INPUT_MB * 1024 * 1024),
    maxDocumentBytes: Math.round(e.MAX_DOCUMENT_MB * 1024 * 1024),
    fetchTimeoutMs: e.FETCH_TIMEOUT_MS,
    allowPrivateUrls: e.ALLOW_PRIVATE_URLS === 'true',
    watch: { intervalMinutes: e.WATCH_INTERVAL_MINUTES, maxItemsPerRun: e.WATCH_MAX_ITEMS, maxFeedBytes: Math.round(e.MAX_FEED_MB * 1024 * 1024) },
    now: e.NOW,
    telegram: { apiRoot: e.TELEGRAM_API_ROOT?.replace(/\/+$/, ''), webhookUrl: e.WEBHOOK_URL, webhookSecret: e.WEBHOOK_SECRET, port: e.PORT },
  };
}

/** Loads `.env` from the working directory when present (real environment variables win). */
export function loadDotEnv(file = '.env'): void {
  if (existsSync(file)) process.loadEnvFile(file);
}
