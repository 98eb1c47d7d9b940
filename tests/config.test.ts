import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/index.js';

describe('loadConfig', () => {
  it('gives working offline defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ embeddings: 'local', timeZone: 'Asia/Ho_Chi_Minh', adminIds: [], telegramBotToken: undefined });
    expect(config.dataDir.endsWith('data/store')).toBe(true);
  });

  it('parses admin ids and the bot token', () => {
    const config = loadConfig({ ADMIN_IDS: '123, 456;789', TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ012345' });
    expect(config.adminIds).toEqual([123, 456, 789]);
  });

  it('names every bad variable in one message, without echoing secret values', () => {
    const secret = 'not-a-token-but-a-secret';
    let message = '';
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: secret, ADMIN_IDS: 'abc', EMBEDDINGS: 'bert', TIMEZONE: 'Mars/Base' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Cấu hình không hợp lệ: /);
    for (const name of ['TELEGRAM_BOT_TOKEN', 'ADMIN_IDS', 'EMBEDDINGS', 'TIMEZONE']) expect(message).toContain(name);
    expect(message).not.toContain(secret);
  });

  it('requires a key or a server for OpenAI embeddings', () => {
    expect(() => loadConfig({ EMBEDDINGS: 'openai' })).toThrow(/OPENAI_API_KEY: EMBEDDINGS=openai cần OPENAI_API_KEY/);
    expect(loadConfig({ EMBEDDINGS: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).embeddings).toBe('openai');
  });
});
